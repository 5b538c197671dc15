"""Partnerships between companies, their participants, and the article sentences that report them."""

from django.db import models
from django.db.models import F
from django.db.models.functions import MD5
from django.urls import reverse

from ..querysets import EvidenceQuerySet, ParticipantQuerySet, PartnershipQuerySet
from .articles import Article
from .base import TimestampedModel, unique_slug
from .companies import Company


class Project(TimestampedModel):
    """A named undertaking that partnerships serve, e.g. the Stargate data centre project."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership-list") + f"?project={self.slug}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)


class PartnershipKind(models.TextChoices):
    STRATEGIC_ALLIANCE = "strategic_alliance", "Strategic alliance"
    INVESTMENT = "investment", "Investment"
    JOINT_VENTURE = "joint_venture", "Joint venture / project"
    SUPPLY = "supply", "Supply deal"
    LICENSING = "licensing", "Licensing"
    RESEARCH = "research", "Research collaboration"
    ACQUISITION = "acquisition", "Acquisition"


class PartnershipStatus(models.TextChoices):
    # Proposed by the ingestion pipeline and waiting for a reviewer; never shown publicly.
    PROPOSED = "proposed", "Proposed (awaiting review)"
    IN_TALKS = "in_talks", "Reported / in talks"
    UNDER_CONSIDERATION = "under_consideration", "Under consideration"
    ANNOUNCED = "announced", "Announced"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"
    # A proposal a reviewer turned down; kept so the same sentence does not propose it again.
    REJECTED = "rejected", "Rejected"


class Partnership(TimestampedModel):
    # Defined at module level so that Meta can name them; used as Partnership.Kind / .Status.
    Kind = PartnershipKind
    Status = PartnershipStatus

    # Statuses readers see on the site and in the API by default.
    PUBLIC_STATUSES = (
        Status.IN_TALKS,
        Status.UNDER_CONSIDERATION,
        Status.ANNOUNCED,
        Status.ACTIVE,
        Status.ENDED,
    )

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=255, unique=True, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.STRATEGIC_ALLIANCE)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.ANNOUNCED)
    announced_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)
    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.SET_NULL, related_name="partnerships")
    companies = models.ManyToManyField(Company, through="Participant", related_name="partnerships")
    articles = models.ManyToManyField(Article, through="Evidence", related_name="partnerships")

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-announced_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PartnershipKind.values), name="partnership_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(status__in=PartnershipStatus.values), name="partnership_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="partnership_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(announced_on__isnull=True)
                | models.Q(ended_on__gte=models.F("announced_on")),
                name="partnership_ends_after_announced",
            ),
        ]
        indexes = [
            # Lists filtered by status, newest first (the default public list).
            models.Index(fields=["status", "-announced_on"], name="partnership_status_idx"),
            # Filter by kind.
            models.Index(fields=["kind", "-announced_on"], name="partnership_kind_idx"),
            # The default ordering and announced_after/before ranges.
            models.Index(fields=["-announced_on", "-id"], name="partnership_announced_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership-detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.title = " ".join(self.title.split())
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)


class Participant(models.Model):
    """A company taking part in a partnership, with its role if the news gives one."""

    # db_index=False on both keys: participant_unique (partnership, company) and
    # participant_company_idx (company, partnership) serve them.
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="participants", db_index=False)
    # PROTECT: deleting a company must not silently rewrite the partnerships it took part in.
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="participations",
        db_index=False,
    )
    role = models.CharField(max_length=200, blank=True, help_text="e.g. chip supplier, investor.")

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["company__name"]
        constraints = [
            # No partnership lists the same company twice.
            models.UniqueConstraint(fields=["partnership", "company"], name="participant_unique"),
        ]
        indexes = [
            # Partnerships involving a company (company pages, ?company= filters, the network).
            models.Index(fields=["company", "partnership"], name="participant_company_idx"),
        ]

    def __str__(self):
        return f"{self.company} in {self.partnership}" + (f" ({self.role})" if self.role else "")


class Evidence(models.Model):
    """The exact sentence of an article that reports a partnership."""

    # db_index=False on both keys: evidence_unique (partnership, article, md5(quote)) and
    # evidence_article_idx (article, partnership) serve them.
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="evidence", db_index=False)
    # PROTECT: an article that supports a partnership cannot vanish and leave it untraceable.
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="evidence",
        db_index=False,
    )
    quote = models.CharField(max_length=2000, help_text="The sentence, quoted exactly from the article.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["article__published_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            # On the quote's MD5, not the quote: a 2,000-character sentence in Korean is 6,000 bytes,
            # past the ~2,700 a PostgreSQL B-tree entry may hold.
            models.UniqueConstraint(F("partnership"), F("article"), MD5("quote"), name="evidence_unique"),
            models.CheckConstraint(condition=~models.Q(quote=""), name="evidence_quote_not_empty"),
        ]
        indexes = [
            # The partnerships an article is evidence for.
            models.Index(fields=["article", "partnership"], name="evidence_article_idx"),
        ]

    def __str__(self):
        return f"“{self.quote[:80]}” ({self.article})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.article_id and self.quote and self.quote not in self.article.body:
            raise ValidationError({"quote": "The quote must appear word for word in the article's text."})
