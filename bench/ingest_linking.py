"""How long ingesting one article takes with 10,000 known companies (not a test; see bench/README.md).

    .venv/bin/python bench/ingest_linking.py [--companies 10000] [--runs 20]

Adds the companies inside a transaction that is rolled back at the end, so any database will do
(migrations are applied first). Prints the one-off cost of building the name index and the time per
article once it is built, with the number of SQL queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.ingest.linking import company_index  # noqa: E402
from articles.ingest.pipeline import article_ingest  # noqa: E402
from articles.models import Company  # noqa: E402
from bench.generate import STEMS as GENERATOR_STEMS  # noqa: E402

# The first 14 of the generator's name stems.
STEMS = GENERATOR_STEMS[:14]
SUFFIXES = ["Holdings", "Electronics", "Motors", "Technologies", "Bank", "Energy", "Logistics", "Foods"]
PARAGRAPH = (
    "{a} signed a supply agreement with {b} on Monday, the companies said, in a deal analysts valued at "
    "$2 billion. {c} shares rose 3% after the announcement, while {d} said it was considering a joint "
    "venture with {e}. The market for memory chips has tightened this year as demand from data centres grew, "
    "and executives at several firms said prices would stay high into next year. "
)


class Rollback(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    try:
        with transaction.atomic():
            measure(args.companies, args.runs)
            raise Rollback
    except Rollback:
        pass


def measure(count: int, runs: int) -> None:
    names = [f"{STEMS[i % len(STEMS)]} {SUFFIXES[i // len(STEMS) % len(SUFFIXES)]} {i}" for i in range(count)]
    Company.objects.bulk_create(
        [Company(name=name, slug=f"bench-{i}", aliases=[f"{name} Inc"]) for i, name in enumerate(names)],
        batch_size=1000,
    )
    started = time.perf_counter()
    company_index()
    build = time.perf_counter() - started

    timings, queries = [], []
    for run in range(runs):
        picks = [names[(run * 97 + k * 1231) % count] for k in range(5)]
        body = "\n\n".join(
            PARAGRAPH.format(a=picks[0], b=picks[1], c=picks[2], d=picks[3], e=picks[4]) for _ in range(6)
        )
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            article_ingest(title=f"Benchmark story {run}", text=f"{body}\n\nRun {run}.")
            timings.append(time.perf_counter() - started)
        queries.append(len(captured))
    words = len(body.split())
    print(f"{connection.vendor}: {Company.objects.count():,} companies ({2 * count:,} names)")
    print(f"index build (once per process, and after companies change): {build * 1000:.0f} ms")
    print(
        f"ingest one article of {words} words naming 5 companies: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms, {max(queries)} queries"
    )


if __name__ == "__main__":
    main()
