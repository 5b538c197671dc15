"""The editing interface: every model, with search, filters, autocomplete and inlines."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from .ingest.pipeline import ingest_input
from .ingest.readers import ArticleInput, IngestError, ReadResult, read_source
from .ingest.report import IngestReport
from .models import (
    Article,
    Company,
    Evidence,
    Feed,
    MarketFact,
    Mention,
    OrganisationSuggestion,
    Participant,
    Partnership,
    PartnershipChange,
    PartnershipProposal,
    Person,
    PersonMention,
    Project,
)
from .models.base import clean_name_list
from .services import partnership_confirm, partnership_record_edit, partnership_reject, partnership_snapshot


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


class WithoutArticleTextMixin:
    """For lists that show rows' articles: leave each article's body and search vector unread (kilobytes
    a row, and only the title is shown)."""

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body", "article__search_vector")


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

    def get_urls(self):
        return [
            path("ingest/", self.admin_site.admin_view(self.ingest_view), name="articles_article_ingest"),
            *super().get_urls(),
        ]

    def ingest_view(self, request):
        """Add articles from pasted text or a URL (a page or a feed) through the ingestion pipeline."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            report, last = IngestReport(), None
            try:
                items = form.items()
            except IngestError as error:
                form.add_error(None, str(error))
            else:
                for item in items.items:
                    try:
                        result = ingest_input(item, actor=request.user)
                    except IngestError as error:
                        report.failed.append((item.origin, str(error)))
                        continue
                    report.add(result.summary())
                    last = result.article
                report.failed.extend(items.errors)
                level = messages.WARNING if report.failed else messages.SUCCESS
                self.message_user(request, " · ".join(report.lines()), level)
                if last is not None and len(items.items) == 1:
                    return redirect("admin:articles_article_change", last.pk)
                return redirect("admin:articles_article_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Add articles from text or a URL",
        }
        return TemplateResponse(request, "admin/articles/article/ingest.html", context)

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
    actions = ["confirm_selected", "reject_selected"]
    readonly_fields = ["audit_trail"]

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

    @admin.display(description="Audit trail")
    def audit_trail(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:articles_partnershipchange_changelist") + f"?partnership__id__exact={obj.pk}"
        return format_html('<a href="{}">Who created, edited, confirmed or rejected it, and when</a>', url)

    # Every edit made here goes into the audit trail: the form and its inlines save the rows, and
    # the services compare the state before and after.
    def save_model(self, request, obj, form, change):
        request._partnership_before = partnership_snapshot(Partnership.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        partnership_record_edit(partnership=form.instance, before=request._partnership_before, actor=request.user)

    @admin.action(description="Confirm the selected proposed partnerships", permissions=["change"])
    def confirm_selected(self, request, queryset):
        _review(self, request, queryset, partnership_confirm, "confirmed")

    @admin.action(description="Reject the selected proposed partnerships", permissions=["change"])
    def reject_selected(self, request, queryset):
        _review(self, request, queryset, partnership_reject, "rejected")

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
class EvidenceAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
    list_display = ["quote_excerpt", "partnership", "article"]
    search_fields = ["quote", "partnership__title", "article__title"]
    autocomplete_fields = ["partnership", "article"]
    list_select_related = ["partnership", "article"]

    @admin.display(description="Quote")
    def quote_excerpt(self, obj):
        return obj.quote if len(obj.quote) <= 100 else obj.quote[:99] + "…"


@admin.register(MarketFact)
class MarketFactAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
    list_display = ["company", "kind", "subject", "value", "unit", "observed_on", "article"]
    list_filter = ["kind", "observed_on"]
    search_fields = ["company__name", "subject", "quote"]
    autocomplete_fields = ["company", "article"]
    list_select_related = ["company", "article"]
    date_hierarchy = "observed_on"


@admin.register(Mention)
class MentionAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
    list_display = ["company", "article", "count"]
    search_fields = ["company__name", "article__title"]
    autocomplete_fields = ["company", "article"]
    list_select_related = ["company", "article"]


@admin.register(PersonMention)
class PersonMentionAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
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


def _review(model_admin, request, partnerships, service, done: str) -> None:
    """Confirm or reject each proposed partnership (others are skipped and said so)."""
    changed, skipped = 0, []
    for partnership in partnerships.select_related("proposal"):
        try:
            service(partnership=partnership, actor=request.user)
            changed += 1
        except ValidationError:
            skipped.append(partnership.title)
    model_admin.message_user(request, f"{changed} partnership(s) {done}.", messages.SUCCESS)
    if skipped:
        model_admin.message_user(request, f"Skipped, not awaiting review: {', '.join(skipped[:10])}.", messages.WARNING)


class IngestForm(forms.Form):
    url = forms.URLField(
        label="URL", required=False, assume_scheme="https", help_text="A news page or an RSS/Atom feed."
    )
    title = forms.CharField(required=False, max_length=500, help_text="Needed with pasted text.")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 14}), help_text="Or paste the text.")
    source = forms.CharField(required=False, max_length=200, help_text="Publisher, e.g. Reuters.")
    published_at = forms.DateTimeField(required=False, help_text="e.g. 2025-02-04 09:30; today when empty.")

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("text", "").strip():
            raise forms.ValidationError("Give a URL or paste the article's text.")
        if data.get("text", "").strip() and not data.get("title", "").strip():
            self.add_error("title", "A title is needed with pasted text.")
        return data

    def items(self):
        """The articles to ingest (may raise IngestError when the URL cannot be read)."""
        data = self.cleaned_data
        if data.get("text", "").strip():
            item = ArticleInput(
                title=data["title"],
                text=data["text"],
                url=data.get("url", ""),
                source=data.get("source", ""),
                published_at=data.get("published_at"),
                origin="pasted text",
            )
            return ReadResult(items=[item])
        read = read_source(data["url"])
        for item in read.items:
            item.source = item.source or data.get("source", "")
            item.published_at = item.published_at or data.get("published_at")
        return read


class AwaitingReviewFilter(admin.SimpleListFilter):
    """The queue opens on what awaits review; "All" shows decided proposals too."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("pending", "Awaiting review"), ("all", "All")]

    def choices(self, changelist):
        value = self.value() or "pending"
        for lookup, label in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() in (None, "pending"):
            return queryset.filter(partnership__status=Partnership.Status.PROPOSED)
        return queryset


@admin.register(PartnershipProposal)
class PartnershipProposalAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
    """The review queue: partnerships the pipeline proposed, with the sentence and what it implies."""

    list_display = ["partnership_link", "companies", "kind", "inferred_status", "state", "sentence", "article"]
    list_filter = [AwaitingReviewFilter, "partnership__status", "inferred_status", "partnership__kind"]
    search_fields = ["sentence", "partnership__title", "partnership__participants__company__name"]
    list_select_related = ["partnership", "article"]
    readonly_fields = ["partnership", "article", "sentence", "created_at"]
    fields = ["partnership", "article", "sentence", "inferred_status", "created_at"]
    actions = ["confirm_selected", "reject_selected"]
    change_list_template = "admin/articles/partnershipproposal/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("partnership__participants__company")

    def changelist_view(self, request, extra_context=None):
        pending = OrganisationSuggestion.objects.filter(status=OrganisationSuggestion.Status.PENDING).count()
        return super().changelist_view(request, {**(extra_context or {}), "pending_suggestions": pending})

    def has_add_permission(self, request):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("articles.change_partnership")

    @admin.display(description="Partnership", ordering="partnership__title")
    def partnership_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_partnership_change", args=[obj.partnership_id]),
            obj.partnership,
        )

    @admin.display(description="Companies")
    def companies(self, obj):
        return ", ".join(p.company.name for p in obj.partnership.participants.all())

    @admin.display(description="Kind")
    def kind(self, obj):
        return obj.partnership.get_kind_display()

    @admin.display(description="Now", ordering="partnership__status")
    def state(self, obj):
        return obj.partnership.get_status_display()

    @admin.action(description="Confirm the selected proposals", permissions=["review"])
    def confirm_selected(self, request, queryset):
        _review(self, request, _proposed_partnerships(queryset), partnership_confirm, "confirmed")

    @admin.action(description="Reject the selected proposals", permissions=["review"])
    def reject_selected(self, request, queryset):
        _review(self, request, _proposed_partnerships(queryset), partnership_reject, "rejected")


def _proposed_partnerships(proposals):
    return Partnership.objects.filter(pk__in=proposals.values("partnership_id"))


@admin.register(OrganisationSuggestion)
class OrganisationSuggestionAdmin(WithoutArticleTextMixin, admin.ModelAdmin):
    """Names that look like organisations the tracker does not know; never created without a reviewer."""

    list_display = ["name", "count", "article", "status", "company", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "article__title"]
    list_select_related = ["article", "company"]
    readonly_fields = ["name", "article", "count", "company", "created_at"]
    actions = ["create_companies", "dismiss"]

    def has_add_permission(self, request):
        return False

    def has_create_company_permission(self, request):
        return request.user.has_perm("articles.add_company") and request.user.has_perm(
            "articles.change_organisationsuggestion"
        )

    @admin.action(description="Add the selected names as companies", permissions=["create_company"])
    def create_companies(self, request, queryset):
        created = 0
        for name in sorted(set(queryset.filter(status="pending").values_list("name", flat=True))):
            with transaction.atomic():
                company = Company.objects.filter(name__iexact=name).first()
                if company is None:
                    try:
                        with transaction.atomic():
                            company = Company.objects.create(name=name)
                    except IntegrityError:
                        company = Company.objects.get(name__iexact=name)
                    created += 1
                # Every pending row of the name, from any article, is settled at once.
                OrganisationSuggestion.objects.filter(name=name, status="pending").update(
                    status=OrganisationSuggestion.Status.ACCEPTED, company=company
                )
        self.message_user(request, f"{created} company(ies) added; edit them to add aliases and details.")

    @admin.action(description="Dismiss the selected names", permissions=["change"])
    def dismiss(self, request, queryset):
        names = set(queryset.values_list("name", flat=True))
        count = OrganisationSuggestion.objects.filter(name__in=names, status="pending").update(
            status=OrganisationSuggestion.Status.DISMISSED
        )
        self.message_user(request, f"{count} suggestion(s) dismissed; these names will not be suggested again.")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    formfield_overrides = URL_OVERRIDES
    list_display = ["__str__", "url", "active", "last_checked_at", "error_count", "last_error"]
    list_filter = ["active"]
    search_fields = ["url", "title", "source"]
    readonly_fields = ["last_checked_at", "etag", "last_modified", "error_count", "last_error", "created_at"]
    actions = ["poll_now"]

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_now(self, request, queryset):
        from .tasks import poll_feed

        report = IngestReport()
        for feed in queryset:
            result = poll_feed.enqueue(feed.pk)
            if result.is_finished and result.return_value is not None:
                report.merge(IngestReport.from_dict(result.return_value))
            else:
                report.queued += 1
        self.message_user(request, " · ".join(report.lines()), messages.WARNING if report.failed else messages.SUCCESS)


admin.site.site_header = "Alliance Tracker administration"
admin.site.site_title = "Alliance Tracker"
admin.site.index_title = "Companies, articles and partnerships"
