"""partnerships/: public visibility, the reviewers' statuses, filters, and nested atomic writes through
the services (with the audit trail)."""

import pytest

from articles.models import Article, Partnership, PartnershipChange

pytestmark = pytest.mark.django_db

ARTICLE = "openai-alliances-kakao-softbank-asia"


def slugs(response):
    assert response.status_code == 200, response.content
    return {p["slug"] for p in response.json()["results"]}


@pytest.fixture
def quote():
    """A sentence that appears word for word in the seed article."""
    return Article.objects.get(slug=ARTICLE).body.split("\n\n")[1]


def new_partnership(quote, **overrides):
    return {
        "title": "Kakao and SoftBank joint venture",
        "kind": "joint_venture",
        "status": "announced",
        "announced_on": "2025-02-10",
        "participants": [{"company": "kakao", "role": "Operator"}, {"company": "softbank-group"}],
        "evidence": [{"article": ARTICLE, "quote": quote}],
        **overrides,
    }


def test_partnership_gives_participants_and_evidence(seeded, api):
    kakao = api.get("/api/v1/partnerships/openai-kakao/").json()

    assert kakao["status"] == "announced"
    assert kakao["announced_on"] == "2025-02-04"
    assert {"company": "kakao", "name": "Kakao", "role": "Integrates OpenAI technology"} in kakao["participants"]
    evidence = kakao["evidence"][0]
    assert evidence["article"] == ARTICLE
    assert evidence["published_at"] == "2025-02-04T12:00:00Z"
    assert {"title", "url", "quote"} <= set(evidence)


def test_project_is_read_as_slug_and_name(seeded, api):
    assert api.get("/api/v1/partnerships/stargate-openai-oracle/").json()["project"] == {
        "slug": "stargate",
        "name": "Stargate",
    }


def test_public_list_leaves_out_proposals(seeded, proposed, api):
    listed = slugs(api.get("/api/v1/partnerships/"))

    assert len(listed) == 7
    assert "openai-naver" not in listed


def test_proposal_detail_is_404_for_the_public(seeded, proposed, api):
    assert api.get("/api/v1/partnerships/openai-naver/").status_code == 404


def test_proposed_status_filter_is_400_for_non_reviewers(seeded, proposed, api, user_with):
    api.force_authenticate(user_with("view_partnership"))

    response = api.get("/api/v1/partnerships/?status=proposed")

    assert response.status_code == 400
    assert "reviewers" in response.json()["status"][0]


def test_reviewer_lists_and_reads_proposals(seeded, proposed, api, reviewer):
    api.force_authenticate(reviewer)

    assert slugs(api.get("/api/v1/partnerships/?status=proposed")) == {"openai-naver"}
    assert "openai-naver" not in slugs(api.get("/api/v1/partnerships/"))  # the default list stays public
    assert api.get("/api/v1/partnerships/openai-naver/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("company=kakao", {"openai-kakao"}),
        ("company=kakao&company=oracle", {"openai-kakao", "stargate-openai-oracle"}),
        ("status=in_talks&kind=supply", {"openai-sk-high-bandwidth-memory", "openai-samsung-high-bandwidth-memory"}),
        ("announced_after=2025-02-04", {"openai-kakao"}),
        ("announced_before=2025-02-03", {"openai-softbank"}),
        ("project=stargate", {"stargate-openai-oracle"}),
    ],
)
def test_partnership_filters(seeded, api, query, expected):
    assert slugs(api.get(f"/api/v1/partnerships/?{query}")) == expected


@pytest.mark.parametrize("query", ["company=nobody", "status=signed", "kind=merger", "project=nothing"])
def test_unknown_partnership_filter_value_is_400_naming_it(seeded, api, query):
    response = api.get(f"/api/v1/partnerships/?{query}")

    assert response.status_code == 400
    assert query.split("=")[1] in str(response.json())


def test_malformed_partnership_date_filter_is_400(seeded, api):
    response = api.get("/api/v1/partnerships/?announced_after=soon")

    assert response.status_code == 400
    assert response.json() == {"announced_after": ["Enter a valid date."]}


def test_anonymous_user_cannot_create_a_partnership(seeded, api, quote):
    assert api.post("/api/v1/partnerships/", new_partnership(quote), format="json").status_code == 403


def test_permitted_user_creates_a_partnership_with_participants_and_evidence(seeded, api, user_with, quote):
    user = user_with("add_partnership")
    api.force_authenticate(user)

    response = api.post("/api/v1/partnerships/", new_partnership(quote), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "kakao-and-softbank-joint-venture"
    assert {p["company"] for p in body["participants"]} == {"kakao", "softbank-group"}
    assert body["evidence"][0]["quote"] == quote
    change = PartnershipChange.objects.get(partnership__slug=body["slug"])
    assert (change.action, change.actor) == ("created", user)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"participants": [{"company": "kakao"}]}, "participants"),
        ({"participants": [{"company": "kakao"}, {"company": "kakao"}]}, "participants"),
        ({"participants": [{"company": "kakao"}, {"company": "no-such-company"}]}, "participants"),
        ({"evidence": [{"article": ARTICLE, "quote": "Words the article never says."}]}, "evidence"),
        ({"evidence": [{"article": "no-such-article", "quote": "Anything."}]}, "evidence"),
        ({"status": "signed"}, "status"),
        ({"kind": "merger"}, "kind"),
        ({"announced_on": "2025-02-30"}, "announced_on"),
        ({"announced_on": "2025-02-10", "ended_on": "2025-01-01"}, "ended_on"),
        ({"title": "   "}, "title"),
        ({"participants": "kakao, softbank-group"}, "participants"),
    ],
)
def test_invalid_partnership_is_400_and_writes_nothing(seeded, api, user_with, quote, overrides, field):
    api.force_authenticate(user_with("add_partnership"))
    before = Partnership.objects.count(), PartnershipChange.objects.count()

    response = api.post("/api/v1/partnerships/", new_partnership(quote, **overrides), format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert (Partnership.objects.count(), PartnershipChange.objects.count()) == before


def test_reviewer_confirms_a_proposal_and_replaces_its_participants(seeded, proposed, api, reviewer):
    api.force_authenticate(reviewer)

    response = api.patch(
        "/api/v1/partnerships/openai-naver/",
        {"status": "announced", "participants": [{"company": "openai"}, {"company": "naver", "role": "Search"}]},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "announced"
    assert {"company": "naver", "name": "Naver", "role": "Search"} in response.json()["participants"]
    change = PartnershipChange.objects.filter(partnership=proposed).first()
    assert change.actor == reviewer
    assert change.changes["status"] == ["proposed", "announced"]


def test_failed_update_changes_nothing(seeded, api, reviewer):
    api.force_authenticate(reviewer)

    response = api.patch(
        "/api/v1/partnerships/openai-kakao/",
        {"title": "Renamed", "participants": [{"company": "kakao"}]},
        format="json",
    )

    assert response.status_code == 400
    assert Partnership.objects.get(slug="openai-kakao").title == "OpenAI and Kakao strategic partnership"


def test_deleting_a_partnership_needs_the_delete_permission(seeded, api, reviewer, user_with):
    api.force_authenticate(reviewer)
    assert api.delete("/api/v1/partnerships/openai-kakao/").status_code == 403

    api.force_authenticate(user_with("delete_partnership", username="remover"))
    assert api.delete("/api/v1/partnerships/openai-kakao/").status_code == 204
    assert not Partnership.objects.filter(slug="openai-kakao").exists()
