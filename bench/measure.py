"""Time every page and API endpoint against the current database and count its SQL queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench .venv/bin/python bench/measure.py

Run bench/generate.py first for production-scale data. Prints one row per URL: status, queries,
median and 95th-percentile latency over --repeat requests (after one warm-up request), through
Django's WSGI handler in-process (no network, no web server: the application's own cost).
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, Company, Partnership  # noqa: E402


def urls() -> list[str]:
    busiest = Company.objects.with_counts().order_by("-partnership_count").first()
    article = Article.objects.order_by("-published_at").first()
    partnership = Partnership.objects.public().order_by("-announced_on").first()
    pages = [
        "/",
        "/articles/",
        "/articles/?page=50",
        "/articles/?q=semiconductor+alliance",
        f"/articles/?company={busiest.slug}",
        f"/articles/{article.slug}/",
        "/companies/",
        "/companies/?country=KR",
        f"/companies/{busiest.slug}/",
        "/companies/kakao/",
        "/partnerships/",
        "/partnerships/?status=announced",
        f"/partnerships/{partnership.slug}/",
        "/partnerships/openai-kakao/",
        "/network/",
        "/search/?q=Kakao",
        "/search/?q=semiconductor",
        "/feeds/latest/",
        f"/companies/{busiest.slug}/feed/",
    ]
    api = [
        "/api/v1/companies/",
        "/api/v1/companies/?page_size=100",
        f"/api/v1/companies/{busiest.slug}/",
        "/api/v1/articles/",
        "/api/v1/articles/?page_size=100",
        "/api/v1/articles/?q=semiconductor",
        f"/api/v1/articles/?company={busiest.slug}",
        f"/api/v1/articles/{article.slug}/",
        "/api/v1/partnerships/",
        "/api/v1/partnerships/?page_size=100&format=csv",
        f"/api/v1/partnerships/{partnership.slug}/",
        "/api/v1/people/",
        "/api/v1/graph/",
        f"/api/v1/graph/?company={busiest.slug}",
        "/api/v1/stats/",
    ]
    return pages + api


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    print(
        f"{connection.vendor}: {Article.objects.count()} articles, {Company.objects.count()} companies, "
        f"{Partnership.objects.count()} partnerships"
    )
    print(f"{'url':62} {'status':>6} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
    for url in urls():
        client.get(url)  # warm-up: caches, prepared plans
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
        p95 = sorted(timings)[max(0, round(0.95 * len(timings)) - 1)]
        print(
            f"{url[:62]:62} {response.status_code:>6} {len(queries):>7} "
            f"{statistics.median(timings):>10.1f} {p95:>8.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
