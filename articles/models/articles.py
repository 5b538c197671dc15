"""News articles and the companies and people they mention."""

import hashlib
import re

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from django.urls import reverse

from ..querysets import ArticleQuerySet
from .base import TimestampedModel, unique_slug
from .companies import Company, Person


def content_hash(text: str) -> str:
    """Hash of the text with case, punctuation spacing and whitespace normalised: the same story
    pasted twice, or re-fetched with different line breaks, hashes the same."""
    normalised = re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()
    return hashlib.sha256(normalised.encode()).hexdigest()


class Article(TimestampedModel):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=255, unique=True, blank=True)
    url = models.URLField("canonical URL", max_length=1000, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Publisher, e.g. Reuters.")
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField()
    summary = models.TextField(blank=True)
    body = models.TextField()
    content_hash = models.CharField(max_length=64, editable=False)
    companies = models.ManyToManyField(Company, through="Mention", related_name="articles", blank=True)
    people = models.ManyToManyField(Person, through="PersonMention", related_name="articles", blank=True)
    # Filled by a PostgreSQL trigger (migration 0002) from title, summary and body, with a GIN index;
    # stays NULL on SQLite, where search falls back to substring matching.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        constraints = [
            # The same story is stored once: by its URL when it has one, and by its text always.
            models.UniqueConstraint(
                fields=["url"], condition=~models.Q(url=""), name="article_url_unique_when_present"
            ),
            models.UniqueConstraint(fields=["content_hash"], name="article_content_hash_unique"),
            models.CheckConstraint(condition=~models.Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(condition=~models.Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [
            # The newest-first list, and its date-range filters.
            models.Index(fields=["-published_at", "-id"], name="article_published_idx"),
            # Filter by publisher, any case (source__iexact compares UPPER(source)), newest first.
            models.Index(Upper("source"), F("published_at").desc(), name="article_source_upper_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"slug": self.slug})

    def clean(self):
        self.validate_body(self.body)

    def validate_body(self, body: str) -> None:
        """Refuse a text that is already stored as another article, or (for a stored article) one
        that drops a sentence quoted as evidence or as a market fact: those would trace to nothing."""
        from django.core.exceptions import ValidationError

        if not body:
            return
        duplicate = Article.objects.filter(content_hash=content_hash(body)).exclude(pk=self.pk).only("slug").first()
        if duplicate is not None:
            raise ValidationError({"body": f"This text is already stored as article “{duplicate.slug}”."})
        if self.pk is None:
            return
        quotes = {*self.evidence.values_list("quote", flat=True), *self.facts.values_list("quote", flat=True)}
        missing = sorted(quote for quote in quotes if quote not in body)
        if missing:
            raise ValidationError(
                {
                    "body": f"The new text drops {len(missing)} quoted sentence(s) that evidence or facts rely on, "
                    f"e.g. “{missing[0][:120]}”. Keep them, or remove that evidence first."
                }
            )

    def save(self, *args, **kwargs):
        self.title = " ".join(self.title.split())
        self.content_hash = content_hash(self.body)
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)


class Mention(models.Model):
    """A company named in an article, and how many times."""

    # db_index=False on both keys: mention_unique (article, company) and mention_company_idx serve them.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-count", "company__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "company"], name="mention_unique"),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="mention_count_positive"),
        ]
        indexes = [
            # Articles mentioning a company (company pages, ?company= filters).
            models.Index(fields=["company", "article"], name="mention_company_idx"),
        ]

    def __str__(self):
        return f"{self.company} ×{self.count} in {self.article}"


class PersonMention(models.Model):
    """A person named in an article, and how many times."""

    # db_index=False on both keys: person_mention_unique and person_mention_person_idx serve them.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_mentions", db_index=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-count", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="person_mention_unique"),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="person_mention_count_positive"),
        ]
        indexes = [
            # Articles naming a person.
            models.Index(fields=["person", "article"], name="person_mention_person_idx"),
        ]

    def __str__(self):
        return f"{self.person} ×{self.count} in {self.article}"
