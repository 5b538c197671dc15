"""The seed loads the source article and exactly what it states, and loading it again changes nothing."""

import pytest
from django.core.management import call_command

from articles.models import Article, Company, Evidence, MarketFact, Partnership, Person
from articles.seed import ARTICLE_TEXT

pytestmark = pytest.mark.django_db

EXPECTED_COMPANIES = {
    "OpenAI",
    "Kakao",
    "SoftBank Group",
    "Oracle",
    "Naver",
    "SK Group",
    "SK Hynix",
    "Samsung",
    "Samsung Electronics",
    "Government of South Korea",
    "Government of India",
}
EXPECTED_PEOPLE = {
    "Sam Altman": ("Chief executive", "OpenAI"),
    "Chung Shina": ("Chief executive", "Kakao"),
    "Chey Tae-won": ("Chairman", "SK Group"),
    "Jay Y. Lee": ("Chairman", "Samsung"),
    "Narendra Modi": ("Prime Minister", "Government of India"),
}
# slug -> (status, participant slugs)
EXPECTED_PARTNERSHIPS = {
    "openai-kakao": ("announced", {"openai", "kakao"}),
    "openai-softbank": ("announced", {"openai", "softbank-group"}),
    "stargate-openai-oracle": ("announced", {"openai", "oracle"}),
    "openai-sk-high-bandwidth-memory": ("in_talks", {"openai", "sk-group", "sk-hynix"}),
    "openai-samsung-high-bandwidth-memory": ("in_talks", {"openai", "samsung", "samsung-electronics"}),
    "openai-korea-national-ai-computing-centre": (
        "under_consideration",
        {"openai", "government-of-south-korea"},
    ),
    "openai-india-collaborations": ("in_talks", {"openai", "government-of-india"}),
}


def snapshot():
    """Every seeded row with its last-modified time, to prove a second run writes nothing."""
    return {
        "companies": sorted(Company.objects.values_list("slug", "updated_at")),
        "people": sorted(Person.objects.values_list("slug", "updated_at")),
        "articles": sorted(Article.objects.values_list("slug", "updated_at")),
        "partnerships": sorted(Partnership.objects.values_list("slug", "updated_at")),
        "evidence": sorted(Evidence.objects.values_list("pk", "quote")),
        "facts": sorted(MarketFact.objects.values_list("pk", "value")),
    }


def test_seed_creates_exactly_the_companies_the_article_names(seeded):
    assert set(Company.objects.values_list("name", flat=True)) == EXPECTED_COMPANIES


def test_seed_records_group_structure(seeded):
    assert Company.objects.get(slug="sk-hynix").parent.name == "SK Group"
    assert Company.objects.get(slug="samsung-electronics").parent.name == "Samsung"
    assert Company.objects.get(slug="softbank-group").aliases == ["SoftBank", "SoftBank Group Corp"]


def test_seed_creates_the_people_with_their_roles(seeded):
    people = {p.name: (p.role, p.organisation.name) for p in Person.objects.select_related("organisation")}
    assert people == EXPECTED_PEOPLE


def test_seed_creates_the_partnerships_with_statuses_and_participants(seeded):
    found = {
        p.slug: (p.status, {part.company.slug for part in p.participants.all()})
        for p in Partnership.objects.prefetch_related("participants__company")
    }
    assert found == EXPECTED_PARTNERSHIPS


def test_stargate_is_a_named_project_of_openai_and_oracle(seeded):
    stargate = Partnership.objects.get(slug="stargate-openai-oracle")
    assert stargate.project.name == "Stargate"
    assert "South Korean companies" in stargate.description


def test_every_partnership_has_evidence_quoted_verbatim_from_the_article(seeded):
    article = Article.objects.get()
    for partnership in Partnership.objects.all():
        quotes = list(partnership.evidence.values_list("quote", flat=True))
        assert quotes, f"{partnership} has no evidence"
        for quote in quotes:
            assert quote in article.body
            assert quote in ARTICLE_TEXT  # and in the source file itself, not a reworded copy


def test_seed_article_keeps_the_source_text_and_its_mentions(seeded):
    article = Article.objects.get()
    assert article.published_at.date().isoformat() == "2025-02-04"
    for line in ARTICLE_TEXT.splitlines():
        assert line.strip() in article.body
    counts = dict(article.mentions.values_list("company__slug", "count"))
    # "Samsung Electronics" is counted once for itself, not also as "Samsung".
    assert counts["samsung-electronics"] == 1
    assert counts["samsung"] == 2
    assert counts["kakao"] > counts["softbank-group"] > 1
    assert "government-of-india" not in counts  # the text names India, never its government
    assert set(article.people.values_list("slug", flat=True)) == {
        "sam-altman",
        "chung-shina",
        "chey-tae-won",
        "jay-y-lee",
        "narendra-modi",
    }


def test_seed_stores_the_market_facts(seeded):
    facts = {(f.kind, str(f.value.normalize()), f.observed_on.isoformat()) for f in MarketFact.objects.all()}
    assert facts == {
        ("market_share", "97", "2025-02-04"),
        ("share_price_move", "9", "2025-02-03"),
        ("share_price_move", "0.2", "2025-02-04"),
    }
    assert all(f.quote in f.article.body for f in MarketFact.objects.select_related("article"))


def test_seed_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed")
    assert snapshot() == before


def test_seed_reset_rebuilds_after_edits(seeded):
    Partnership.objects.filter(slug="openai-kakao").update(status="ended")
    Company.objects.create(name="Extra Corp")
    call_command("seed", "--reset")
    assert Partnership.objects.get(slug="openai-kakao").status == "announced"
    assert not Company.objects.filter(name="Extra Corp").exists()
    assert Partnership.objects.count() == len(EXPECTED_PARTNERSHIPS)


def test_seed_if_empty_leaves_existing_data_alone(seeded):
    Partnership.objects.filter(slug="openai-kakao").update(status="ended")
    call_command("seed", "--if-empty")
    assert Partnership.objects.get(slug="openai-kakao").status == "ended"
