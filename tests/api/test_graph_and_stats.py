"""graph/ (the partnership network) and stats/ (the figures)."""

import pytest

pytestmark = pytest.mark.django_db


def test_graph_has_companies_as_nodes_and_partner_pairs_as_edges(seeded, proposed, api):
    graph = api.get("/api/v1/graph/").json()

    nodes = {n["slug"]: n for n in graph["nodes"]}
    assert nodes["openai"]["degree"] == 9
    assert nodes["kakao"] == {"slug": "kakao", "name": "Kakao", "kind": "company", "country": "KR", "degree": 1}
    assert "naver" not in nodes  # only in the proposal
    edge = next(e for e in graph["edges"] if e["partnership"] == "openai-kakao")
    assert {edge["source"], edge["target"]} == {"kakao", "openai"}
    assert (edge["status"], edge["kind"]) == ("announced", "strategic_alliance")


def test_graph_of_a_company_is_its_neighbourhood(seeded, api):
    graph = api.get("/api/v1/graph/?company=sk-hynix").json()

    assert {n["slug"] for n in graph["nodes"]} == {"openai", "sk-group", "sk-hynix"}
    assert {e["partnership"] for e in graph["edges"]} == {"openai-sk-high-bandwidth-memory"}


def test_graph_filtered_by_status(seeded, api):
    graph = api.get("/api/v1/graph/?status=under_consideration").json()

    assert {e["partnership"] for e in graph["edges"]} == {"openai-korea-national-ai-computing-centre"}


def test_graph_with_unknown_company_is_400_naming_it(seeded, api):
    response = api.get("/api/v1/graph/?company=no-such-company")

    assert response.status_code == 400
    assert "no-such-company" in response.json()["company"][0]


def test_graph_of_proposals_is_for_reviewers_only(seeded, proposed, api, reviewer):
    assert api.get("/api/v1/graph/?status=proposed").status_code == 400

    api.force_authenticate(reviewer)
    graph = api.get("/api/v1/graph/?status=proposed").json()
    assert {n["slug"] for n in graph["nodes"]} == {"naver", "openai"}


def test_stats_count_records_and_rank_companies(seeded, proposed, api):
    stats = api.get("/api/v1/stats/").json()

    assert (stats["companies"], stats["people"], stats["articles"]) == (11, 5, 1)
    assert stats["partnerships"] == 7
    assert stats["partnerships_by_status"] == {
        "in_talks": 3,
        "under_consideration": 1,
        "announced": 3,
        "active": 0,
        "ended": 0,
    }
    assert stats["most_connected"][0]["slug"] == "openai"
    assert stats["most_connected"][0]["partnership_count"] == 7
