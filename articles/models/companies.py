"""Companies (and other bodies that make alliances) and the people who speak for them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower, Upper
from django.urls import reverse
from django_countries.fields import CountryField

from ..querysets import CompanyQuerySet
from .base import TimestampedModel, clean_name_list, unique_slug


def validate_name_list(value):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("Enter a list of names.")


class CompanyKind(models.TextChoices):
    COMPANY = "company", "Company"
    CONGLOMERATE = "conglomerate", "Conglomerate"
    GOVERNMENT = "government", "Government body"
    INVESTOR = "investor", "Investor"
    NONPROFIT = "nonprofit", "Non-profit"
    RESEARCH = "research", "Research institution"


class Company(TimestampedModel):
    # Defined at module level so that Meta can name it; used as Company.Kind.
    Kind = CompanyKind

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_name_list],
        help_text="Other names used in news text, e.g. “SoftBank” for SoftBank Group.",
    )
    # Derived: the name and aliases one per line, between newlines, kept in step by save(). Searching
    # it finds names, never the JSON punctuation of `aliases`, and "\nkakao corp\n" is an exact alias.
    names_text = models.TextField(editable=False, default="")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    country = CountryField(blank=True, help_text="ISO 3166 country of the head office.")
    sector = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    ticker = models.CharField(max_length=32, blank=True, help_text="Stock ticker, e.g. 035720.KS.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
        help_text="The group this company belongs to (SK Hynix belongs to SK Group).",
    )

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        constraints = [
            # "OpenAI" and "openai" are the same company.
            models.UniqueConstraint(
                Lower("name"),
                name="company_name_ci_unique",
                violation_error_message="A company with this name already exists (names ignore case).",
            ),
            models.CheckConstraint(condition=models.Q(kind__in=CompanyKind.values), name="company_kind_valid"),
            models.CheckConstraint(condition=~models.Q(name=""), name="company_name_not_empty"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="company_not_own_parent"),
        ]
        indexes = [
            # Company lists filtered by country, kind and sector.
            models.Index(fields=["country", "name"], name="company_country_idx"),
            models.Index(fields=["kind", "name"], name="company_kind_idx"),
            # (sector__iexact compares UPPER(sector).)
            models.Index(Upper("sector"), "name", name="company_sector_upper_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("company-detail", kwargs={"slug": self.slug})

    @property
    def names(self) -> list[str]:
        """Every name this company goes by in news text, its own first."""
        return [self.name, *self.aliases]

    def clean(self):
        # Normalised here, not only in save(), so that the case-insensitive unique name is checked
        # on the name as it will be stored ("SoftBank  Group" is SoftBank Group).
        self.name = " ".join(self.name.split())
        self.aliases = [a for a in clean_name_list(self.aliases) if a.lower() != self.name.lower()]
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A company cannot be its own parent."})
        # Walk up the chain so that A -> B -> A cannot be saved.
        ancestor, seen = self.parent, {self.pk}
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError({"parent": "This parent would make the group structure circular."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.aliases = clean_name_list(self.aliases)
        self.names_text = names_text(self.names)
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)


def names_text(names: list[str]) -> str:
    return "\n" + "\n".join(names) + "\n"


class Person(TimestampedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    aliases = models.JSONField(
        default=list, blank=True, validators=[validate_name_list], help_text="e.g. “Altman” for Sam Altman."
    )
    role = models.CharField(max_length=200, blank=True, help_text="Title, e.g. Chief executive.")
    organisation = models.ForeignKey(Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="person_name_not_empty"),
        ]
        indexes = [
            # People of a company, on its page.
            models.Index(fields=["organisation", "name"], name="person_organisation_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person-detail", kwargs={"slug": self.slug})

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def title(self) -> str:
        """ "CEO, OpenAI": role and organisation as one line."""
        return ", ".join(part for part in (self.role, str(self.organisation or "")) if part)

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.aliases = clean_name_list(self.aliases)
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)
