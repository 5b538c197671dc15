"""people/ and people/{slug}/."""

import pytest

pytestmark = pytest.mark.django_db


def test_person_list_gives_organisation_as_slug_and_name(seeded, api):
    people = {p["slug"]: p for p in api.get("/api/v1/people/").json()["results"]}

    assert people["sam-altman"]["organisation"] == {"slug": "openai", "name": "OpenAI"}
    assert people["sam-altman"]["role"] == "Chief executive"
    assert people["sam-altman"]["site_url"] == "http://testserver/people/sam-altman/"


def test_person_detail_lists_the_articles_naming_them(seeded, api):
    altman = api.get("/api/v1/people/sam-altman/").json()

    assert [a["slug"] for a in altman["articles"]] == ["openai-alliances-kakao-softbank-asia"]
    assert altman["articles"][0]["count"] >= 1


def test_permitted_user_creates_a_person(seeded, api, user_with):
    api.force_authenticate(user_with("add_person"))

    response = api.post("/api/v1/people/", {"name": "Masayoshi Son", "organisation": "softbank-group"}, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["organisation"] == {"slug": "softbank-group", "name": "SoftBank Group"}


def test_person_with_unknown_organisation_is_400(seeded, api, user_with):
    api.force_authenticate(user_with("add_person"))

    response = api.post("/api/v1/people/", {"name": "Somebody", "organisation": "no-such-company"}, format="json")

    assert response.status_code == 400
    assert "organisation" in response.json()
