"""The editing interface: every model, with search, filters, autocomplete and inlines."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .models import (
    Article,
    Company,
    Evidence,
    MarketFact,
    Mention,
    Participant,
    Partnership,
    PartnershipChange,
    Person,
    PersonMention,
    Project,
)
from .models.base import clean_name_list


class NameListField(forms.CharField):
    """Aliases edited as one name per line instead of raw JSON."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return clean_name_list(value)
        return clean_name_list((value or "").splitlines())


# Links typed without a scheme are taken as https (Django 6's default), not http.
URL_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class AliasesForm(forms.ModelForm):
    aliases = NameListField(required=False, help_text="One name per line, as it appears in news text.")


class MentionInline(admin.TabularInline):
    model = Mention
    autocomplete_fields = ["company"]
    extra = 0


class PersonMentionInline(admin.TabularInline):
    model = PersonMention
    autocomplete_fields = ["person"]
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    autocomplete_fields = ["company"]
    extra = 0
    min_num = 2


class EvidenceInline(admin.StackedInline):
    model = Evidence
    autocomplete_fields = ["article"]
    extra = 0
    fields = ["article", "quote"]


class MarketFactInline(admin.TabularInline):
    model = MarketFact
    autocomplete_fields = ["company"]
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    form = AliasesForm
    formfield_overrides = URL_OVERRIDES
    list_display = ["name", "kind", "country", "sector", "ticker", "parent", "partnerships_link"]
    list_filter = ["kind", "country", "sector"]
    search_fields = ["name", "aliases", "ticker", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    readonly_fields = ["partnership_list", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "kind", "parent"]}),
        ("Profile", {"fields": ["country", "sector", "ticker", "website", "description"]}),
        ("Partnerships", {"fields": ["partnership_list"]}),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(partnership_total=Count("participations"))

    @admin.display(description="Partnerships", ordering="partnership_total")
    def partnerships_link(self, obj):
        url = reverse("admin:articles_partnership_changelist") + f"?participants__company__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.partnership_total)

    @admin.display(description="Partnerships")
    def partnership_list(self, obj):
        if not obj.pk:
            return "—"
        rows = obj.partnerships.order_by("-announced_on", "title")
        if not rows:
            return "None yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (
                        reverse("admin:articles_partnership_change", args=[p.pk]),
                        p.title,
                        p.get_status_display(),
                    )
                    for p in rows
                ),
            ),
        )


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = AliasesForm
    list_display = ["name", "role", "organisation"]
    list_filter = ["organisation__kind"]
    search_fields = ["name", "aliases", "role", "organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = URL_OVERRIDES
    list_display = ["title", "source", "published_at", "mention_total", "evidence_total"]
    list_filter = ["source", "published_at"]
    search_fields = ["title", "summary", "url"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [MentionInline, PersonMentionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "url", "source", "author", "published_at"]}),
        ("Text", {"fields": ["summary", "body"]}),
        ("Bookkeeping", {"fields": ["content_hash", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                mention_total=Count("mentions", distinct=True),
                evidence_total=Count("evidence", distinct=True),
            )
        )

    @admin.display(description="Companies", ordering="mention_total")
    def mention_total(self, obj):
        return obj.mention_total

    @admin.display(description="Evidence", ordering="evidence_total")
    def evidence_total(self, obj):
        return obj.evidence_total


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "status",
        "announced_on",
        "project",
        "participant_names",
        "evidence_total",
    ]
    list_filter = ["status", "kind", "project", "announced_on"]
    search_fields = ["title", "description", "participants__company__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["project"]
    date_hierarchy = "announced_on"
    inlines = [ParticipantInline, EvidenceInline]
    list_select_related = ["project"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(evidence_total=Count("evidence", distinct=True))
            .prefetch_related("participants__company")
        )

    @admin.display(description="Companies")
    def participant_names(self, obj):
        return ", ".join(p.company.name for p in obj.participants.all())

    @admin.display(description="Evidence", ordering="evidence_total")
    def evidence_total(self, obj):
        return obj.evidence_total


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["company", "partnership", "role"]
    search_fields = ["company__name", "partnership__title", "role"]
    autocomplete_fields = ["company", "partnership"]
    list_select_related = ["company", "partnership"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["quote_excerpt", "partnership", "article"]
    search_fields = ["quote", "partnership__title", "article__title"]
    autocomplete_fields = ["partnership", "article"]
    list_select_related = ["partnership", "article"]

    @admin.display(description="Quote")
    def quote_excerpt(self, obj):
        return obj.quote if len(obj.quote) <= 100 else obj.quote[:99] + "…"


@admin.register(MarketFact)
class MarketFactAdmin(admin.ModelAdmin):
    list_display = ["company", "kind", "subject", "value", "unit", "observed_on", "article"]
    list_filter = ["kind", "observed_on"]
    search_fields = ["company__name", "subject", "quote"]
    autocomplete_fields = ["company", "article"]
    list_select_related = ["company", "article"]
    date_hierarchy = "observed_on"


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["company", "article", "count"]
    search_fields = ["company__name", "article__title"]
    autocomplete_fields = ["company", "article"]
    list_select_related = ["company", "article"]


@admin.register(PersonMention)
class PersonMentionAdmin(admin.ModelAdmin):
    list_display = ["person", "article", "count"]
    search_fields = ["person__name", "article__title"]
    autocomplete_fields = ["person", "article"]
    list_select_related = ["person", "article"]


@admin.register(PartnershipChange)
class PartnershipChangeAdmin(admin.ModelAdmin):
    """The audit trail: read-only, so that history cannot be rewritten from the admin."""

    list_display = ["created_at", "action", "partnership_title", "actor", "note"]
    list_filter = ["action", "created_at"]
    search_fields = ["partnership_title", "note", "actor__username"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "partnership"]
    readonly_fields = ["partnership", "partnership_title", "actor", "action", "changes", "note", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.site_header = "Alliance Tracker administration"
admin.site.site_title = "Alliance Tracker"
admin.site.index_title = "Companies, articles and partnerships"
