"""Fill a database with a synthetic tracker at production scale (not a test; see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \
        .venv/bin/python bench/generate.py --companies 10000 --articles 100000

Rows are bulk-inserted in batches; the seed is loaded too so that its slugs (kakao, openai-kakao, ...)
exist beside the synthetic ones. Deterministic for a given --random-seed.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from articles.models import (  # noqa: E402
    Article,
    Company,
    Evidence,
    Mention,
    Participant,
    Partnership,
)
from articles.models.articles import content_hash  # noqa: E402
from articles.models.companies import names_text  # noqa: E402
from articles.seed import seed_load  # noqa: E402

STEMS = [
    "Aster",
    "Boreal",
    "Cobalt",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Helix",
    "Indigo",
    "Juniper",
    "Krypton",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Onyx",
    "Prism",
    "Quartz",
    "Radiant",
    "Summit",
    "Tundra",
    "Umber",
    "Vertex",
    "Willow",
    "Xenon",
    "Yarrow",
    "Zephyr",
    "Atlas",
    "Beacon",
    "Cascade",
    "Dynamo",
]
SUFFIXES = [
    "Systems",
    "Holdings",
    "Electronics",
    "Motors",
    "Robotics",
    "Energy",
    "Semiconductor",
    "Networks",
    "Biotech",
    "Capital",
]
COUNTRIES = ["US", "KR", "JP", "CN", "IN", "DE", "FR", "GB", "TW", "SG"]
SECTORS = [
    "Semiconductors",
    "Artificial intelligence",
    "Cloud computing",
    "Telecoms",
    "Energy",
    "Automotive",
    "Biotech",
]
VERBS = (
    "formed a strategic alliance with",
    "signed a supply deal with",
    "agreed to invest in",
    "is in talks with",
    "announced a joint venture with",
    "is considering a partnership with",
)


def batched(rows, size=5000):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--partnerships", type=int, default=20_000)
    parser.add_argument("--random-seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.random_seed)
    started = time.perf_counter()

    call_command("migrate", verbosity=0)
    seed_load()

    with transaction.atomic():
        companies = [
            Company(
                name=f"{rng.choice(STEMS)} {rng.choice(STEMS)} {rng.choice(SUFFIXES)} {n}",
                slug=f"bench-company-{n}",
                country=rng.choice(COUNTRIES),
                sector=rng.choice(SECTORS),
                kind=Company.Kind.COMPANY,
            )
            for n in range(args.companies)
        ]
        for company in companies:  # bulk_create skips save(), which keeps this derived column
            company.names_text = names_text(company.names)
        for batch in batched(companies):
            Company.objects.bulk_create(batch)
        companies = list(Company.objects.filter(slug__startswith="bench-company-").only("id", "name"))
        print(f"{len(companies)} companies in {time.perf_counter() - started:.1f}s", flush=True)

        base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        articles, mentions, sentences = [], [], []
        for n in range(args.articles):
            a, b = rng.sample(companies, 2)
            sentence = f"{a.name} {rng.choice(VERBS)} {b.name} to build {rng.choice(SECTORS).lower()} capacity."
            body = f"{sentence} Analysts said the deal (story {n}) reshapes the market for {rng.choice(SECTORS)}."
            articles.append(
                Article(
                    title=f"{a.name} and {b.name}: story {n}",
                    slug=f"bench-article-{n}",
                    source=rng.choice(["Reuters", "Bloomberg", "Yonhap", "Nikkei", "The Verge"]),
                    published_at=base + dt.timedelta(minutes=7 * n),
                    summary=sentence,
                    body=body,
                    content_hash=content_hash(body),
                )
            )
            sentences.append((a, b, sentence))
        for batch in batched(articles):
            Article.objects.bulk_create(batch)
        ids = dict(Article.objects.filter(slug__startswith="bench-article-").values_list("slug", "id"))
        for n, (a, b, _) in enumerate(sentences):
            article_id = ids[f"bench-article-{n}"]
            mentions += [Mention(article_id=article_id, company=a, count=2), Mention(article_id=article_id, company=b)]
        for batch in batched(mentions):
            Mention.objects.bulk_create(batch)
        print(f"{len(articles)} articles, {len(mentions)} mentions in {time.perf_counter() - started:.1f}s", flush=True)

        statuses = list(Partnership.PUBLIC_STATUSES) + [Partnership.Status.PROPOSED]
        partnerships, participants, evidence = [], [], []
        for n in range(min(args.partnerships, len(sentences))):
            partnerships.append(
                Partnership(
                    title=f"Partnership {n}",
                    slug=f"bench-partnership-{n}",
                    kind=rng.choice(Partnership.Kind.values),
                    status=rng.choice(statuses),
                    announced_on=(base + dt.timedelta(days=n % 600)).date(),
                )
            )
        for batch in batched(partnerships):
            Partnership.objects.bulk_create(batch)
        pids = dict(Partnership.objects.filter(slug__startswith="bench-partnership-").values_list("slug", "id"))
        for n in range(len(partnerships)):
            a, b, sentence = sentences[n]
            pid = pids[f"bench-partnership-{n}"]
            participants += [Participant(partnership_id=pid, company=a), Participant(partnership_id=pid, company=b)]
            evidence.append(Evidence(partnership_id=pid, article_id=ids[f"bench-article-{n}"], quote=sentence))
        for batch in batched(participants):
            Participant.objects.bulk_create(batch)
        for batch in batched(evidence):
            Evidence.objects.bulk_create(batch)
    print(
        f"{len(partnerships)} partnerships, {len(evidence)} evidence rows; "
        f"done in {time.perf_counter() - started:.1f}s",
        flush=True,
    )


if __name__ == "__main__":
    main()
