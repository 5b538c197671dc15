"""What the ingestion pipeline puts in front of a reviewer: the details of a proposed partnership
(what the wording implied) and names of organisations the tracker does not know yet."""

from django.db import models
from django.urls import reverse

from .articles import Article
from .companies import Company
from .partnerships import Partnership, PartnershipStatus


class PartnershipProposal(models.Model):
    """Why the pipeline proposed a partnership; confirming it applies `inferred_status`."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="proposal")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    sentence = models.CharField(max_length=2000)
    # The status the wording implies ("in talks" → in_talks); the partnership itself stays `proposed`
    # until a reviewer confirms it.
    inferred_status = models.CharField(
        max_length=30,
        choices=[(value, label) for value, label in PartnershipStatus.choices if value in Partnership.PUBLIC_STATUSES],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(inferred_status__in=[str(s) for s in Partnership.PUBLIC_STATUSES]),
                name="proposal_inferred_status_public",
            ),
        ]

    def __str__(self):
        return f"Proposal: {self.partnership}"

    def get_absolute_url(self):
        return reverse("admin:articles_partnershipproposal_change", args=[self.pk])


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    ACCEPTED = "accepted", "Added as a company"
    DISMISSED = "dismissed", "Dismissed"


class OrganisationSuggestion(models.Model):
    """A name in an article that looks like an organisation the tracker does not know."""

    Status = SuggestionStatus

    name = models.CharField(max_length=200)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="organisation_suggestions")
    count = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    company = models.ForeignKey(
        Company,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        help_text="The company created from this suggestion.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-count", "name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "name"], name="suggestion_unique_per_article"),
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values), name="suggestion_status_valid"
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="suggestion_count_positive"),
        ]
        indexes = [
            # The review queue: pending names, and every row of one name when it is accepted.
            models.Index(fields=["status", "name"], name="suggestion_status_idx"),
        ]

    def __str__(self):
        return f"{self.name} ×{self.count} in {self.article}"

    def get_absolute_url(self):
        return reverse("admin:articles_organisationsuggestion_change", args=[self.pk])
