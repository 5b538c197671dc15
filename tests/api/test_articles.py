"""articles/ and articles/{slug}/: mentions, evidence, filters (company, source, dates, search), writes."""

import datetime as dt

import pytest

from articles.models import Article
from tests.factories import ArticleFactory, CompanyFactory, make_partnership

pytestmark = pytest.mark.django_db

SEED_ARTICLE = "openai-alliances-kakao-softbank-asia"


def slugs(response):
    assert response.status_code == 200, response.content
    return [a["slug"] for a in response.json()["results"]]


def test_article_list_gives_mentions_without_body(seeded, api):
    [article] = api.get("/api/v1/articles/").json()["results"]

    assert article["slug"] == SEED_ARTICLE
    assert article["published_at"] == "2025-02-04T12:00:00Z"
    assert article["mentions"][0] == {"company": "openai", "name": "OpenAI", "count": 12}
    assert "body" not in article
    assert {"title", "url", "source", "summary", "api_url", "site_url"} <= set(article)


def test_article_detail_adds_body_and_public_partnerships_with_quotes(seeded, proposed, api):
    article = api.get(f"/api/v1/articles/{SEED_ARTICLE}/").json()

    assert article["body"].startswith("OpenAI has entered into two major alliances")
    by_slug = {p["slug"]: p for p in article["partnerships"]}
    assert len(by_slug) == 7  # not the proposal awaiting review
    assert len(by_slug["openai-kakao"]["quotes"]) == 3
    assert all(q in article["body"] for q in by_slug["openai-kakao"]["quotes"])


def test_articles_filtered_by_company_any_of(db, api):
    kakao, naver, other = CompanyFactory(slug="kakao"), CompanyFactory(slug="naver"), CompanyFactory()
    make_partnership([kakao, other], article=ArticleFactory(slug="about-kakao"))
    make_partnership([naver, other], article=ArticleFactory(slug="about-naver"))
    ArticleFactory(slug="about-nobody")

    assert slugs(api.get("/api/v1/articles/?company=kakao")) == ["about-kakao"]
    assert set(slugs(api.get("/api/v1/articles/?company=kakao&company=naver"))) == {"about-kakao", "about-naver"}


def test_unknown_company_in_article_filter_is_400_naming_it(seeded, api):
    response = api.get("/api/v1/articles/?company=kakao&company=no-such-company")

    assert response.status_code == 400
    assert "no-such-company" in response.json()["company"][0]


def test_articles_filtered_by_source_and_dates(db, api):
    ArticleFactory(slug="old", source="Reuters", published_at=dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    ArticleFactory(slug="new", source="Reuters", published_at=dt.datetime(2025, 2, 4, tzinfo=dt.UTC))
    ArticleFactory(slug="elsewhere", source="Yonhap", published_at=dt.datetime(2025, 2, 4, tzinfo=dt.UTC))

    assert set(slugs(api.get("/api/v1/articles/?source=reuters"))) == {"old", "new"}
    assert slugs(api.get("/api/v1/articles/?source=Reuters&published_after=2025-01-01")) == ["new"]
    assert slugs(api.get("/api/v1/articles/?published_before=2024-12-31T23:59:59Z")) == ["old"]


@pytest.mark.parametrize("query", ["published_after=yesterday", "published_before=2025-13-45", "company=Kakao!"])
def test_malformed_article_filters_are_400(seeded, api, query):
    assert api.get(f"/api/v1/articles/?{query}").status_code == 400


def test_article_full_text_search(db, api):
    ArticleFactory(slug="memory", title="Chip makers sign memory deal", body="High bandwidth memory for AI.")
    ArticleFactory(slug="messaging", title="Messenger adds assistant", body="A chatbot inside the messaging app.")

    assert slugs(api.get("/api/v1/articles/?q=memory")) == ["memory"]
    assert slugs(api.get("/api/v1/articles/?q=chatbot")) == ["messaging"]  # found in the body
    assert slugs(api.get("/api/v1/articles/?q=zeppelin")) == []


def test_articles_order_by_title(db, api):
    ArticleFactory(slug="b", title="Beta")
    ArticleFactory(slug="a", title="Alpha")

    assert slugs(api.get("/api/v1/articles/?ordering=title")) == ["a", "b"]


def test_permitted_user_creates_an_article(db, api, user_with):
    api.force_authenticate(user_with("add_article"))

    response = api.post(
        "/api/v1/articles/",
        {
            "title": "Naver and Samsung team up",
            "url": "https://example.com/naver-samsung",
            "source": "Example",
            "published_at": "2025-03-01T08:00:00Z",
            "body": "Naver and Samsung agreed to build AI chips together.",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "naver-and-samsung-team-up"
    assert response.json()["mentions"] == []


def test_the_same_text_cannot_be_stored_twice(db, api, user_with):
    existing = ArticleFactory(body="Exactly this story.")
    api.force_authenticate(user_with("add_article"))

    response = api.post(
        "/api/v1/articles/",
        {"title": "Copy", "published_at": "2025-03-01T08:00:00Z", "body": "  exactly THIS story. "},
        format="json",
    )

    assert response.status_code == 400
    assert existing.slug in response.json()["body"][0]


def test_the_same_url_cannot_be_stored_twice(db, api, user_with):
    ArticleFactory(url="https://example.com/story")
    api.force_authenticate(user_with("add_article"))

    response = api.post(
        "/api/v1/articles/",
        {"title": "Copy", "url": "https://example.com/story", "published_at": "2025-03-01T08:00:00Z", "body": "New."},
        format="json",
    )

    assert response.status_code == 400
    assert "url" in response.json()


def test_article_that_is_evidence_cannot_be_deleted(seeded, api, user_with):
    api.force_authenticate(user_with("delete_article"))

    response = api.delete(f"/api/v1/articles/{SEED_ARTICLE}/")

    assert response.status_code == 409
    assert "cannot be deleted" in response.json()["detail"]
    assert Article.objects.filter(slug=SEED_ARTICLE).exists()


def test_published_before_a_date_includes_that_whole_day(seeded, client):
    # The seed article was published at noon UTC on 4 February 2025; the site's filter includes the
    # whole end day, and the API (which the site's export links call) must agree.
    slugs = lambda params: [a["slug"] for a in client.get("/api/v1/articles/", params).json()["results"]]  # noqa: E731
    assert slugs({"published_before": "2025-02-04"}) == ["openai-alliances-kakao-softbank-asia"]
    assert slugs({"published_before": "2025-02-03"}) == []
    assert slugs({"published_before": "2025-02-04T11:00:00Z"}) == []


def test_an_edit_that_drops_quoted_evidence_is_refused_and_changes_nothing(seeded, api, user_with):
    api.force_authenticate(user_with("change_article"))
    article = Article.objects.get()
    response = api.patch(f"/api/v1/articles/{article.slug}/", {"body": "Completely different text now."}, format="json")
    assert response.status_code == 400
    assert "drops" in response.json()["body"][0]
    article.refresh_from_db()
    assert all(e.quote in article.body for e in article.evidence.all())
