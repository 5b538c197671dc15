"""Routes of the API, mounted at /api/v1/ under the namespace "api"."""

from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import views
from .ingest import ArticleIngestView

app_name = "api"


class Router(DefaultRouter):
    # One address per resource: formats are chosen with ?format= or the Accept header, not a suffix.
    include_format_suffixes = False

    def get_api_root_view(self, api_urls=None):
        # The root page links the network and the figures too, not only the registered lists.
        lists = {prefix: self.routes[0].name.format(basename=basename) for prefix, _, basename in self.registry}
        return self.APIRootView.as_view(api_root_dict={**lists, "graph": "graph", "stats": "stats"})


router = Router()
router.register("companies", views.CompanyViewSet, basename="company")
router.register("people", views.PersonViewSet, basename="person")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("partnerships", views.PartnershipViewSet, basename="partnership")

# Explicit routes go before the router's, so that e.g. articles/ingest/ is not read as an article slug.
urlpatterns = [
    path("articles/ingest/", ArticleIngestView.as_view(), name="article-ingest"),
    path("graph/", views.GraphView.as_view(), name="graph"),
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("", include(router.urls)),
    # Any other address under the API is a 404 in JSON, as API clients expect, not the site's HTML page.
    re_path(r"^[\s\S]+/$", views.not_found),
]
