"""Serializers of the API. Lists and details differ where the detail adds related records; every
related record comes from a prefetch made by the view, so no field queries per row."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Lower
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings

from .. import services
from ..models import Article, Company, Evidence, Mention, Participant, Partnership, Person, PersonMention, Project


class SlugNameField(serializers.SlugRelatedField):
    """A related record written as its slug and read as {"slug", "name"}."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", **kwargs)

    def to_representation(self, obj):
        return {"slug": obj.slug, "name": obj.name}

    def get_choices(self, cutoff=None):
        # The browsable API's <select>: options valued by slug, as the field is written.
        queryset = self.get_queryset()
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {item.slug: self.display_value(item) for item in queryset}


class AbsoluteURLField(serializers.ReadOnlyField):
    """The record's page on the web site, as an absolute address."""

    def __init__(self, **kwargs):
        super().__init__(source="get_absolute_url", **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        return request.build_absolute_uri(value) if request else value


extend_schema_field({"type": "string", "format": "uri"})(AbsoluteURLField)


@extend_schema_field({"anyOf": [{"type": "string", "format": "uri"}, {"type": "string", "enum": [""]}]})
class OptionalURLField(serializers.URLField):
    """An address that may be empty (""): the schema says so, as `format: uri` alone would refuse it."""


class ModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: OptionalURLField,
    }


def api_url(view_name: str, **kwargs):
    return serializers.HyperlinkedIdentityField(view_name=f"api:{view_name}", lookup_field="slug", **kwargs)


def raise_as_drf(error: DjangoValidationError):
    """Re-raise a model or service validation error as a 400 with the same per-field messages."""
    detail = serializers.as_serializer_error(error)
    if NON_FIELD_ERRORS in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
    raise serializers.ValidationError(detail) from error


# Companies


class CompanyRefSerializer(ModelSerializer):
    url = api_url("company-detail")

    class Meta:
        model = Company
        fields = ["slug", "name", "url"]


class CompanySerializer(CountryFieldMixin, ModelSerializer):
    url = api_url("company-detail")
    site_url = AbsoluteURLField()
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, help_text="Other names used in news text."
    )
    parent = SlugNameField(
        queryset=Company.objects.all(), required=False, allow_null=True, help_text="The group it belongs to."
    )
    partnership_count = serializers.IntegerField(read_only=True, help_text="Public partnerships it takes part in.")
    article_count = serializers.IntegerField(read_only=True, help_text="Articles that mention it.")

    class Meta:
        model = Company
        fields = [
            "url",
            "site_url",
            "name",
            "slug",
            "aliases",
            "kind",
            "country",
            "sector",
            "description",
            "website",
            "ticker",
            "parent",
            "partnership_count",
            "article_count",
        ]
        read_only_fields = ["url", "site_url", "partnership_count", "article_count"]
        extra_kwargs = {"slug": {"required": False, "help_text": "Made from the name when left out."}}

    def validate_name(self, value):
        # The database rule is case-insensitive ("OpenAI" and "openai" are one company), which DRF's
        # unique validators cannot see.
        # Lowered by the database on both sides, as the constraint does (SQLite lowers ASCII only).
        normalised = " ".join(value.split())  # as Company.save() stores it
        others = Company.objects.annotate(lower=Lower("name")).filter(lower=Lower(Value(normalised)))
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise serializers.ValidationError("A company with this name already exists.")
        return value

    def validate(self, attrs):
        # The model's clean() refuses a parent chain that loops back; check it on an unsaved copy.
        candidate = Company(**{**self._current_values(), **attrs})
        candidate.pk = self.instance.pk if self.instance else None
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise_as_drf(error)
        return attrs

    def _current_values(self) -> dict:
        if self.instance is None:
            return {}
        return {"name": self.instance.name, "aliases": self.instance.aliases, "parent": self.instance.parent}


class PartnerSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="The partner's API address.")
    partnership = serializers.SlugField(help_text="The partnership they share.")
    status = serializers.ChoiceField(choices=Partnership.Status.choices)


class CompanyPartnershipSerializer(ModelSerializer):
    """A partnership as seen from one participant: with that company's role."""

    slug = serializers.SlugField(source="partnership.slug")
    title = serializers.CharField(source="partnership.title")
    kind = serializers.ChoiceField(source="partnership.kind", choices=Partnership.Kind.choices)
    status = serializers.ChoiceField(source="partnership.status", choices=Partnership.Status.choices)
    announced_on = serializers.DateField(source="partnership.announced_on", allow_null=True)
    url = serializers.HyperlinkedRelatedField(
        source="partnership", view_name="api:partnership-detail", lookup_field="slug", read_only=True
    )

    class Meta:
        model = Participant
        fields = ["slug", "title", "kind", "status", "announced_on", "role", "url"]
        read_only_fields = fields


class PersonRefSerializer(ModelSerializer):
    url = api_url("person-detail")

    class Meta:
        model = Person
        fields = ["slug", "name", "role", "url"]
        read_only_fields = fields


class CompanyDetailSerializer(CompanySerializer):
    partners = serializers.SerializerMethodField()
    partnerships = CompanyPartnershipSerializer(source="public_participations", many=True, read_only=True)
    people = PersonRefSerializer(many=True, read_only=True)
    subsidiaries = CompanyRefSerializer(many=True, read_only=True)

    class Meta(CompanySerializer.Meta):
        fields = [*CompanySerializer.Meta.fields, "partners", "partnerships", "people", "subsidiaries"]
        read_only_fields = [*CompanySerializer.Meta.read_only_fields, "partners", "partnerships", "people"]

    @extend_schema_field(PartnerSerializer(many=True))
    def get_partners(self, company):
        request = self.context.get("request")
        partners = []
        for participation in company.public_participations:
            partnership = participation.partnership
            for other in partnership.participants.all():
                if other.company_id == company.pk:
                    continue
                partners.append(
                    {
                        "slug": other.company.slug,
                        "name": other.company.name,
                        "url": reverse("api:company-detail", kwargs={"slug": other.company.slug}, request=request),
                        "partnership": partnership.slug,
                        "status": partnership.status,
                    }
                )
        return partners


# People


class PersonSerializer(ModelSerializer):
    url = api_url("person-detail")
    site_url = AbsoluteURLField()
    aliases = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    organisation = SlugNameField(queryset=Company.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Person
        fields = ["url", "site_url", "name", "slug", "aliases", "role", "organisation"]
        read_only_fields = ["url", "site_url"]
        extra_kwargs = {"slug": {"required": False, "help_text": "Made from the name when left out."}}


class PersonArticleSerializer(ModelSerializer):
    slug = serializers.SlugField(source="article.slug")
    title = serializers.CharField(source="article.title")
    published_at = serializers.DateTimeField(source="article.published_at")
    url = serializers.HyperlinkedRelatedField(
        source="article", view_name="api:article-detail", lookup_field="slug", read_only=True
    )

    class Meta:
        model = PersonMention
        fields = ["slug", "title", "published_at", "count", "url"]
        read_only_fields = fields


class PersonDetailSerializer(PersonSerializer):
    articles = PersonArticleSerializer(source="mentions", many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "articles"]


# Articles


class MentionSerializer(ModelSerializer):
    company = serializers.SlugField(source="company.slug")
    name = serializers.CharField(source="company.name")

    class Meta:
        model = Mention
        fields = ["company", "name", "count"]
        read_only_fields = fields


class ArticleSerializer(ModelSerializer):
    api_url = api_url("article-detail")
    site_url = AbsoluteURLField()
    mentions = MentionSerializer(many=True, read_only=True, help_text="Companies the article names, most first.")

    class Meta:
        model = Article
        fields = [
            "api_url",
            "site_url",
            "title",
            "slug",
            "url",
            "source",
            "author",
            "published_at",
            "summary",
            "mentions",
        ]
        read_only_fields = ["api_url", "site_url", "mentions"]
        extra_kwargs = {
            "url": {"help_text": "The canonical address of the story at its source."},
            "slug": {"required": False, "help_text": "Made from the title when left out."},
        }


class ArticlePartnershipSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Partnership.Kind.choices)
    status = serializers.ChoiceField(choices=Partnership.Status.choices)
    url = serializers.URLField()
    quotes = serializers.ListField(child=serializers.CharField(), help_text="The article's sentences reporting it.")


class ArticleDetailSerializer(ArticleSerializer):
    partnerships = serializers.SerializerMethodField(help_text="Public partnerships this article is evidence for.")

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "partnerships"]
        read_only_fields = [*ArticleSerializer.Meta.read_only_fields, "partnerships"]

    @extend_schema_field(ArticlePartnershipSerializer(many=True))
    def get_partnerships(self, article):
        request = self.context.get("request")
        grouped: dict[int, dict] = {}
        for evidence in article.public_evidence:
            partnership = evidence.partnership
            if partnership.pk not in grouped:
                grouped[partnership.pk] = {
                    "slug": partnership.slug,
                    "title": partnership.title,
                    "kind": partnership.kind,
                    "status": partnership.status,
                    "url": reverse("api:partnership-detail", kwargs={"slug": partnership.slug}, request=request),
                    "quotes": [],
                }
            grouped[partnership.pk]["quotes"].append(evidence.quote)
        return list(grouped.values())

    def validate(self, attrs):
        # The model's rules for a text (stored once; evidence quotes kept), as a 400 rather than a
        # failed constraint or evidence that no longer traces to its article.
        if "body" in attrs:
            (self.instance or Article()).validate_body(attrs["body"])
        return attrs


# Partnerships


class ParticipantSerializer(ModelSerializer):
    company = serializers.SlugRelatedField(slug_field="slug", queryset=Company.objects.all())
    name = serializers.CharField(source="company.name", read_only=True)

    class Meta:
        model = Participant
        fields = ["company", "name", "role"]
        read_only_fields = ["name"]


class EvidenceSerializer(ModelSerializer):
    article = serializers.SlugRelatedField(slug_field="slug", queryset=Article.objects.all())
    title = serializers.CharField(source="article.title", read_only=True)
    url = OptionalURLField(source="article.url", read_only=True, help_text="The article's source address.")
    published_at = serializers.DateTimeField(source="article.published_at", read_only=True)

    class Meta:
        model = Evidence
        fields = ["article", "title", "url", "published_at", "quote"]
        read_only_fields = ["title", "url", "published_at"]


class PartnershipSerializer(ModelSerializer):
    api_url = api_url("partnership-detail")
    site_url = AbsoluteURLField()
    project = SlugNameField(queryset=Project.objects.all(), required=False, allow_null=True)
    participants = ParticipantSerializer(many=True, help_text="Two or more distinct companies.")
    evidence = EvidenceSerializer(
        many=True, required=False, help_text="Article sentences reporting it, each quoted word for word."
    )

    class Meta:
        model = Partnership
        fields = [
            "api_url",
            "site_url",
            "title",
            "slug",
            "kind",
            "status",
            "announced_on",
            "ended_on",
            "description",
            "project",
            "participants",
            "evidence",
        ]
        read_only_fields = ["api_url", "site_url"]
        extra_kwargs = {"slug": {"required": False, "help_text": "Made from the title when left out."}}

    def validate(self, attrs):
        announced_on = attrs.get("announced_on", getattr(self.instance, "announced_on", None))
        ended_on = attrs.get("ended_on", getattr(self.instance, "ended_on", None))
        if announced_on and ended_on and ended_on < announced_on:
            raise serializers.ValidationError({"ended_on": "A partnership cannot end before it was announced."})
        return attrs

    def create(self, validated_data):
        participants, evidence = self._specs(validated_data)
        try:
            return services.partnership_create(
                **validated_data, participants=participants, evidence=evidence or (), actor=self._actor()
            )
        except DjangoValidationError as error:
            raise_as_drf(error)

    def update(self, instance, validated_data):
        participants, evidence = self._specs(validated_data)
        try:
            return services.partnership_update(
                partnership=instance,
                participants=participants,
                evidence=evidence,
                actor=self._actor(),
                **validated_data,
            )
        except DjangoValidationError as error:
            raise_as_drf(error)

    def _specs(self, validated_data):
        """Take the nested rows out of validated_data as the service's specs (None when not given)."""
        participants = validated_data.pop("participants", None)
        evidence = validated_data.pop("evidence", None)
        if participants is not None:
            participants = [
                services.ParticipantSpec(company=p["company"], role=p.get("role", "")) for p in participants
            ]
        if evidence is not None:
            evidence = [services.EvidenceSpec(article=e["article"], quote=e["quote"]) for e in evidence]
        return participants, evidence

    def _actor(self):
        request = self.context.get("request")
        return request.user if request else None


# Network and figures


class GraphNodeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Company.Kind.choices)
    country = serializers.CharField(help_text="ISO 3166 code, empty when unknown.", allow_blank=True)
    degree = serializers.IntegerField(help_text="Number of distinct partner companies.")


class GraphEdgeSerializer(serializers.Serializer):
    source = serializers.SlugField(help_text="A company slug.")
    target = serializers.SlugField(help_text="A company slug.")
    partnership = serializers.SlugField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=Partnership.Status.choices)
    kind = serializers.ChoiceField(choices=Partnership.Kind.choices)


class GraphSerializer(serializers.Serializer):
    nodes = GraphNodeSerializer(many=True)
    edges = GraphEdgeSerializer(many=True)


class ConnectedCompanySerializer(ModelSerializer):
    url = api_url("company-detail")
    partnership_count = serializers.IntegerField()

    class Meta:
        model = Company
        fields = ["slug", "name", "url", "partnership_count"]
        read_only_fields = fields


class StatsSerializer(serializers.Serializer):
    companies = serializers.IntegerField()
    people = serializers.IntegerField()
    articles = serializers.IntegerField()
    partnerships = serializers.IntegerField(help_text="Public partnerships.")
    partnerships_by_status = serializers.DictField(
        child=serializers.IntegerField(), help_text="Public partnerships per status."
    )
    most_connected = ConnectedCompanySerializer(many=True, help_text="The ten companies in most partnerships.")
