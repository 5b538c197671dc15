"""factory_boy factories for bulk test data (query-count tests at two sizes, benchmarks)."""

import datetime as dt

import factory
from django.utils import timezone

from articles.models import Article, Company, Evidence, Mention, Participant, Partnership, Person


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")
    country = "KR"
    sector = "Semiconductors"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role = "Chief executive"
    organisation = factory.SubFactory(CompanyFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n} about an alliance")
    slug = factory.Sequence(lambda n: f"article-{n}")
    source = "Example News"
    published_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(hours=n))
    summary = "A partnership was announced."
    body = factory.Sequence(lambda n: f"Story number {n}. Two companies agreed to work together on chips.")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    title = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    status = Partnership.Status.ANNOUNCED
    announced_on = factory.Sequence(lambda n: dt.date(2025, 1, 1) + dt.timedelta(days=n % 300))


def make_partnership(companies=None, *, article=None, **kwargs) -> Partnership:
    """A partnership between two (or the given) companies, each mentioned in one article whose first
    sentence is the evidence."""
    companies = companies or [CompanyFactory(), CompanyFactory()]
    article = article or ArticleFactory()
    partnership = PartnershipFactory(**kwargs)
    for company in companies:
        Participant.objects.create(partnership=partnership, company=company, role="partner")
        Mention.objects.get_or_create(article=article, company=company, defaults={"count": 2})
    Evidence.objects.create(partnership=partnership, article=article, quote=article.body.split(". ")[0] + ".")
    return partnership
