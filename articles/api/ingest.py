"""POST /api/v1/articles/ingest/: one article (text or HTML) through the ingestion pipeline."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from ..ingest.pipeline import UpdateRefused, article_ingest
from ..ingest.readers import IngestError, max_bytes
from ..models import Article, Mention, Partnership
from .serializers import ModelSerializer


class CanAddArticles(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm("articles.add_article")


class IngestRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False, allow_blank=True)
    text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    html = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True)
    author = serializers.CharField(max_length=200, required=False, allow_blank=True)
    published_at = serializers.DateTimeField(required=False, allow_null=True)

    def validate(self, attrs):
        text, html = attrs.get("text", "").strip(), attrs.get("html", "").strip()
        if bool(text) == bool(html):
            raise serializers.ValidationError("Send either “text” or “html” (one of them, not both).")
        if len((text or html).encode()) > max_bytes():
            raise serializers.ValidationError(f"The article is larger than the {max_bytes():,}-byte limit.")
        if text and not attrs.get("title", "").strip():
            raise serializers.ValidationError({"title": "A title is needed with plain text."})
        return attrs


class IngestMentionSerializer(serializers.ModelSerializer):
    company = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.CharField(source="company.name", read_only=True)

    class Meta:
        model = Mention
        fields = ["company", "name", "count"]
        read_only_fields = fields


class IngestPartnershipSerializer(serializers.ModelSerializer):
    participants = serializers.SerializerMethodField()
    created = serializers.SerializerMethodField(
        help_text="True when proposed by this article, false when the article was added as evidence to it."
    )

    class Meta:
        model = Partnership
        fields = ["slug", "title", "kind", "status", "participants", "created"]
        read_only_fields = fields

    def get_participants(self, obj) -> list[str]:
        return sorted(p.company.slug for p in obj.participants.all())

    def get_created(self, obj) -> bool:
        return obj.slug in self.context.get("created", ())


class IngestResultSerializer(ModelSerializer):  # the API's ModelSerializer: a blank URL is documented
    outcome = serializers.CharField(help_text="created, updated or duplicate")
    mentions = IngestMentionSerializer(many=True, source="mentions_list")
    partnerships = IngestPartnershipSerializer(many=True, source="partnerships_list")

    class Meta:
        model = Article
        fields = ["slug", "title", "url", "source", "author", "published_at", "outcome", "mentions", "partnerships"]
        read_only_fields = fields


class ArticleIngestView(APIView):
    """Ingest an article: link the companies it names and propose the partnerships it reports (they stay
    `proposed` until a reviewer confirms them). 201 with the new (or, for users who may change articles,
    updated) article; 200 when it was already stored; 403 for new text under a stored URL without the
    change permission. Proposals are listed only to users who may review partnerships."""

    permission_classes = [permissions.IsAuthenticated, CanAddArticles]

    @extend_schema(
        request=IngestRequestSerializer, responses={200: IngestResultSerializer, 201: IngestResultSerializer}
    )
    def post(self, request):
        incoming = IngestRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            result = article_ingest(**incoming.validated_data, actor=request.user)
        except UpdateRefused as error:
            return Response({"detail": str(error)}, status=status.HTTP_403_FORBIDDEN)
        except IngestError as error:
            return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)
        article = result.article
        # Read back in a fixed number of queries, whatever the number of mentions and partnerships.
        mentions = Mention.objects.filter(article=article).select_related("company")
        partnerships = Partnership.objects.filter(pk__in=[p.pk for p, _ in result.partnerships]).prefetch_related(
            "participants__company"
        )
        if result.outcome == "duplicate":
            partnerships = Partnership.objects.none()
        elif not request.user.has_perm("articles.change_partnership"):
            # Proposals are not public; a writer who cannot review them sees only the evidence it added.
            partnerships = partnerships.public()
        article.outcome = result.outcome
        article.mentions_list, article.partnerships_list = mentions, partnerships
        body = IngestResultSerializer(
            article, context={"created": {p.slug for p, created in result.partnerships if created}}
        ).data
        code = status.HTTP_200_OK if result.outcome == "duplicate" else status.HTTP_201_CREATED
        return Response(body, status=code)
