"""The seed data set: the source article about OpenAI's Asian alliances, and every company, person,
partnership and market fact it states, each partnership with the sentences that report it."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from .ingest.linking import NameMatcher
from .models import (
    Article,
    Company,
    Evidence,
    MarketFact,
    Mention,
    Participant,
    Partnership,
    Person,
    PersonMention,
    Project,
)

ARTICLE_TEXT = (Path(__file__).parent / "data" / "source-article.txt").read_text(encoding="utf-8")
BODY = "\n\n".join(line.strip() for line in ARTICLE_TEXT.splitlines() if line.strip())

# The file carries no headline, date or publisher. The text dates itself: the SoftBank alliance was
# announced "on Monday", Altman met Kakao "on Tuesday" and is to visit India "on Wednesday" — the
# week of 3 February 2025 — so it was published on Tuesday 4 February 2025.
ARTICLE = {
    "slug": "openai-alliances-kakao-softbank-asia",
    "title": "OpenAI forms alliances with Kakao and SoftBank as Altman tours Asia",
    "published_at": dt.datetime(2025, 2, 4, 12, 0, tzinfo=dt.UTC),
    "summary": BODY.split("\n\n")[0],
    "body": BODY,
}

COMPANIES = [
    # slug, name, kind, country, sector, ticker, website, parent slug, aliases, description
    (
        "openai",
        "OpenAI",
        "company",
        "US",
        "Artificial intelligence",
        "",
        "https://openai.com",
        None,
        [],
        "Maker of ChatGPT and the GPT models.",
    ),
    (
        "kakao",
        "Kakao",
        "company",
        "KR",
        "Internet services",
        "035720.KS",
        "https://www.kakaocorp.com",
        None,
        ["Kakao Corp"],
        "South Korean internet company behind the KakaoTalk messenger.",
    ),
    (
        "softbank-group",
        "SoftBank Group",
        "investor",
        "JP",
        "Technology investment",
        "9984.T",
        "https://group.softbank",
        None,
        ["SoftBank", "SoftBank Group Corp"],
        "Japanese technology investment holding company.",
    ),
    (
        "oracle",
        "Oracle",
        "company",
        "US",
        "Cloud computing and software",
        "ORCL",
        "https://www.oracle.com",
        None,
        ["Oracle Corporation"],
        "American database and cloud-infrastructure company.",
    ),
    (
        "naver",
        "Naver",
        "company",
        "KR",
        "Internet services",
        "035420.KS",
        "https://www.navercorp.com",
        None,
        ["Naver Corp"],
        "South Korea's largest search portal; Kakao's local rival in AI.",
    ),
    (
        "sk-group",
        "SK Group",
        "conglomerate",
        "KR",
        "Conglomerate",
        "",
        "https://www.sk.com",
        None,
        [],
        "South Korean conglomerate (chaebol) spanning energy, telecoms and semiconductors.",
    ),
    (
        "sk-hynix",
        "SK Hynix",
        "company",
        "KR",
        "Semiconductors",
        "000660.KS",
        "https://www.skhynix.com",
        "sk-group",
        ["SK hynix"],
        "Memory-chip maker, a leading producer of high bandwidth memory.",
    ),
    (
        "samsung",
        "Samsung",
        "conglomerate",
        "KR",
        "Conglomerate",
        "",
        "https://www.samsung.com",
        None,
        ["Samsung Group"],
        "South Korean conglomerate (chaebol).",
    ),
    (
        "samsung-electronics",
        "Samsung Electronics",
        "company",
        "KR",
        "Semiconductors and electronics",
        "005930.KS",
        "https://www.samsung.com",
        "samsung",
        [],
        "Electronics and memory-chip maker, part of the Samsung group.",
    ),
    (
        "government-of-south-korea",
        "Government of South Korea",
        "government",
        "KR",
        "Government",
        "",
        "",
        None,
        ["South Korean government", "South Korea's government", "South Korea’s government"],
        "The national government of the Republic of Korea.",
    ),
    (
        "government-of-india",
        "Government of India",
        "government",
        "IN",
        "Government",
        "",
        "",
        None,
        ["Indian government", "India's government"],
        "The national government of the Republic of India.",
    ),
]

PEOPLE = [
    # slug, name, role, organisation slug, aliases
    ("sam-altman", "Sam Altman", "Chief executive", "openai", ["Altman"]),
    ("chung-shina", "Chung Shina", "Chief executive", "kakao", []),
    ("chey-tae-won", "Chey Tae-won", "Chairman", "sk-group", []),
    ("jay-y-lee", "Jay Y. Lee", "Chairman", "samsung", ["Lee Jae-yong"]),
    ("narendra-modi", "Narendra Modi", "Prime Minister", "government-of-india", ["Modi"]),
]

PROJECTS = [
    ("stargate", "Stargate", "Data centre project by OpenAI and Oracle to build AI capacity in the U.S."),
    (
        "korea-national-ai-computing-centre",
        "South Korea's national AI computing centre",
        "A national AI computing centre the South Korean government is building.",
    ),
]

# The article's sentences, quoted exactly (the seed checks each one is in the text).
S_HEADLINE = (
    "In a significant expansion of its global reach, OpenAI has announced strategic partnerships with two "
    "major Asian companies — South Korea’s Kakao and Japan’s SoftBank."
)
S_KAKAO_UNVEILED = (
    "On Tuesday, OpenAI CEO Sam Altman unveiled a collaboration with Kakao, the South Korean messaging giant, "
    "marking a key development in the company’s efforts to integrate artificial intelligence (AI) into a "
    "variety of products."
)
S_KAKAO_LEVERAGE = (
    "Despite being a dominant player in many sectors, Kakao has lagged behind its local rival Naver in the "
    "AI race, but with this partnership, it plans to leverage OpenAI’s ChatGPT technology to fuel its growth."
)
S_SOFTBANK_FORMED = (
    "Altman, who is currently on a whirlwind tour across Asia, also formed an alliance with Japan’s SoftBank Group."
)
S_SOFTBANK_MONDAY = (
    "On Monday, OpenAI’s alliance with SoftBank was announced, and on Wednesday, Altman is scheduled to visit "
    "India to meet with Prime Minister Narendra Modi, underscoring the growing importance of Asian markets "
    "for OpenAI’s future strategies."
)
S_STARGATE = (
    "Kakao plans to incorporate OpenAI’s technology into its various services, and Altman also mentioned "
    "that South Korean companies would play an important role in the Stargate data centre project, a "
    "collaboration between OpenAI and Oracle to build AI capacity in the U.S."
)
S_STARGATE_ROLE = (
    "Though Altman kept specific details under wraps, he hinted at the role South Korea’s tech sector would "
    "play in this venture."
)
S_CHAEBOL_RADAR = (
    "South Korean conglomerates, such as SK Group and Samsung, were also on Altman’s radar during his visit."
)
S_MEETINGS = (
    "He held meetings with SK Group Chairman Chey Tae-won and is expected to meet Samsung Chairman Jay Y. Lee later."
)
S_HBM = (
    "This collaboration could involve integrating high bandwidth memory chips — produced by SK Hynix and "
    "Samsung Electronics — into OpenAI’s AI processors."
)
S_AI_CENTRE = (
    "In light of the growing demand for AI products, South Korea’s government is also building a national "
    "AI computing centre, a project that Altman is “actively considering” investing in."
)
S_INDIA = (
    "CEO Sam Altman also discussed potential collaborations in India and the growth of AI infrastructure in "
    "South Korea."
)
S_KAKAOTALK = (
    "Kakao, which operates the popular KakaoTalk app with a 97% market share in South Korea, has expanded "
    "into areas such as e-commerce, gaming, and payments."
)
S_SHARES = (
    "Shares of Kakao surged by 9% on Monday, and while the stock rose by 0.2% on Tuesday, investors continue "
    "to react positively to the partnership, signaling strong confidence in the AI-focused future."
)

PARTNERSHIPS = [
    {
        "slug": "openai-kakao",
        "title": "OpenAI and Kakao strategic partnership",
        "kind": Partnership.Kind.STRATEGIC_ALLIANCE,
        "status": Partnership.Status.ANNOUNCED,
        "announced_on": dt.date(2025, 2, 4),
        "description": "Kakao will build OpenAI's technology, including ChatGPT, into its services such as "
        "KakaoTalk; unveiled by Sam Altman and Chung Shina at a press conference in Seoul.",
        "project": None,
        "participants": [("openai", "AI technology provider"), ("kakao", "Integrates OpenAI technology")],
        "evidence": [S_HEADLINE, S_KAKAO_UNVEILED, S_KAKAO_LEVERAGE],
    },
    {
        "slug": "openai-softbank",
        "title": "OpenAI and SoftBank Group alliance",
        "kind": Partnership.Kind.STRATEGIC_ALLIANCE,
        "status": Partnership.Status.ANNOUNCED,
        "announced_on": dt.date(2025, 2, 3),
        "description": "Alliance between OpenAI and Japan's SoftBank Group, announced on Monday 3 February 2025.",
        "project": None,
        "participants": [("openai", ""), ("softbank-group", "")],
        "evidence": [S_HEADLINE, S_SOFTBANK_FORMED, S_SOFTBANK_MONDAY],
    },
    {
        "slug": "stargate-openai-oracle",
        "title": "Stargate data centre project",
        "kind": Partnership.Kind.JOINT_VENTURE,
        "status": Partnership.Status.ANNOUNCED,
        "announced_on": None,
        "description": "A collaboration between OpenAI and Oracle to build AI capacity in the U.S. Altman said "
        "South Korean companies would play an important role in it, without naming them or giving details.",
        "project": "stargate",
        "participants": [("openai", ""), ("oracle", "")],
        "evidence": [S_STARGATE, S_STARGATE_ROLE],
    },
    {
        "slug": "openai-sk-high-bandwidth-memory",
        "title": "OpenAI talks with SK Group on high bandwidth memory chips",
        "kind": Partnership.Kind.SUPPLY,
        "status": Partnership.Status.IN_TALKS,
        "announced_on": None,
        "description": "Altman met SK Group chairman Chey Tae-won; a collaboration could bring SK Hynix's high "
        "bandwidth memory chips into OpenAI's AI processors.",
        "project": None,
        "participants": [
            ("openai", "Chip buyer"),
            ("sk-group", ""),
            ("sk-hynix", "High bandwidth memory supplier (expected)"),
        ],
        "evidence": [S_CHAEBOL_RADAR, S_MEETINGS, S_HBM],
    },
    {
        "slug": "openai-samsung-high-bandwidth-memory",
        "title": "OpenAI talks with Samsung on high bandwidth memory chips",
        "kind": Partnership.Kind.SUPPLY,
        "status": Partnership.Status.IN_TALKS,
        "announced_on": None,
        "description": "Altman was expected to meet Samsung chairman Jay Y. Lee; a collaboration could bring "
        "Samsung Electronics' high bandwidth memory chips into OpenAI's AI processors.",
        "project": None,
        "participants": [
            ("openai", "Chip buyer"),
            ("samsung", ""),
            ("samsung-electronics", "High bandwidth memory supplier (expected)"),
        ],
        "evidence": [S_CHAEBOL_RADAR, S_MEETINGS, S_HBM],
    },
    {
        "slug": "openai-korea-national-ai-computing-centre",
        "title": "OpenAI considers investing in South Korea's national AI computing centre",
        "kind": Partnership.Kind.INVESTMENT,
        "status": Partnership.Status.UNDER_CONSIDERATION,
        "announced_on": None,
        "description": "The South Korean government is building a national AI computing centre; Altman is "
        "“actively considering” investing in it.",
        "project": "korea-national-ai-computing-centre",
        "participants": [("openai", "Potential investor"), ("government-of-south-korea", "Builder")],
        "evidence": [S_AI_CENTRE],
    },
    {
        "slug": "openai-india-collaborations",
        "title": "OpenAI's possible collaborations in India",
        "kind": Partnership.Kind.STRATEGIC_ALLIANCE,
        "status": Partnership.Status.IN_TALKS,
        "announced_on": None,
        "description": "Altman discussed potential collaborations in India and was to meet Prime Minister "
        "Narendra Modi on Wednesday 5 February 2025.",
        "project": None,
        "participants": [("openai", ""), ("government-of-india", "")],
        "evidence": [S_INDIA, S_SOFTBANK_MONDAY],
    },
]

FACTS = [
    # company slug, kind, subject, value, unit, observed_on, quote
    (
        "kakao",
        MarketFact.Kind.MARKET_SHARE,
        "KakaoTalk in South Korea",
        Decimal("97"),
        "%",
        dt.date(2025, 2, 4),
        S_KAKAOTALK,
    ),
    (
        "kakao",
        MarketFact.Kind.SHARE_PRICE_MOVE,
        "Kakao shares",
        Decimal("9"),
        "%",
        dt.date(2025, 2, 3),
        S_SHARES,
    ),
    (
        "kakao",
        MarketFact.Kind.SHARE_PRICE_MOVE,
        "Kakao shares",
        Decimal("0.2"),
        "%",
        dt.date(2025, 2, 4),
        S_SHARES,
    ),
]


class SeedError(Exception):
    pass


def _upsert(model, defaults: dict, **lookup):
    """update_or_create that writes only when a value differs, so a second seed changes nothing
    (not even updated_at). Returns (object, created)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False


@transaction.atomic
def seed_load(*, reset: bool = False) -> dict[str, int]:
    """Load the seed data set; running it again changes nothing. With reset, the tracker's data is
    wiped first. Returns how many rows of each kind were created."""
    if reset:
        # Order matters: evidence and participants PROTECT articles and companies.
        for model in (
            Evidence,
            Participant,
            Partnership,
            Project,
            MarketFact,
            Mention,
            PersonMention,
            Article,
            Person,
            Company,
        ):
            model.objects.all().delete()

    created = dict.fromkeys(["companies", "people", "articles", "partnerships", "evidence", "facts"], 0)

    companies: dict[str, Company] = {}
    for slug, name, kind, country, sector, ticker, website, parent, aliases, description in COMPANIES:
        company, new = _upsert(
            Company,
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "sector": sector,
                "ticker": ticker,
                "website": website,
                "aliases": aliases,
                "description": description,
                "parent": companies[parent] if parent else None,
            },
        )
        companies[slug] = company
        created["companies"] += new

    people: dict[str, Person] = {}
    for slug, name, role, organisation, aliases in PEOPLE:
        person, new = _upsert(
            Person,
            slug=slug,
            defaults={
                "name": name,
                "role": role,
                "organisation": companies[organisation],
                "aliases": aliases,
            },
        )
        people[slug] = person
        created["people"] += new

    projects = {
        slug: _upsert(Project, slug=slug, defaults={"name": name, "description": description})[0]
        for slug, name, description in PROJECTS
    }

    article, new = _upsert(Article, slug=ARTICLE["slug"], defaults={k: v for k, v in ARTICLE.items() if k != "slug"})
    created["articles"] += new
    _link_mentions(article, companies.values(), people.values())

    for spec in PARTNERSHIPS:
        partnership, new = _upsert(
            Partnership,
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "kind": spec["kind"],
                "status": spec["status"],
                "announced_on": spec["announced_on"],
                "description": spec["description"],
                "project": projects[spec["project"]] if spec["project"] else None,
            },
        )
        created["partnerships"] += new
        for company_slug, role in spec["participants"]:
            _upsert(Participant, partnership=partnership, company=companies[company_slug], defaults={"role": role})
        for quote in spec["evidence"]:
            if quote not in article.body:
                raise SeedError(f"Seed quote not found verbatim in the article: {quote!r}")
            created["evidence"] += Evidence.objects.get_or_create(
                partnership=partnership, article=article, quote=quote
            )[1]

    for company_slug, kind, subject, value, unit, observed_on, quote in FACTS:
        if quote not in article.body:
            raise SeedError(f"Seed quote not found verbatim in the article: {quote!r}")
        created["facts"] += _upsert(
            MarketFact,
            company=companies[company_slug],
            article=article,
            kind=kind,
            subject=subject,
            observed_on=observed_on,
            defaults={"value": value, "unit": unit, "quote": quote},
        )[1]
    return created


def _link_mentions(article: Article, companies, people) -> None:
    """Record how often the article names each seed company and person."""
    text = f"{article.title}\n{article.body}"
    company_counts = NameMatcher((c.pk, name) for c in companies for name in c.names).count(text)
    for company_id, count in company_counts.items():
        _upsert(Mention, article=article, company_id=company_id, defaults={"count": count})
    person_counts = NameMatcher((p.pk, name) for p in people for name in p.names).count(text)
    for person_id, count in person_counts.items():
        _upsert(PersonMention, article=article, person_id=person_id, defaults={"count": count})
