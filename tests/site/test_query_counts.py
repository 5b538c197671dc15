"""Every page runs the same bounded number of SQL queries with 1 row and with 50+ rows."""

import pytest
from django.core.cache import cache

from articles.models import Evidence, Mention, PersonMention
from tests.factories import ArticleFactory, CompanyFactory, PersonFactory, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 55], ids=["1-row", "55-rows"])
def data(request):
    """`size` partnerships of the company "hub", each with its own partner and article; the first
    article also reports every partnership and names every company, and the first partnership is
    reported by every article: so every list and every detail page has `size` rows."""
    size = request.param
    hub = CompanyFactory(name="Hub", slug="hub")
    person = PersonFactory(slug="speaker", organisation=hub)
    first_article = ArticleFactory(slug="first-article")
    quote = first_article.body.split(". ")[0] + "."
    first = None
    for _ in range(size):
        article = first_article if first is None else ArticleFactory()
        extra = {"slug": "first-partnership"} if first is None else {}
        partnership = make_partnership([hub, CompanyFactory()], article=article, **extra)
        PersonMention.objects.create(article=article, person=person)
        if first is None:
            first = partnership
            continue
        Evidence.objects.create(partnership=first, article=article, quote=article.body.split(". ")[0] + ".")
        Evidence.objects.create(partnership=partnership, article=first_article, quote=quote)
        for participant in partnership.participants.all():
            Mention.objects.get_or_create(article=first_article, company=participant.company)
    cache.clear()  # the network layout cache would otherwise hide nothing but timing
    return size


# Each entry: URL, maximum queries, and the queries it runs.
PAGES = [
    # 3 counts; latest articles; newest partnerships + participants; most reported + participants;
    # most-connected companies.
    ("/", 9),
    # count; page of articles.
    ("/articles/", 2),
    # company filter lookup (slug or name, then alias when neither matched); count; page.
    ("/articles/?company=hub&published_after=2020-01-01", 4),
    # article + mentions (with companies) + person mentions (with people); public evidence with
    # partnerships; market facts.
    ("/articles/first-article/", 5),
    # count; page with partner and article counts as subqueries.
    ("/companies/", 2),
    # company with counts + subsidiaries + people; its partnerships + participants; articles naming it;
    # its market facts; the network neighbourhood (participants, companies).
    ("/companies/hub/", 9),
    # count; page of partnerships; their participants with companies.
    ("/partnerships/", 3),
    # company filter lookup; count; page; participants.
    ("/partnerships/?company=hub&status=announced", 4),
    # partnership with counts; participants with companies; evidence with articles.
    ("/partnerships/first-partnership/", 3),
    # the data version (partnerships, participants, companies aggregates); on a cache miss, the
    # participants with their partnerships and the companies.
    ("/network/", 5),
    # articles; companies with counts; partnerships + participants.
    ("/search/?q=Partnership", 4),
    # person with organisation; articles naming them.
    ("/people/speaker/", 2),
    # articles.
    ("/feeds/latest/", 1),
    # company filter lookup; articles.
    ("/feeds/articles/?company=hub", 2),
    # partnerships.
    ("/feeds/partnerships/?status=announced", 1),
    # company; its articles; its partnerships.
    ("/companies/hub/feed/", 3),
]


@pytest.mark.parametrize(("url", "max_queries"), PAGES, ids=[url for url, _ in PAGES])
def test_page_runs_a_bounded_number_of_queries(client, data, django_assert_max_num_queries, url, max_queries):
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200
