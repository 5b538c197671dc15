"""The pipeline: one article in, mentions linked, partnerships proposed or evidenced, once only."""

import pytest
from django.contrib.auth.models import Permission

from articles.ingest.pipeline import UpdateRefused, article_ingest
from articles.ingest.readers import IngestError
from articles.models import (
    Article,
    Evidence,
    Mention,
    OrganisationSuggestion,
    Partnership,
    PartnershipChange,
    PersonMention,
)
from articles.services import partnership_reject
from tests.factories import ArticleFactory, CompanyFactory, make_partnership

pytestmark = pytest.mark.django_db

STORY = (
    "Naver is in talks to form a joint venture with Oracle to build data centres in Korea.\n\n"
    "Naver's shares rose 3% on the report. Chung Shina of Kakao declined to comment. "
    "Acme Robotics Inc. is also said to be interested."
)


def ingest(text=STORY, **kwargs):
    kwargs.setdefault("title", "Naver in talks with Oracle")
    kwargs.setdefault("url", "https://news.example.com/naver-oracle")
    return article_ingest(text=text, **kwargs)


def test_ingesting_an_article_links_mentions_with_counts(seeded):
    result = ingest()
    assert result.outcome == "created"
    counts = dict(Mention.objects.filter(article=result.article).values_list("company__slug", "count"))
    assert counts == {"naver": 3, "oracle": 2, "kakao": 1}
    assert list(PersonMention.objects.filter(article=result.article).values_list("person__slug", flat=True)) == [
        "chung-shina"
    ]


def test_a_reported_partnership_is_proposed_with_its_sentence_kind_and_inferred_status(seeded):
    result = ingest()
    [(partnership, created)] = result.partnerships
    assert created
    assert partnership.status == Partnership.Status.PROPOSED
    assert partnership.kind == Partnership.Kind.JOINT_VENTURE
    assert sorted(partnership.companies.values_list("slug", flat=True)) == ["naver", "oracle"]
    assert partnership.evidence.get().quote == (
        "Naver is in talks to form a joint venture with Oracle to build data centres in Korea."
    )
    assert partnership.proposal.inferred_status == Partnership.Status.IN_TALKS
    assert partnership.changes.get().action == PartnershipChange.Action.CREATED


def test_proposed_partnerships_are_not_public(seeded):
    [(partnership, _)] = ingest().partnerships
    assert partnership not in Partnership.objects.public()
    assert partnership in Partnership.objects.proposed()


def test_unknown_organisations_are_suggested_not_created(seeded):
    result = ingest()
    assert list(OrganisationSuggestion.objects.filter(article=result.article).values_list("name", "status")) == [
        ("Acme Robotics Inc.", "pending")
    ]
    assert not Article.objects.filter(companies__name__icontains="Acme").exists()


def test_a_sentence_about_a_known_partnership_adds_evidence_instead_of_a_duplicate(seeded):
    before = Partnership.objects.count()
    result = ingest(
        title="Kakao expands OpenAI deal",
        text="Kakao and OpenAI expanded their partnership to cover enterprise software on Friday.",
        url="",
    )
    assert Partnership.objects.count() == before
    [(partnership, created)] = result.partnerships
    assert (partnership.slug, created) == ("openai-kakao", False)
    assert partnership.evidence.filter(article=result.article).exists()
    assert partnership.changes.filter(action=PartnershipChange.Action.EVIDENCE_ADDED).exists()


def test_a_public_partnership_gets_the_evidence_before_a_proposal_of_the_same_companies(db):
    a, b = CompanyFactory(name="Alpha Chips"), CompanyFactory(name="Beta Cloud")
    # The proposal is the older one (lower id): the pick must not depend on the order rows come in.
    proposal = make_partnership([a, b], status=Partnership.Status.PROPOSED)
    public = make_partnership([a, b], status=Partnership.Status.ANNOUNCED)
    result = ingest(title="Alpha and Beta", text="Alpha Chips and Beta Cloud extended their agreement.", url="")
    assert [(p.pk, created) for p, created in result.partnerships] == [(public.pk, False)]
    assert not proposal.evidence.filter(article=result.article).exists()


def test_a_subset_of_one_known_partnership_adds_evidence_to_it(seeded):
    result = ingest(title="HBM", text="SK Hynix signed a supply deal with OpenAI for memory chips.", url="")
    assert [(p.slug, created) for p, created in result.partnerships] == [("openai-sk-high-bandwidth-memory", False)]


def test_the_same_url_twice_is_one_article_reported_as_a_duplicate(seeded):
    first = ingest()
    second = ingest()
    assert (first.outcome, second.outcome) == ("created", "duplicate")
    assert second.article == first.article
    assert Article.objects.filter(url="https://news.example.com/naver-oracle").count() == 1
    assert Partnership.objects.proposed().count() == 1


def test_the_same_text_without_a_url_or_reformatted_is_a_duplicate(seeded):
    first = ingest(url="")
    second = ingest(text="  " + STORY.replace(" ", "  ").upper(), url="https://elsewhere.example.com/copy")
    assert second.outcome == "duplicate"
    assert second.article == first.article


def test_the_same_url_with_new_text_updates_the_article(seeded):
    first = ingest()
    second = ingest(text=STORY + " Oracle confirmed the talks on Friday.")
    assert second.outcome == "updated"
    assert second.article.pk == first.article.pk
    assert Mention.objects.get(article=first.article, company__slug="oracle").count == 3


def test_an_update_needs_the_permission_to_change_articles(seeded, django_user_model):
    first = ingest()
    writer = django_user_model.objects.create_user("writer", password="a-long-test-password")
    writer.user_permissions.add(Permission.objects.get(codename="add_article"))
    with pytest.raises(UpdateRefused, match="permission to change articles"):
        ingest(title="Rewritten", text=STORY + " Oracle confirmed the talks.", actor=writer)
    first.article.refresh_from_db()
    assert (first.article.title, first.article.body) == ("Naver in talks with Oracle", STORY)

    writer.user_permissions.add(Permission.objects.get(codename="change_article"))
    writer = django_user_model.objects.get(pk=writer.pk)  # a fresh permission cache
    assert ingest(title="Rewritten", text=STORY + " Oracle confirmed the talks.", actor=writer).outcome == "updated"


def test_a_sentence_too_long_to_quote_proposes_nothing(seeded):
    items = ", ".join(f"item {n}" for n in range(300))
    sentence = f"Kakao and Naver signed a partnership agreement covering {items}."
    assert len(sentence) > Evidence._meta.get_field("quote").max_length
    result = ingest(title="Long list", text=f"{sentence} Oracle formed an alliance with Naver.", url="")
    assert [sorted(c.company.slug for c in p.participants.all()) for p, _ in result.partnerships] == [
        ["naver", "oracle"]
    ]


def test_a_dismissed_name_longer_than_a_suggestion_is_not_suggested_again(seeded):
    name = "Q" + "u" * 250 + " Robotics"
    OrganisationSuggestion.objects.create(
        article=ArticleFactory(), name=name[:200], status=OrganisationSuggestion.Status.DISMISSED
    )
    result = ingest(title="Robots", text=f"{name} opened an office in Seoul.", url="")
    assert result.suggestions == 0
    assert not OrganisationSuggestion.objects.filter(article=result.article).exists()


def test_only_new_suggestions_are_counted_when_an_article_is_updated(seeded):
    first = ingest()
    assert first.suggestions == 1
    second = ingest(text=STORY + " Initech Systems declined to comment.")
    assert second.suggestions == 1  # Initech Systems; Acme Robotics Inc. was suggested already
    assert sorted(OrganisationSuggestion.objects.filter(article=first.article).values_list("name", flat=True)) == [
        "Acme Robotics Inc.",
        "Initech Systems",
    ]


def test_an_update_that_drops_a_quoted_sentence_fails_and_changes_nothing(seeded):
    first = ingest()
    with pytest.raises(IngestError, match="quoted as evidence"):
        ingest(text="Oracle opened a new office in Seoul.")
    first.article.refresh_from_db()
    assert first.article.body == STORY


def test_a_rejected_partnership_gets_no_evidence_and_its_sentence_proposes_nothing_again(seeded, superuser):
    [(partnership, _)] = ingest().partnerships
    partnership_reject(partnership=partnership, actor=superuser)
    again = ingest(url="https://other.example.com/same-story", text=STORY + " More later.")
    assert again.partnerships == []
    assert Partnership.objects.filter(status=Partnership.Status.REJECTED).count() == 1
    assert Partnership.objects.proposed().count() == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": "", "text": "Some text."}, "needs a title"),
        ({"title": "T", "text": "   "}, "no article text"),
        ({"title": "T", "text": "a\x00b"}, "binary"),
        ({"title": "T", "text": "x" * 5_000_001}, "byte limit"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(db, kwargs, message):
    with pytest.raises(IngestError, match=message):
        article_ingest(**kwargs)
    assert not Article.objects.exists()


def test_an_html_body_is_reduced_to_its_main_text(seeded):
    html = (
        "<html><head><title>Kakao and OpenAI</title></head><body><nav>Home | World</nav><article>"
        "<h1>Kakao and OpenAI deepen alliance</h1><p>Kakao signed an agreement with OpenAI on Monday to bring "
        "ChatGPT to KakaoTalk users across South Korea, the companies said.</p>"
        "<p>The deal follows months of negotiations between the two firms.</p></article></body></html>"
    )
    result = article_ingest(title="", html=html, url="https://news.example.com/kakao-openai")
    assert result.article.title == "Kakao and OpenAI deepen alliance"
    assert "Home | World" not in result.article.body
    assert [p.slug for p, _ in result.partnerships] == ["openai-kakao"]


@pytest.mark.parametrize("size", [5, 200])
def test_ingesting_one_article_runs_a_bounded_number_of_queries(db, django_assert_max_num_queries, size):
    companies = CompanyFactory.create_batch(size)
    a, b = companies[0], companies[-1]
    text = f"{a.name} signed a supply agreement with {b.name}. {a.name} Holdings is new."
    # The same at 5 and 200 companies: duplicate checks (2), slug + insert (2), company and person
    # index version + build (4), mentions (1), known partnerships + companies (2), then for the one
    # proposal partnership_create with its validation (a query per checked constraint), rows and audit
    # entry (about 21 with savepoints) and the proposal (1).
    with django_assert_max_num_queries(35):
        result = article_ingest(title="Deal", text=text)
    assert len(result.partnerships) == 1
