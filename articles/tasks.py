"""Background tasks (django-tasks, the backport of Django 6's `django.tasks`: the code moves to Django 6 by
changing the import). The default backend runs them at once; a deployment can move them to workers."""

from django.contrib.auth import get_user_model
from django_tasks import task

from .ingest.feeds import feed_poll
from .ingest.pipeline import article_ingest
from .ingest.readers import IngestError, parse_published
from .ingest.report import IngestReport
from .models import Feed


@task()
def ingest_article(
    *,
    title: str,
    text: str = "",
    html: str = "",
    url: str = "",
    source: str = "",
    author: str = "",
    published_at: str | None = None,
    origin: str = "",
    actor_id: int | None = None,
) -> dict:
    """Ingest one article; returns its outcome ("created", "updated", "duplicate" or "failed" with
    the reason) and what was linked and proposed."""
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        result = article_ingest(
            title=title,
            text=text,
            html=html,
            url=url,
            source=source,
            author=author,
            published_at=parse_published(published_at),
            actor=actor,
        )
    except IngestError as error:
        return {"outcome": "failed", "origin": origin, "reason": str(error)}
    return {**result.summary(), "origin": origin}


@task()
def poll_feed(feed_id: int) -> dict:
    """Poll one feed subscription and ingest its new entries."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return IngestReport(failed=[(str(feed_id), "no such feed")]).as_dict()
    return feed_poll(feed).as_dict()
