"""API views: one ModelViewSet per record type, plus the partnership network and the figures.

Every queryset states what it joins and prefetches, so that a list or a detail costs the same number
of SQL queries whatever the number of rows (tests/api/test_queries.py pins them)."""

from itertools import islice

from django.db import IntegrityError, models, transaction
from django.db.models import Count, Prefetch
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from ..models import Article, Company, Evidence, Mention, Participant, Partnership, Person, PersonMention
from ..network import partnership_graph
from . import filters, serializers
from .filters import SLUG_PATTERN

PUBLIC = Partnership.PUBLIC_STATUSES
# Columns of a related article that its summaries never show (the body can be long).
ARTICLE_TEXT_FIELDS = ("article__body", "article__search_vector")


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class RejectNulMixin:
    """A NUL character in a query parameter or a body is a 400: PostgreSQL cannot store or compare it,
    and would otherwise fail deep inside a query."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if _contains_nul([*request.query_params.lists()]):
            raise ParseError("Query parameters must not contain NUL (\\x00) characters.")
        if request.method not in ("GET", "HEAD", "OPTIONS") and _contains_nul(request.data):
            raise ParseError("The request body must not contain NUL (\\x00) characters.")


def _contains_nul(data) -> bool:
    # Iterative, so that a deeply nested JSON body cannot exhaust the stack.
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif hasattr(value, "lists"):  # QueryDict from a form body
            stack.extend(value.lists())
    return False


class TrackerViewSet(RejectNulMixin, viewsets.ModelViewSet):
    """Shared behaviour: slug lookups, list/detail serializers, a 409 for records still referenced,
    and write responses read back through the same queryset as a GET (annotations and prefetches)."""

    lookup_field = "slug"
    # Only slug characters reach the database; anything else is a 404 from the URL resolver.
    lookup_value_regex = SLUG_PATTERN.strip("^$")
    list_serializer_class = None
    detail_serializer_class = None

    def get_serializer_class(self):
        return self.list_serializer_class if self.action == "list" else self.detail_serializer_class

    def read_queryset(self):
        """The queryset a GET uses for this action, without any visibility rule."""
        raise NotImplementedError

    def get_queryset(self):
        return self.read_queryset()

    def filter_queryset(self, queryset):
        # Filters narrow lists; a record's own address finds it whatever the query string says.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def perform_create(self, serializer):
        serializer.instance = self.read_queryset().get(pk=self._save(serializer).pk)

    def perform_update(self, serializer):
        serializer.instance = self.read_queryset().get(pk=self._save(serializer).pk)

    def _save(self, serializer):
        # Validation checks the unique rules first, but a concurrent write (or a value the database
        # compares differently) can still collide: that is a 409, not a 500.
        try:
            with transaction.atomic():
                return serializer.save()
        except IntegrityError:
            raise Conflict(
                "This conflicts with an existing record (a name, slug, URL or text already stored)."
            ) from None

    def perform_destroy(self, instance):
        try:
            instance.delete()
        except models.ProtectedError as error:
            # A few examples are enough (each costs queries to name); there may be thousands.
            names = sorted({str(obj) for obj in islice(error.protected_objects, 5)})
            raise Conflict(f"“{instance}” cannot be deleted while these depend on it: {'; '.join(names)}.") from None


class CompanyViewSet(TrackerViewSet):
    """Companies and other bodies that make alliances, with their partnership and article counts."""

    list_serializer_class = serializers.CompanySerializer
    detail_serializer_class = serializers.CompanyDetailSerializer
    filterset_class = filters.CompanyFilter
    ordering_fields = ["name", "country", "kind", "partnership_count", "article_count", "created_at"]

    def read_queryset(self):
        queryset = Company.objects.with_counts().select_related("parent")
        if self.action == "list":
            return queryset
        return queryset.prefetch_related(
            Prefetch(
                "participations",
                queryset=Participant.objects.public()
                .select_related("partnership")
                .prefetch_related(Prefetch("partnership__participants", Participant.objects.select_related("company")))
                .order_by("-partnership__announced_on", "partnership__title"),
                to_attr="public_participations",
            ),
            Prefetch("people", Person.objects.order_by("name")),
            Prefetch("subsidiaries", Company.objects.order_by("name")),
        )


class PersonViewSet(TrackerViewSet):
    """People who speak for the companies, and the articles that name them."""

    list_serializer_class = serializers.PersonSerializer
    detail_serializer_class = serializers.PersonDetailSerializer
    ordering_fields = ["name", "created_at"]

    def read_queryset(self):
        queryset = Person.objects.select_related("organisation")
        if self.action == "list":
            return queryset
        return queryset.prefetch_related(
            Prefetch("mentions", PersonMention.objects.select_related("article").defer(*ARTICLE_TEXT_FIELDS))
        )


class ArticleViewSet(TrackerViewSet):
    """News articles, the companies they mention, and the partnerships they report. Mentions are
    found by the ingestion pipeline and are read-only here."""

    list_serializer_class = serializers.ArticleSerializer
    detail_serializer_class = serializers.ArticleDetailSerializer
    filterset_class = filters.ArticleFilter
    ordering_fields = ["published_at", "title", "source", "created_at"]

    def read_queryset(self):
        queryset = Article.objects.prefetch_related(
            Prefetch(
                "mentions",
                Mention.objects.select_related("company").only("article", "count", "company__slug", "company__name"),
            )
        )
        if self.action == "list":
            return queryset.defer("body", "search_vector")
        return queryset.defer("search_vector").prefetch_related(
            Prefetch(
                "evidence",
                Evidence.objects.public().select_related("partnership").order_by("partnership__title", "id"),
                to_attr="public_evidence",
            )
        )


class PartnershipViewSet(TrackerViewSet):
    """Partnerships between companies, with their participants and the article sentences reporting
    them. Proposed and rejected ones are visible only to reviewers (permission
    articles.change_partnership); writes go through the services, which keep the audit trail."""

    list_serializer_class = serializers.PartnershipSerializer
    detail_serializer_class = serializers.PartnershipSerializer
    filterset_class = filters.PartnershipFilter
    ordering_fields = ["announced_on", "title", "status", "kind", "created_at"]

    def read_queryset(self):
        return Partnership.objects.select_related("project").prefetch_related(
            Prefetch("participants", Participant.objects.select_related("company")),
            Prefetch("evidence", Evidence.objects.select_related("article").defer(*ARTICLE_TEXT_FIELDS)),
        )

    def get_queryset(self):
        queryset = self.read_queryset()
        # The list's filter set applies the status rule itself (and answers 400 to a forbidden status).
        if self.action == "list" or self.request.user.has_perm(filters.REVIEWER_PERMISSION):
            return queryset
        return queryset.public()


class ReadOnlyAPIView(RejectNulMixin, GenericAPIView):
    # Public figures with only a GET: no model permission applies.
    permission_classes = [AllowAny]
    # JSON and the browsable API only: a graph or a set of figures is not a table.
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    pagination_class = None
    filter_backends = []


class GraphView(ReadOnlyAPIView):
    """The partnership network: companies as nodes, one edge per pair of participants of a partnership."""

    serializer_class = serializers.GraphSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "company",
                str,
                pattern=SLUG_PATTERN,
                description=filters.GraphFilter.base_filters["company"].extra["help_text"],
            ),
            OpenApiParameter(
                "status",
                {"type": "array", "items": {"type": "string", "enum": Partnership.Status.values}},
                explode=True,
                description=filters.STATUS_HELP,
            ),
        ]
    )
    def get(self, request):
        filterset = filters.GraphFilter(request.query_params, queryset=Partnership.objects.none(), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        statuses = filterset.form.cleaned_data["status"]
        filters.check_statuses_visible(statuses, request.user)
        graph = partnership_graph(company=filterset.form.cleaned_data["company"], statuses=statuses)
        # The whole network is ~30,000 nodes and edges at production scale: plain dicts in the
        # GraphSerializer's shape (which documents it), because running DRF fields per item took ~1 s.
        return Response(
            {
                "nodes": [
                    {"slug": n.slug, "name": n.name, "kind": n.kind, "country": n.country, "degree": n.degree}
                    for n in graph.nodes
                ],
                "edges": [
                    {
                        "source": e.source,
                        "target": e.target,
                        "partnership": e.partnership,
                        "title": e.title,
                        "status": e.status,
                        "kind": e.kind,
                    }
                    for e in graph.edges
                ],
            }
        )


@csrf_exempt  # a 404 whatever the method, not a CSRF failure page
def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)


class StatsView(ReadOnlyAPIView):
    """How much the tracker holds, and the most-connected companies."""

    serializer_class = serializers.StatsSerializer

    def get(self, request):
        by_status = dict.fromkeys(PUBLIC, 0) | dict(
            Partnership.objects.public().order_by().values_list("status").annotate(n=Count("*"))
        )
        most_connected = Company.objects.most_connected(10)
        figures = {
            "companies": Company.objects.count(),
            "people": Person.objects.count(),
            "articles": Article.objects.count(),
            "partnerships": sum(by_status.values()),
            "partnerships_by_status": by_status,
            "most_connected": most_connected,
        }
        return Response(self.get_serializer(figures).data)
