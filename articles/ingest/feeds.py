"""Polling feed subscriptions: a conditional GET, then every new entry through the ingest task."""

from django.utils import timezone

from ..models import Feed
from .readers import IngestError, fetch, read_feed
from .report import IngestReport


def feed_poll(feed: Feed) -> IngestReport:
    """Fetch one feed (If-None-Match / If-Modified-Since from the last answer) and ingest its entries;
    entries already stored come back as duplicates. Failures are counted on the feed, not raised."""
    from ..tasks import ingest_article

    report = IngestReport()
    feed.last_checked_at = timezone.now()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        read = None if fetched.status == 304 else read_feed(fetched.data, feed.url, source=feed.source or "")
    except IngestError as error:
        feed.error_count += 1
        feed.last_error = str(error)
        feed.save(update_fields=["last_checked_at", "error_count", "last_error"])
        report.failed.append((feed.url, str(error)))
        return report
    feed.error_count, feed.last_error = 0, ""
    if read is None:
        report.not_modified += 1
    else:
        feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
        feed.title = feed.title or read.title[:300]
        report.failed.extend(read.errors)
        for item in read.items:
            report.add_task_result(ingest_article.enqueue(**item.as_task_arguments()), item.origin)
    feed.save()
    return report
