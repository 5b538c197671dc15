"""POST /api/v1/articles/ingest/: authenticated writers ingest one article and see what it proposed."""

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from articles.models import Article, Evidence, Partnership
from tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/ingest/"
STORY = {
    "title": "Naver and Oracle in talks",
    "text": "Naver is in talks to form a joint venture with Oracle. Kakao declined to comment.",
    "url": "https://news.example.com/naver-oracle",
    "source": "Example News",
    "published_at": "2025-02-04T09:00:00Z",
}


@pytest.fixture
def writer(django_user_model):
    user = django_user_model.objects.create_user("writer", password="a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    return user


@pytest.fixture
def reviewer(writer):
    """A writer who may also review (change) partnerships and change articles."""
    writer.user_permissions.add(*Permission.objects.filter(codename__in=["change_partnership", "change_article"]))
    return writer


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user:
        client.force_authenticate(user)
    return client


def test_ingesting_answers_201_with_mentions_and_proposed_partnerships(seeded, reviewer):
    response = client_for(reviewer).post(URL, STORY, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["outcome"] == "created"
    assert {m["company"]: m["count"] for m in body["mentions"]} == {"naver": 2, "oracle": 2, "kakao": 1}
    [partnership] = body["partnerships"]
    assert partnership["status"] == "proposed"
    assert partnership["participants"] == ["naver", "oracle"]
    assert partnership["created"] is True


def test_writers_who_cannot_review_partnerships_are_not_shown_proposals(seeded, writer):
    response = client_for(writer).post(URL, STORY, format="json")
    assert response.status_code == 201
    assert response.json()["partnerships"] == []
    assert Partnership.objects.proposed().count() == 1  # created all the same, for the reviewers


def test_writers_see_the_public_partnerships_their_article_added_evidence_to(seeded, writer):
    story = {"title": "Kakao and OpenAI", "text": "Kakao and OpenAI expanded their partnership on Friday."}
    response = client_for(writer).post(URL, story, format="json")
    assert [(p["slug"], p["created"]) for p in response.json()["partnerships"]] == [("openai-kakao", False)]


def test_a_sentence_longer_than_evidence_can_quote_is_stored_but_proposes_nothing(seeded, reviewer):
    # A 500 on PostgreSQL once: the sentence does not fit in Evidence.quote.
    items = ", ".join(f"item {n}" for n in range(300))
    story = {"title": "Long", "text": f"Kakao and OpenAI signed a partnership agreement covering {items}."}
    assert len(story["text"]) > Evidence._meta.get_field("quote").max_length
    response = client_for(reviewer).post(URL, story, format="json")
    assert response.status_code == 201
    assert response.json()["partnerships"] == []
    assert Article.objects.filter(title="Long").exists()


def test_new_text_under_a_stored_url_needs_the_change_permission(seeded, writer):
    client = client_for(writer)
    client.post(URL, STORY, format="json")
    rewrite = {**STORY, "title": "Naver and Oracle: rewritten", "text": STORY["text"] + " Oracle confirmed it."}
    response = client.post(URL, rewrite, format="json")
    assert response.status_code == 403
    assert "permission to change articles" in response.json()["detail"]
    assert Article.objects.get(url=STORY["url"]).title == STORY["title"]


def test_reviewers_may_update_a_stored_url_with_new_text(seeded, reviewer):
    client = client_for(reviewer)
    client.post(URL, STORY, format="json")
    rewrite = {**STORY, "title": "Naver and Oracle: rewritten", "text": STORY["text"] + " Oracle confirmed it."}
    response = client.post(URL, rewrite, format="json")
    assert (response.status_code, response.json()["outcome"]) == (201, "updated")
    assert Article.objects.get(url=STORY["url"]).title == "Naver and Oracle: rewritten"


def test_the_same_article_again_answers_200_as_a_duplicate(seeded, writer):
    client = client_for(writer)
    client.post(URL, STORY, format="json")
    again = client.post(URL, STORY, format="json")
    assert again.status_code == 200
    assert again.json()["outcome"] == "duplicate"
    assert Article.objects.filter(url=STORY["url"]).count() == 1


def test_html_instead_of_text_is_extracted(seeded, writer):
    html = (
        "<html><body><article><h1>Kakao and Naver</h1><p>Kakao formed an alliance with Naver to build AI "
        "search for Korean users, the two companies said on Monday.</p></article></body></html>"
    )
    response = client_for(writer).post(URL, {"html": html}, format="json")
    assert response.status_code == 201
    assert response.json()["title"] == "Kakao and Naver"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "T"}, "non_field_errors"),
        ({"title": "T", "text": "a", "html": "<p>b</p>"}, "non_field_errors"),
        ({"text": "Kakao formed an alliance with Naver."}, "title"),
        ({"title": "T", "text": "x", "published_at": "next week"}, "published_at"),
        ({"title": "T", "text": "x", "url": "not a url"}, "url"),
    ],
)
def test_invalid_requests_answer_400_with_the_field_at_fault(db, writer, payload, field):
    response = client_for(writer).post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_input_the_pipeline_refuses_answers_400_with_the_reason(db, writer):
    response = client_for(writer).post(URL, {"html": "<html><body><p> </p></body></html>"}, format="json")
    assert response.status_code == 400
    assert "no article text" in response.json()["detail"]


def test_anonymous_users_cannot_ingest(db):
    assert client_for().post(URL, STORY, format="json").status_code in (401, 403)


def test_users_without_the_add_article_permission_cannot_ingest(db, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="a-long-test-password")
    assert client_for(reader).post(URL, STORY, format="json").status_code == 403
    assert not Article.objects.exists()


def test_proposed_partnerships_are_only_listed_when_asked_for(seeded, writer):
    client_for(writer).post(URL, STORY, format="json")
    public = client_for().get("/api/v1/partnerships/").json()
    rows = public["results"] if isinstance(public, dict) else public
    assert all(row["status"] != "proposed" for row in rows)
    assert Partnership.objects.proposed().count() == 1


@pytest.mark.parametrize("size", [5, 200])
def test_ingesting_through_the_api_runs_a_bounded_number_of_queries(db, writer, django_assert_max_num_queries, size):
    companies = CompanyFactory.create_batch(size)
    payload = {"title": "Deal", "text": f"{companies[0].name} signed an agreement with {companies[-1].name}."}
    client = client_for(writer)
    # The pipeline (see test_pipeline) plus permission checks and reading back mentions and
    # partnerships with their participants: the same at 5 and 200 companies.
    with django_assert_max_num_queries(42):
        assert client.post(URL, payload, format="json").status_code == 201


def test_an_article_without_a_url_is_answered_as_the_schema_documents_it(writer):
    # Found by schemathesis: "url": "" broke the documented `format: uri`.
    from drf_spectacular.generators import SchemaGenerator

    response = client_for(writer).post(
        URL,
        {"title": "No address", "text": "Kakao and Naver compete in search."},
        format="json",
    )
    assert response.status_code == 201 and response.json()["url"] == ""
    url_schema = SchemaGenerator().get_schema(public=True)["components"]["schemas"]["IngestResult"]["properties"]["url"]
    assert {"type": "string", "enum": [""]} in url_schema["anyOf"]
