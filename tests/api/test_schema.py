"""The OpenAPI schema and its documentation pages: valid, warning-free, served without a CDN."""

import re

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings_and_validates(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/companies/", "/api/v1/partnerships/{slug}/", "/api/v1/graph/", "/api/v1/stats/"} <= set(
        schema["paths"]
    )


def operation(schema, path, method="get"):
    return schema["paths"][path][method]


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("path", "filters"),
    [
        ("/api/v1/articles/", {"company", "source", "published_after", "published_before", "q", "ordering"}),
        (
            "/api/v1/partnerships/",
            {"company", "status", "kind", "announced_after", "announced_before", "project", "ordering"},
        ),
        ("/api/v1/companies/", {"country", "kind", "sector", "q", "ordering"}),
        ("/api/v1/graph/", {"company", "status"}),
    ],
)
def test_schema_documents_every_filter(schema, path, filters):
    documented = {p["name"] for p in operation(schema, path)["parameters"]}

    assert filters <= documented
    assert {"page", "page_size"} <= documented or path == "/api/v1/graph/"


def test_schema_documents_error_responses(schema):
    assert {"400", "403", "404", "429"} <= set(operation(schema, "/api/v1/articles/")["responses"])
    assert {"400", "403", "404", "409", "415", "429"} <= set(
        operation(schema, "/api/v1/partnerships/", "post")["responses"]
    )
    assert "Retry-After" in operation(schema, "/api/v1/stats/")["responses"]["429"]["headers"]


def test_schema_shows_related_records_written_as_slugs(schema):
    components = schema["components"]["schemas"]

    assert components["PartnershipRequest"]["properties"]["project"]["type"] == "string"
    assert components["Partnership"]["properties"]["project"]["type"] == "object"


@pytest.mark.parametrize("address", ["/api/docs/", "/api/redoc/"])
def test_documentation_pages_load_their_scripts_from_this_site(client, address):
    response = client.get(address)

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("drf_spectacular_sidecar" in source for source in sources)
    assert not [source for source in sources if source.startswith(("http:", "https:", "//"))]
