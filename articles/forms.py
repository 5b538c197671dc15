"""Filter forms of the list pages and feeds: they validate the query string, so a bad value becomes a
readable message beside the (otherwise filtered) list, never an error page."""

import datetime

from django import forms
from django.db.models import Q
from django_countries import countries

from .models import Company, Partnership


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


class CompanyField(forms.CharField):
    """A company given by slug, name or alias ("kakao", "Kakao", "Kakao Corp"); cleans to the Company."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        company = (
            Company.objects.filter(Q(slug=value.lower()) | Q(name__iexact=value)).only("slug", "name").first()
            or Company.objects.named(value).only("slug", "name").first()
        )
        if company is None:
            raise forms.ValidationError(f"No company called “{value}” is known.")
        return company


class FilterForm(forms.Form):
    """A GET form whose cleaned values map onto queryset filters and onto the API's list parameters."""

    # Parameters the API's list endpoint accepts, for the CSV / JSON export links.
    api_params: tuple[str, ...] = ()

    def __init__(self, data=None, **kwargs):
        # An empty query string is an unbound form: no filters, no messages.
        super().__init__(data or None, **kwargs)

    def values(self) -> dict:
        """The valid, non-empty filter values (invalid fields are left out and reported)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value not in (None, "")}

    def messages(self) -> list[str]:
        """One readable sentence per invalid field."""
        if not self.is_bound or self.is_valid():
            return []
        out = []
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else ""
            for error in errors:
                out.append(f"{label}: {error} This filter was ignored." if label else f"{error}")
        return out

    def query_params(self) -> dict[str, str]:
        """The valid filters as query-string values (companies by slug)."""
        params = {}
        for name, value in self.values().items():
            params[name] = value.slug if isinstance(value, Company) else str(value)
        return params

    def api_query(self) -> dict[str, str] | None:
        """The filters as the API's list parameters, or None when the API cannot express one of them
        (an export must never hold more rows than the page it is offered on)."""
        params = self.query_params()
        if not set(params) <= set(self.api_params):
            return None
        return params


class ArticleFilterForm(FilterForm):
    api_params = ("q", "company", "source", "published_after", "published_before")

    q = forms.CharField(label="Search", required=False, max_length=200)
    company = CompanyField(label="Company", required=False, max_length=200)
    source = forms.CharField(label="Source", required=False, max_length=200)
    published_after = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )
    published_before = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
    )

    def clean(self):
        data = super().clean()
        after, before = data.get("published_after"), data.get("published_before")
        if after and before and after > before:
            del data["published_before"]
            self.add_error("published_before", "The end date is before the start date.")
        return data

    def filter(self, queryset):
        values = self.values()
        if "q" in values:
            queryset = queryset.search(values["q"])
        if "company" in values:
            queryset = queryset.mentioning(values["company"])
        if "source" in values:
            queryset = queryset.filter(source__iexact=values["source"])
        # Whole days in UTC, as a range on published_at itself so that its index serves the filter
        # (published_at__date would wrap the column in a cast and scan every row).
        if "published_after" in values:
            queryset = queryset.filter(published_at__gte=start_of_day(values["published_after"]))
        if "published_before" in values:
            queryset = queryset.filter(
                published_at__lt=start_of_day(values["published_before"] + datetime.timedelta(days=1))
            )
        return queryset


class CompanyFilterForm(FilterForm):
    api_params = ("q", "country", "kind", "sector")

    q = forms.CharField(label="Name", required=False, max_length=200)
    country = forms.ChoiceField(label="Country", required=False, choices=[("", "Any country"), *countries])
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any kind"), *Company.Kind.choices])
    sector = forms.CharField(label="Sector", required=False, max_length=100)

    def filter(self, queryset):
        values = self.values()
        if "q" in values:
            queryset = queryset.search(values["q"])
        if "country" in values:
            queryset = queryset.filter(country=values["country"])
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "sector" in values:
            queryset = queryset.filter(sector__iexact=values["sector"])
        return queryset


PUBLIC_STATUS_CHOICES = [
    (value, label) for value, label in Partnership.Status.choices if value in Partnership.PUBLIC_STATUSES
]


class PartnershipFilterForm(FilterForm):
    # The API's partnership list has no text search.
    api_params = ("status", "kind", "company", "project")

    q = forms.CharField(label="Search", required=False, max_length=200)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *PUBLIC_STATUS_CHOICES])
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any kind"), *Partnership.Kind.choices])
    company = CompanyField(label="Company", required=False, max_length=200)
    project = forms.SlugField(label="Project", required=False, widget=forms.HiddenInput)

    def filter(self, queryset):
        values = self.values()
        if "q" in values:
            queryset = queryset.search(values["q"])
        if "status" in values:
            queryset = queryset.filter(status=values["status"])
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "company" in values:
            queryset = queryset.involving(values["company"])
        if "project" in values:
            queryset = queryset.filter(project__slug=values["project"])
        return queryset


class SearchForm(FilterForm):
    q = forms.CharField(label="Search", required=False, max_length=200)
