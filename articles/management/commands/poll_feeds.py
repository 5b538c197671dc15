"""manage.py poll_feeds: check the feed subscriptions that are due and ingest their new entries."""

from django.core.management.base import BaseCommand

from articles.ingest.report import IngestReport
from articles.models import Feed
from articles.tasks import poll_feed


class Command(BaseCommand):
    help = "Poll due feed subscriptions (conditional GET with ETag/Last-Modified) and ingest new entries."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="poll_all", help="Poll every active feed, due or not.")

    def handle(self, *args, poll_all, **options):
        feeds = Feed.objects.filter(active=True) if poll_all else Feed.objects.due()
        report, polled = IngestReport(), 0
        for feed in feeds.order_by("pk"):
            result = poll_feed.enqueue(feed.pk)
            polled += 1
            if result.is_finished and result.return_value is not None:
                report.merge(IngestReport.from_dict(result.return_value))
            elif result.is_finished:
                report.failed.append((feed.url, "the poll task failed"))
            else:
                report.queued += 1
        self.stdout.write(f"Feeds polled: {polled} ({report.not_modified} unchanged)")
        for line in report.lines():
            self.stdout.write(line)
