"""?format=csv on every list, for spreadsheet users; the browsable API."""

import csv
import io

import pytest

from articles.api.formats import cell

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("resource", ["companies", "people", "articles", "partnerships"])
def test_every_list_downloads_as_csv(seeded, api, resource):
    response = api.get(f"/api/v1/{resource}/?format=csv")

    rows = read_csv(response)
    assert rows
    assert response["Content-Disposition"] == f'attachment; filename="{resource}.csv"'
    assert len(rows) == api.get(f"/api/v1/{resource}/").json()["count"]


def test_nested_records_become_readable_cells(seeded, api):
    rows = {row["slug"]: row for row in read_csv(api.get("/api/v1/partnerships/?format=csv"))}

    assert rows["openai-kakao"]["participants"] == "Kakao; OpenAI"
    assert rows["stargate-openai-oracle"]["project"] == "Stargate"
    assert rows["openai-kakao"]["evidence"].startswith("In a significant expansion")


def test_csv_follows_filters_and_pages(seeded, api):
    rows = read_csv(api.get("/api/v1/companies/?format=csv&country=KR&page_size=2"))

    assert [row["country"] for row in rows] == ["KR", "KR"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    assert cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert cell("-3.5") == "-3.5"
    assert cell(["a", {"name": "B"}, None]) == "a; B; "


def test_browsable_api_renders_with_a_login_link(seeded, client):
    response = client.get("/api/v1/companies/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"/api/auth/login/" in response.content


def test_api_root_links_every_resource(db, api):
    assert set(api.get("/api/v1/").json()) == {"companies", "people", "articles", "partnerships", "graph", "stats"}


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/companies/",
        "/api/v1/companies/sk-hynix/",
        "/api/v1/people/",
        "/api/v1/people/sam-altman/",
        "/api/v1/articles/",
        "/api/v1/articles/openai-alliances-kakao-softbank-asia/",
        "/api/v1/partnerships/",
        "/api/v1/partnerships/stargate-openai-oracle/",
        "/api/v1/graph/",
        "/api/v1/stats/",
    ],
)
def test_browsable_api_renders_write_forms_for_a_superuser(seeded, client, superuser, address):
    client.force_login(superuser)

    response = client.get(address, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"/api/auth/logout/" in response.content
