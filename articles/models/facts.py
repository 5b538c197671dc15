"""Market facts an article states about a company: share-price moves, market shares."""

from django.db import models

from .articles import Article
from .companies import Company


class MarketFactKind(models.TextChoices):
    SHARE_PRICE_MOVE = "share_price_move", "Share-price move"
    MARKET_SHARE = "market_share", "Market share"
    OTHER = "other", "Other figure"


class MarketFact(models.Model):
    Kind = MarketFactKind

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="facts")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    subject = models.CharField(
        max_length=200, blank=True, help_text="What the figure is about, e.g. “KakaoTalk in South Korea”."
    )
    value = models.DecimalField(max_digits=14, decimal_places=4, help_text="Signed: -3.5 for a 3.5% fall.")
    unit = models.CharField(max_length=20, default="%")
    observed_on = models.DateField(null=True, blank=True)
    quote = models.CharField(max_length=2000, help_text="The sentence that states it, quoted exactly.")

    class Meta:
        ordering = ["-observed_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=MarketFactKind.values), name="marketfact_kind_valid"),
            models.UniqueConstraint(
                fields=["company", "article", "kind", "subject", "observed_on"], name="marketfact_unique"
            ),
        ]
        indexes = [
            # A company's figures over time (its page, share-price history).
            models.Index(fields=["company", "kind", "-observed_on"], name="marketfact_company_idx"),
        ]

    def __str__(self):
        sign = "+" if self.kind == self.Kind.SHARE_PRICE_MOVE and self.value > 0 else ""
        return f"{self.company}: {self.get_kind_display()} {sign}{self.value.normalize()}{self.unit}"
