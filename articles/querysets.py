"""Reusable reads. Views, the API and feeds call these instead of rebuilding the filters."""

from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce


def _count_subquery(rows: models.QuerySet, link: str) -> Coalesce:
    """COUNT(*) of `rows` whose `link` is the outer row, as a correlated subquery: one SQL query for
    the whole list, and cheaper than a JOIN + GROUP BY that multiplies rows."""
    counted = rows.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), Value(0))


class ParticipantQuerySet(models.QuerySet):
    def public(self):
        """Participations in partnerships readers see (see PartnershipQuerySet.public)."""
        from .models import Partnership

        return self.filter(partnership__status__in=Partnership.PUBLIC_STATUSES)


class EvidenceQuerySet(models.QuerySet):
    def public(self):
        """Evidence of partnerships readers see (see PartnershipQuerySet.public)."""
        from .models import Partnership

        return self.filter(partnership__status__in=Partnership.PUBLIC_STATUSES)


class CompanyQuerySet(models.QuerySet):
    def with_counts(self):
        """Annotate partnership_count (public partnerships) and article_count (articles naming it)."""
        from .models import Mention, Participant

        return self.annotate(
            partnership_count=_count_subquery(Participant.objects.public(), "company"),
            article_count=_count_subquery(Mention.objects.all(), "company"),
        )

    def most_connected(self, limit: int = 10):
        """The companies in the most public partnerships, busiest first, with counts.

        The top is picked by one grouped scan of participants; ordering every company by its count
        subquery would evaluate that subquery 10,000 times."""
        from .models import Participant

        top = (
            Participant.objects.public()
            .values("company_id")
            .annotate(n=Count("*"))
            .order_by("-n", "company_id")
            .values("company_id")[:limit]
        )
        return self.with_counts().filter(pk__in=Subquery(top)).order_by("-partnership_count", "name")

    def search(self, query: str):
        """Companies whose name or any alias contains the query, case-insensitively."""
        query = " ".join(query.split())
        if not query:
            return self
        return self.filter(names_text__icontains=query)

    def named(self, name: str):
        """Companies whose name or one of whose aliases is exactly `name`, ignoring case."""
        return self.filter(names_text__icontains=f"\n{' '.join(name.split())}\n")


class ArticleQuerySet(models.QuerySet):
    def mentioning(self, *companies):
        """Articles that mention any of the companies (instances or slugs)."""
        slugs = [c if isinstance(c, str) else c.slug for c in companies]
        from .models import Mention

        return self.filter(pk__in=Mention.objects.filter(company__slug__in=slugs).values("article_id"))

    def search(self, query: str):
        """Full-text search of title, summary and body.

        PostgreSQL matches the stored, GIN-indexed search_vector with web-search syntax and orders by
        rank; SQLite (development) falls back to requiring every word somewhere in the text.
        """
        query = query.strip()
        if not query:
            return self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            search_query = SearchQuery(query, search_type="websearch", config="english")
            return (
                self.filter(search_vector=search_query)
                # F(): rank the stored vector. A bare field name would make Django wrap it in
                # to_tsvector() and recompute a vector for every matching row.
                .annotate(rank=SearchRank(F("search_vector"), search_query))
                .order_by("-rank", "-published_at", "-id")
            )
        result = self
        for word in query.split()[:10]:
            result = result.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word))
        return result


class PartnershipQuerySet(models.QuerySet):
    def public(self):
        """Partnerships readers see: everything but proposals awaiting review and rejected ones."""
        return self.filter(status__in=self.model.PUBLIC_STATUSES)

    def proposed(self):
        return self.filter(status=self.model.Status.PROPOSED)

    def involving(self, *companies):
        """Partnerships in which any of the companies (instances or slugs) takes part."""
        slugs = [c if isinstance(c, str) else c.slug for c in companies]
        from .models import Participant

        return self.filter(pk__in=Participant.objects.filter(company__slug__in=slugs).values("partnership_id"))

    def with_evidence_count(self):
        """Annotate evidence_count and source_count (distinct articles reporting it)."""
        from .models import Evidence

        return self.annotate(
            evidence_count=_count_subquery(Evidence.objects.all(), "partnership"),
            source_count=Coalesce(
                Subquery(
                    Evidence.objects.filter(partnership=OuterRef("pk"))
                    .order_by()
                    .values("partnership")
                    .annotate(n=Count("article", distinct=True))
                    .values("n"),
                    output_field=models.IntegerField(),
                ),
                Value(0),
            ),
        )

    def most_reported(self, limit: int = 10):
        """Public partnerships reported by the most distinct articles, with evidence counts; the top
        is picked by one grouped scan of evidence rather than a count subquery per partnership."""
        from .models import Evidence

        top = (
            Evidence.objects.public()
            .values("partnership_id")
            .annotate(n=Count("article_id", distinct=True))
            .order_by("-n", "-partnership_id")
            .values("partnership_id")[:limit]
        )
        return (
            self.filter(pk__in=Subquery(top))
            .with_evidence_count()
            .order_by("-source_count", "-evidence_count", "-announced_on", "-id")
        )

    def search(self, query: str):
        query = query.strip()
        if not query:
            return self
        return self.filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Q(project__name__icontains=query)
        )

    def with_first_reported(self):
        """Annotate first_reported_at: when the earliest article reporting it was published (a date for
        partnerships the news reports without an announcement date)."""
        from .models import Evidence

        evidence = Evidence.objects.filter(partnership=OuterRef("pk"))
        return self.annotate(
            first_reported_at=Subquery(
                evidence.order_by("article__published_at").values("article__published_at")[:1],
                output_field=models.DateTimeField(),
            )
        )
