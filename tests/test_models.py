"""The database enforces the data's rules, whatever code writes to it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article, Company, Evidence, Mention, Participant, Partnership
from articles.services import EvidenceSpec, ParticipantSpec, partnership_create, partnership_update

pytestmark = pytest.mark.django_db


def make_article(**kwargs):
    defaults = {
        "title": "A story",
        "body": "Acme and Globex agreed a deal.",
        "published_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    }
    return Article.objects.create(**{**defaults, **kwargs})


def test_company_names_are_unique_ignoring_case():
    Company.objects.create(name="OpenAI")
    with pytest.raises(IntegrityError), transaction.atomic():
        Company.objects.create(name="openai")


def test_company_gets_a_unique_slug():
    Company.objects.create(name="Acme", slug="acme")
    second = Company.objects.create(name="Acme!")
    assert second.slug == "acme-2"


def test_company_kind_must_be_a_known_kind():
    with pytest.raises(IntegrityError), transaction.atomic():
        Company.objects.create(name="Acme", kind="cult")


def test_company_cannot_be_its_own_ancestor():
    group = Company.objects.create(name="Group")
    child = Company.objects.create(name="Child", parent=group)
    group.parent = child
    with pytest.raises(ValidationError):
        group.full_clean()


def test_partnership_status_must_be_a_known_status():
    with pytest.raises(IntegrityError), transaction.atomic():
        Partnership.objects.create(title="Deal", status="rumour-mill")


def test_partnership_cannot_end_before_it_was_announced():
    with pytest.raises(IntegrityError), transaction.atomic():
        Partnership.objects.create(title="Deal", announced_on=dt.date(2025, 2, 1), ended_on=dt.date(2025, 1, 1))


def test_partnership_cannot_list_the_same_company_twice():
    acme = Company.objects.create(name="Acme")
    deal = Partnership.objects.create(title="Deal")
    Participant.objects.create(partnership=deal, company=acme)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(partnership=deal, company=acme, role="again")


def test_article_url_is_unique_when_present_and_blank_urls_may_repeat():
    make_article(url="https://example.com/a", body="one")
    make_article(body="two")
    make_article(body="three")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://example.com/a", body="four")


def test_article_with_the_same_text_is_a_duplicate_even_with_other_spacing():
    make_article(body="Acme and Globex agreed a deal.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(title="Another title", body="  Acme and   Globex\nagreed a deal. ")


def test_mention_count_must_be_positive():
    article, acme = make_article(), Company.objects.create(name="Acme")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, company=acme, count=0)


def test_evidence_quote_must_appear_in_the_article():
    article = make_article()
    deal = Partnership.objects.create(title="Deal")
    evidence = Evidence(partnership=deal, article=article, quote="Acme bought Globex.")
    with pytest.raises(ValidationError):
        evidence.full_clean()


def test_partnership_create_needs_two_distinct_companies_and_saves_nothing_otherwise():
    acme = Company.objects.create(name="Acme")
    with pytest.raises(ValidationError):
        partnership_create(title="Solo", participants=[ParticipantSpec(acme), ParticipantSpec(acme)])
    assert not Partnership.objects.exists()


def test_partnership_create_rejects_a_misquote_and_saves_nothing():
    acme, globex = Company.objects.create(name="Acme"), Company.objects.create(name="Globex")
    article = make_article()
    with pytest.raises(ValidationError):
        partnership_create(
            title="Deal",
            participants=[ParticipantSpec(acme), ParticipantSpec(globex)],
            evidence=[EvidenceSpec(article, "Acme and Globex merged.")],
        )
    assert not Partnership.objects.exists()
    assert not Participant.objects.exists()


def test_partnership_update_replaces_participants_and_keeps_the_rest():
    acme, globex, initech = (Company.objects.create(name=n) for n in ("Acme", "Globex", "Initech"))
    article = make_article()
    deal = partnership_create(
        title="Deal",
        participants=[ParticipantSpec(acme, "buyer"), ParticipantSpec(globex)],
        evidence=[EvidenceSpec(article, "Acme and Globex agreed a deal.")],
    )
    partnership_update(
        partnership=deal,
        status="active",
        participants=[ParticipantSpec(acme, "lead"), ParticipantSpec(initech)],
    )
    deal.refresh_from_db()
    assert deal.status == "active"
    assert dict(deal.participants.values_list("company__name", "role")) == {"Acme": "lead", "Initech": ""}
    assert deal.evidence.count() == 1


def test_public_partnerships_exclude_proposals_and_rejections():
    for status in Partnership.Status.values:
        Partnership.objects.create(title=f"Deal {status}", status=status)
    public = set(Partnership.objects.public().values_list("status", flat=True))
    assert public == {"in_talks", "under_consideration", "announced", "active", "ended"}


def test_company_counts_are_annotated_in_one_query(seeded, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = {c.slug: (c.partnership_count, c.article_count) for c in Company.objects.with_counts()}
    assert counts["openai"] == (7, 1)
    assert counts["naver"] == (0, 1)
    assert counts["government-of-india"] == (1, 0)


def test_article_search_finds_words_in_the_body(seeded):
    assert Article.objects.search("bandwidth memory").count() == 1
    assert Article.objects.search("nonexistentword").count() == 0


def test_partnership_changes_are_kept_in_an_audit_trail(django_user_model):
    reviewer = django_user_model.objects.create_user("reviewer")
    acme, globex = Company.objects.create(name="Acme"), Company.objects.create(name="Globex")
    deal = partnership_create(
        title="Deal", status="proposed", participants=[ParticipantSpec(acme), ParticipantSpec(globex)]
    )
    partnership_update(partnership=deal, actor=reviewer, status="announced", action="confirmed")
    partnership_update(partnership=deal, actor=reviewer, title="Deal")  # no change: no entry
    trail = list(deal.changes.order_by("id").values_list("action", "actor__username", "changes"))
    assert [(action, who) for action, who, _ in trail] == [("created", None), ("confirmed", "reviewer")]
    assert trail[1][2] == {"status": ["proposed", "announced"]}
    assert trail[0][2]["participants"] == [None, ["Acme", "Globex"]]


def test_most_connected_companies_come_busiest_first_with_their_counts(seeded, django_assert_num_queries):
    with django_assert_num_queries(1):
        top = [(c.slug, c.partnership_count) for c in Company.objects.most_connected(3)]
    assert top[0] == ("openai", 7)
    assert len(top) == 3 and all(count == 1 for _, count in top[1:])


def test_most_reported_partnerships_count_distinct_articles(seeded, django_assert_num_queries):
    second = make_article(body="OpenAI and Kakao confirmed their partnership.")
    kakao_deal = Partnership.objects.get(slug="openai-kakao")
    Evidence.objects.create(partnership=kakao_deal, article=second, quote=second.body)
    Partnership.objects.filter(slug="openai-softbank").update(status="proposed")
    with django_assert_num_queries(1):
        top = list(Partnership.objects.most_reported(10))
    assert top[0] == kakao_deal and top[0].source_count == 2 and top[0].evidence_count == 4
    assert "openai-softbank" not in {p.slug for p in top}


def test_a_long_non_latin_quote_is_stored_once():
    # 1,900 Hangul syllables are 5,700 bytes: too long for a plain B-tree entry on PostgreSQL.
    quote = "삼성전자와 오픈에이아이가 협력한다" * 100
    article = make_article(body=quote)
    deal = Partnership.objects.create(title="Deal")
    Evidence.objects.create(partnership=deal, article=article, quote=quote[:1900])
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(partnership=deal, article=article, quote=quote[:1900])
    assert Evidence.objects.filter(partnership=deal, article=article, quote=quote[:1900]).count() == 1


def test_moving_a_proposal_to_a_public_status_is_audited_as_a_confirmation(django_user_model):
    reviewer = django_user_model.objects.create_user("reviewer")
    acme, globex = Company.objects.create(name="Acme"), Company.objects.create(name="Globex")
    deal = partnership_create(
        title="Deal", status="proposed", participants=[ParticipantSpec(acme), ParticipantSpec(globex)]
    )
    # A plain edit (as the API's PATCH makes it), not partnership_confirm().
    partnership_update(partnership=deal, actor=reviewer, status="in_talks")
    assert deal.changes.order_by("-id").first().action == "confirmed"


def test_company_search_matches_names_and_aliases_not_their_json(seeded):
    assert set(Company.objects.search("softbank").values_list("slug", flat=True)) == {"softbank-group"}
    assert set(Company.objects.search("group corp").values_list("slug", flat=True)) == {"softbank-group"}
    assert not Company.objects.search("[").exists()
    assert not Company.objects.search('", "').exists()


def test_company_named_matches_a_whole_alias_only(seeded):
    assert Company.objects.named("kakao corp").get().slug == "kakao"
    assert Company.objects.named("SoftBank").get().slug == "softbank-group"
    assert not Company.objects.named("Soft").exists()
    assert not Company.objects.named("a").exists()


def test_renaming_or_new_aliases_keep_company_search_in_step(seeded):
    kakao = Company.objects.get(slug="kakao")
    kakao.aliases = ["Kakao Corp", "카카오"]
    kakao.save()
    assert Company.objects.named("카카오").get() == kakao
