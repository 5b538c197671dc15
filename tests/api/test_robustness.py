"""No input makes the API answer 500: wrong types, huge numbers, unknown slugs, NUL bytes, broken or
deeply nested JSON, bad pagination. Each gets a 4xx with a readable message."""

import pytest

from articles.models import Company, Partnership

pytestmark = pytest.mark.django_db

LISTS = ["companies", "people", "articles", "partnerships"]


@pytest.mark.parametrize("resource", LISTS)
@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999",
        "page=-1",
        "page=abc",
        "page=%00",
    ],
)
def test_bad_page_is_404_not_500(seeded, api, resource, query):
    response = api.get(f"/api/v1/{resource}/?{query}")

    assert response.status_code in (400, 404)
    assert "detail" in response.json()


@pytest.mark.parametrize("page_size", ["0", "-5", "abc", "99999999999999999999999", "1e309"])
def test_bad_page_size_falls_back_or_is_capped(seeded, api, page_size):
    response = api.get(f"/api/v1/companies/?page_size={page_size}")

    assert response.status_code == 200
    assert len(response.json()["results"]) <= 100


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/companies/?q=open%00ai",
        "/api/v1/companies/?sector=%00",
        "/api/v1/articles/?company=%00",
        "/api/v1/articles/?q=%00",
        "/api/v1/articles/?source=a%00b",
        "/api/v1/partnerships/?company=kakao&company=%00",
        "/api/v1/partnerships/?status=%00",
        "/api/v1/graph/?company=%00",
        "/api/v1/companies/?ordering=%00",
        "/api/v1/companies/?unknown=%00",
    ],
)
def test_nul_in_a_query_parameter_is_400(seeded, api, address):
    response = api.get(address)

    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize("path", ["companies/open%00ai/", "people/a%0Ab/", "partnerships/a/b/", "nothing-here/"])
def test_unknown_api_address_is_a_json_404(seeded, api, path):
    response = api.delete(f"/api/v1/{path}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("name", ["ÜBER RIDES", "Über\x1fRides", " Über   Rides "])
def test_company_name_duplicate_as_the_database_compares_it_is_400(db, api, user_with, name):
    # Compared as stored (whitespace normalised) and lowered by the database, as its constraint does.
    Company.objects.create(name="Über Rides")
    api.force_authenticate(user_with("add_company"))

    response = api.post("/api/v1/companies/", {"name": name}, format="json")

    assert response.status_code == 400
    assert "already exists" in response.json()["name"][0]


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Null\x00Corp"},
        {"name": "Fine", "slug": "fine\x00"},
        {"name": "Fine", "aliases": ["ok", "n\x00"]},
        {"name": "Fine", "parent": "kakao\x00"},
        {"name\x00": "Fine"},
    ],
)
def test_nul_in_a_written_field_is_400(seeded, api, user_with, body):
    api.force_authenticate(user_with("add_company"))

    response = api.post("/api/v1/companies/", body, format="json")

    assert response.status_code == 400
    assert not Company.objects.filter(name="Fine").exists()


def test_nul_in_a_form_body_is_400(seeded, api, user_with):
    api.force_authenticate(user_with("add_company"))

    assert api.post("/api/v1/companies/", {"name": "Null\x00Corp"}).status_code == 400


@pytest.mark.parametrize(
    "raw",
    [
        b"{",
        b'{"name": }',
        b"\xff\xfe",
        b"[" * 100_000,
        b'{"name": "x", "parent": 1e309}',
        b'{"name": NaN}',
        b"null",
        b"[]",
        b'"just a string"',
        b'{"name": ["a", "list"]}',
        b'{"name": {"an": "object"}}',
    ],
)
def test_malformed_json_is_400(seeded, api, user_with, raw):
    api.force_authenticate(user_with("add_company"))

    response = api.generic("POST", "/api/v1/companies/", raw, content_type="application/json")

    assert response.status_code == 400, response.content
    assert response.json()


@pytest.mark.parametrize(
    "body",
    [
        {"participants": [{"company": 1e308}, {"company": True}]},
        {"participants": [{"company": ["kakao"]}, {"company": {"slug": "openai"}}]},
        {"participants": [None, None]},
        {"participants": {"company": "kakao"}},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "evidence": [{"article": 7, "quote": 7}]},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "announced_on": 20250204},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "announced_on": "99999-01-01"},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "project": 10**30},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "title": "x" * 10_000},
        {"participants": [{"company": "kakao"}, {"company": "openai"}], "slug": "not a slug!"},
    ],
)
def test_wrong_types_in_a_partnership_are_400(seeded, api, user_with, body):
    api.force_authenticate(user_with("add_partnership"))
    before = Partnership.objects.count()

    response = api.post("/api/v1/partnerships/", {"title": "Typed wrongly", **body}, format="json")

    assert response.status_code == 400, response.content
    assert Partnership.objects.count() == before


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/companies/?ordering=nonsense,-,--name,__class__",
        "/api/v1/articles/?published_after=99999-01-01",
        "/api/v1/articles/?published_after=0001-01-01T00:00:00%2B14:00",
        "/api/v1/articles/?published_before=9999-12-31T23:59:59-14:00",
        "/api/v1/partnerships/?announced_after=0000-01-01",
        "/api/v1/articles/?q=" + "%22%27%28%29%26%7C%21%3A*" * 50,
        "/api/v1/articles/?q=" + "word+" * 500,
        "/api/v1/companies/?country=" + "A" * 5000,
        "/api/v1/companies/?format=xml",
    ],
)
def test_odd_queries_never_fail_the_server(seeded, api, address):
    assert api.get(address).status_code < 500


@pytest.mark.parametrize("published_at", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "tomorrow"])
def test_out_of_range_article_dates_are_400(db, api, user_with, published_at):
    api.force_authenticate(user_with("add_article"))

    response = api.post("/api/v1/articles/", {"title": "T", "body": "B", "published_at": published_at}, format="json")

    assert response.status_code == 400
    assert "published_at" in response.json()


def test_unknown_slugs_are_404(seeded, api):
    for resource in LISTS:
        assert api.get(f"/api/v1/{resource}/no-such-thing/").status_code == 404
