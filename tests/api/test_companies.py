"""companies/ and companies/{slug}/: fields, counts, filters, ordering and writes."""

import pytest

from articles.models import Company
from tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_company_list_gives_contract_fields_and_public_counts(seeded, proposed, api):
    openai = next(c for c in results(api.get("/api/v1/companies/")) if c["slug"] == "openai")

    assert openai["name"] == "OpenAI"
    assert openai["country"] == "US"
    assert openai["url"] == "http://testserver/api/v1/companies/openai/"
    assert openai["site_url"] == "http://testserver/companies/openai/"
    assert openai["partnership_count"] == 7  # the proposal with Naver is not counted
    assert openai["article_count"] == 1
    assert {"aliases", "kind", "sector", "description", "website", "ticker", "parent"} <= set(openai)


def test_company_parent_is_read_as_slug_and_name(seeded, api):
    hynix = api.get("/api/v1/companies/sk-hynix/").json()

    assert hynix["parent"] == {"slug": "sk-group", "name": "SK Group"}


def test_company_detail_lists_partners_partnerships_people_and_subsidiaries(seeded, proposed, api):
    sk = api.get("/api/v1/companies/sk-group/").json()

    assert {(p["slug"], p["partnership"], p["status"]) for p in sk["partners"]} == {
        ("openai", "openai-sk-high-bandwidth-memory", "in_talks"),
        ("sk-hynix", "openai-sk-high-bandwidth-memory", "in_talks"),
    }
    assert [p["slug"] for p in sk["partnerships"]] == ["openai-sk-high-bandwidth-memory"]
    assert [p["slug"] for p in sk["people"]] == ["chey-tae-won"]
    assert [s["slug"] for s in sk["subsidiaries"]] == ["sk-hynix"]


def test_company_detail_hides_proposed_partnerships(seeded, proposed, api):
    naver = api.get("/api/v1/companies/naver/").json()

    assert naver["partners"] == []
    assert naver["partnerships"] == []


def test_unknown_company_is_404(db, api):
    assert api.get("/api/v1/companies/no-such-company/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=JP", {"softbank-group"}),
        ("kind=conglomerate", {"samsung", "sk-group"}),
        ("sector=semiconductors", {"sk-hynix"}),  # the whole sector, any case
        ("q=kakao+corp", {"kakao"}),  # an alias
        ("country=KR&kind=government", {"government-of-south-korea"}),
    ],
)
def test_company_filters(seeded, api, query, expected):
    assert {c["slug"] for c in results(api.get(f"/api/v1/companies/?{query}"))} == expected


@pytest.mark.parametrize("query", ["country=XX", "kind=bank", "country=kr"])
def test_unknown_company_filter_value_is_400_naming_it(seeded, api, query):
    response = api.get(f"/api/v1/companies/?{query}")

    assert response.status_code == 400
    assert query.split("=")[1] in str(response.json())


def test_companies_order_by_partnership_count(seeded, api):
    slugs = [c["slug"] for c in results(api.get("/api/v1/companies/?ordering=-partnership_count,name"))]

    assert slugs[0] == "openai"


def test_anonymous_user_cannot_create_a_company(db, api):
    response = api.post("/api/v1/companies/", {"name": "Naver Cloud"}, format="json")

    assert response.status_code == 403
    assert not Company.objects.exists()


def test_user_without_the_permission_cannot_create_a_company(db, api, user_with):
    api.force_authenticate(user_with("view_company"))

    assert api.post("/api/v1/companies/", {"name": "Naver Cloud"}, format="json").status_code == 403


def test_permitted_user_creates_a_company_with_a_parent(seeded, api, user_with):
    api.force_authenticate(user_with("add_company"))

    response = api.post(
        "/api/v1/companies/",
        {"name": "Naver Cloud", "country": "KR", "kind": "company", "aliases": ["NCP"], "parent": "naver"},
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "naver-cloud"
    assert body["parent"] == {"slug": "naver", "name": "Naver"}
    assert body["partnership_count"] == 0
    assert Company.objects.get(slug="naver-cloud").parent.slug == "naver"


def test_company_names_are_unique_whatever_the_case(seeded, api, user_with):
    api.force_authenticate(user_with("add_company"))

    response = api.post("/api/v1/companies/", {"name": "openai"}, format="json")

    assert response.status_code == 400
    assert "name" in response.json()


def test_company_group_structure_cannot_loop(seeded, api, user_with):
    api.force_authenticate(user_with("change_company"))

    response = api.patch("/api/v1/companies/sk-group/", {"parent": "sk-hynix"}, format="json")

    assert response.status_code == 400
    assert "circular" in str(response.json()["parent"])


def test_company_with_partnerships_cannot_be_deleted(db, api, user_with):
    partnership = make_partnership()
    company = partnership.companies.first()
    api.force_authenticate(user_with("delete_company"))

    response = api.delete(f"/api/v1/companies/{company.slug}/")

    assert response.status_code == 409
    assert Company.objects.filter(pk=company.pk).exists()


def test_company_without_links_can_be_deleted(db, api, user_with):
    Company.objects.create(name="Short-lived")
    api.force_authenticate(user_with("delete_company"))

    assert api.delete("/api/v1/companies/short-lived/").status_code == 204
    assert not Company.objects.exists()
