"""Feed subscriptions: RSS and Atom feeds that `poll_feeds` checks for new articles."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


class FeedQuerySet(models.QuerySet):
    def due(self, now: dt.datetime | None = None):
        """Active feeds never checked, or last checked at least their interval ago."""
        now = now or timezone.now()
        return self.filter(active=True).filter(
            Q(last_checked_at__isnull=True) | Q(last_checked_at__lte=now - F("check_interval"))
        )


class Feed(models.Model):
    url = models.URLField("feed URL", max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Publisher given to the feed's articles.")
    active = models.BooleanField(default=True)
    check_interval = models.DurationField(default=dt.timedelta(hours=1), help_text="How often to poll, e.g. 01:00:00.")
    last_checked_at = models.DateTimeField(null=True, blank=True)
    # Validators from the last 200 answer, sent back so that an unchanged feed answers 304.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    error_count = models.PositiveIntegerField(default=0, help_text="Failed polls in a row.")
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["title", "url"]
        indexes = [
            # poll_feeds: active feeds by last check.
            models.Index(fields=["active", "last_checked_at"], name="feed_due_idx"),
        ]

    def __str__(self):
        return self.title or self.url

    def get_absolute_url(self):
        return reverse("admin:articles_feed_change", args=[self.pk])
