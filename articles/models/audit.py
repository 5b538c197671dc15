"""The audit trail of partnerships: who created, edited, confirmed or rejected one, when, and what changed."""

from django.conf import settings
from django.db import models


class PartnershipChangeAction(models.TextChoices):
    CREATED = "created", "Created"
    CHANGED = "changed", "Changed"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"
    EVIDENCE_ADDED = "evidence_added", "Evidence added"


class PartnershipChange(models.Model):
    Action = PartnershipChangeAction

    # SET_NULL and a copy of the title: the trail outlives a deleted partnership.
    partnership = models.ForeignKey(
        "articles.Partnership", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    partnership_title = models.CharField(max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_changes",
        help_text="Empty when a command or the ingestion pipeline made the change.",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    # {"field": [old, new], ...}; participants and evidence as lists of names / quotes.
    changes = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=PartnershipChangeAction.values), name="partnershipchange_action_valid"
            ),
        ]
        indexes = [
            # A partnership's history, newest first.
            models.Index(fields=["partnership", "-created_at"], name="partnershipchange_partner_idx"),
        ]

    def __str__(self):
        who = self.actor or "system"
        return f"{self.get_action_display()} “{self.partnership_title}” by {who}"
