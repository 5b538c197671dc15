"""Ingestion runs as django-tasks tasks; the default backend runs them at once."""

import pytest
from django_tasks import TaskResultStatus

from articles.models import Article
from articles.tasks import ingest_article, poll_feed

pytestmark = pytest.mark.django_db


def test_the_ingest_task_runs_immediately_and_returns_its_outcome(seeded):
    result = ingest_article.enqueue(title="Deal", text="Kakao signed a partnership with Naver on Monday.")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {
        "outcome": "created",
        "article": "deal",
        "mentions": 2,
        "proposed": 1,
        "evidence_added": 0,
        "suggestions": 0,
        "origin": "",
    }
    assert Article.objects.filter(slug="deal").exists()


def test_the_ingest_task_reports_bad_input_instead_of_failing(db):
    result = ingest_article.enqueue(title="Empty", text=" ", origin="upload")
    assert result.return_value == {"outcome": "failed", "origin": "upload", "reason": "“Empty”: no article text."}


def test_task_arguments_are_json_so_a_worker_backend_can_take_them(db):
    result = ingest_article.enqueue(title="Dated", text="Kakao grew.", published_at="2025-02-04T09:00:00+00:00")
    assert result.return_value["outcome"] == "created"
    assert Article.objects.get().published_at.isoformat() == "2025-02-04T09:00:00+00:00"


def test_polling_a_feed_that_no_longer_exists_reports_it(db):
    assert poll_feed.enqueue(12345).return_value["failed"] == [["12345", "no such feed"]]
