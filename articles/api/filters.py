"""Query filters (django-filter). A value the filter does not know — an unknown company slug, status
or country, a malformed date — is a 400 naming the value, never an empty list."""

import datetime as dt
import re

import django_filters as filters
from django import forms
from django_countries import countries
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework import filters as drf_filters
from rest_framework.exceptions import ValidationError

from ..models import Article, Company, Partnership, Project

# What a slug may contain: lookups and filters refuse anything else before it reaches the database.
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

# Users holding this permission review proposals, so they may list proposed and rejected partnerships.
REVIEWER_PERMISSION = "articles.change_partnership"


def company_filter(help_text: str):
    """Records involving any of the companies named by slug (the parameter repeated)."""
    help_text += " Repeat the parameter for any of several companies."
    company = filters.ModelMultipleChoiceFilter(
        queryset=Company.objects.all(),
        to_field_name="slug",
        method="filter_company",
        help_text=help_text,
        error_messages={"invalid_choice": "Unknown company: “%(value)s”."},
    )
    # The schema cannot infer a slug's type from a filter method: state it.
    return extend_schema_field({"type": "string", "pattern": SLUG_PATTERN, "description": help_text})(company)


class OrderingFilter(drf_filters.OrderingFilter):
    """DRF's ordering, with the fields each list accepts spelled out in the schema."""

    def get_schema_operation_parameters(self, view):
        [parameter] = super().get_schema_operation_parameters(view)
        fields = ", ".join(f"`{name}`" for name in view.ordering_fields)
        parameter["description"] = (
            f"Order by {fields}; prefix with `-` for descending, separate several with commas. "
            "Unknown fields are ignored."
        )
        return [parameter]


def check_statuses_visible(statuses, user) -> None:
    """Refuse (400) a request for proposed or rejected partnerships from anyone but a reviewer."""
    hidden = sorted(set(statuses) - set(Partnership.PUBLIC_STATUSES))
    if hidden and not user.has_perm(REVIEWER_PERMISSION):
        raise ValidationError(
            {
                "status": [
                    f"Only reviewers (permission {REVIEWER_PERMISSION}) may list {' or '.join(hidden)} partnerships."
                ]
            }
        )


STATUS_HELP = (
    "Any of these statuses (repeatable). Without it, public partnerships only; proposed and rejected "
    "need the reviewer permission articles.change_partnership, otherwise 400."
)


class BoundedIsoDateTimeField(IsoDateTimeField):
    def to_python(self, value):
        value = super().to_python(value)
        try:
            # "9999-12-31T23:59:59-14:00" parses, but is past the year 9999 in UTC, where it is compared.
            return value.astimezone(dt.UTC) if value else value
        except OverflowError:
            raise forms.ValidationError("Enter a date-time between the years 1 and 9999 in UTC.") from None


class EndOfDayIsoDateTimeField(BoundedIsoDateTimeField):
    """An upper bound: a bare date means the whole of that day (UTC), as on the site's filters."""

    def to_python(self, value):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            day = super().to_python(value)
            return day + (dt.timedelta(days=1) - dt.timedelta(microseconds=1)) if day else day
        return super().to_python(value)


class DateTimeFilter(filters.IsoDateTimeFilter):
    field_class = BoundedIsoDateTimeField


class EndOfDayDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = EndOfDayIsoDateTimeField


class CompanyFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", help_text="Part of the name or of an alias, any case.")
    country = filters.ChoiceFilter(choices=countries, help_text="ISO 3166 code of the head office, e.g. KR.")
    kind = filters.ChoiceFilter(choices=Company.Kind.choices)
    sector = filters.CharFilter(lookup_expr="iexact", help_text="The sector, any case, e.g. Semiconductors.")

    class Meta:
        model = Company
        fields = ["q", "country", "kind", "sector"]

    def search(self, queryset, name, value):
        return queryset.search(value)


class ArticleFilter(filters.FilterSet):
    company = company_filter("Articles mentioning this company (slug).")
    source = filters.CharFilter(lookup_expr="iexact", help_text="The publisher, any case, e.g. Reuters.")
    published_after = DateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="ISO 8601 date or date-time (inclusive)."
    )
    published_before = EndOfDayDateTimeFilter(
        field_name="published_at",
        lookup_expr="lte",
        help_text="ISO 8601 date or date-time (inclusive; a date includes the whole day, UTC).",
    )
    q = filters.CharFilter(method="search", help_text="Full-text search of title, summary and body.")

    class Meta:
        model = Article
        fields = ["company", "source", "published_after", "published_before", "q"]

    def filter_company(self, queryset, name, value):
        return queryset.mentioning(*value) if value else queryset

    def search(self, queryset, name, value):
        return queryset.search(value)


class PartnershipFilter(filters.FilterSet):
    company = company_filter("Partnerships this company (slug) takes part in.")
    status = filters.MultipleChoiceFilter(choices=Partnership.Status.choices, help_text=STATUS_HELP)
    kind = filters.MultipleChoiceFilter(choices=Partnership.Kind.choices, help_text="Any of these kinds (repeatable).")
    announced_after = filters.DateFilter(field_name="announced_on", lookup_expr="gte", help_text="Inclusive.")
    announced_before = filters.DateFilter(field_name="announced_on", lookup_expr="lte", help_text="Inclusive.")
    project = filters.ModelChoiceFilter(
        queryset=Project.objects.all(),
        to_field_name="slug",
        help_text="Partnerships serving this project (slug), e.g. stargate.",
        error_messages={"invalid_choice": "Unknown project: “%(value)s”."},
    )

    class Meta:
        model = Partnership
        fields = ["company", "status", "kind", "announced_after", "announced_before", "project"]

    def filter_queryset(self, queryset):
        statuses = self.form.cleaned_data.get("status")
        if statuses:
            check_statuses_visible(statuses, self.request.user)
        else:
            queryset = queryset.public()
        return super().filter_queryset(queryset)

    def filter_company(self, queryset, name, value):
        return queryset.involving(*value) if value else queryset


class GraphFilter(filters.FilterSet):
    """Parameters of the network: validated like the list filters, then given to partnership_graph()."""

    company = filters.ModelChoiceFilter(
        queryset=Company.objects.all(),
        to_field_name="slug",
        help_text="Only this company's neighbourhood: its partnerships and its partners.",
        error_messages={"invalid_choice": "Unknown company: “%(value)s”."},
    )
    status = filters.MultipleChoiceFilter(choices=Partnership.Status.choices, help_text=STATUS_HELP)

    class Meta:
        model = Partnership
        fields = ["company", "status"]
