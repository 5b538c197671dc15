"""manage.py ingest PATH_OR_URL [...]: text files, HTML pages, RSS/Atom feeds and JSON lists of articles."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.ingest.readers import IngestError, read_source
from articles.ingest.report import IngestReport
from articles.tasks import ingest_article


class Command(BaseCommand):
    help = (
        "Ingest articles from files or URLs: plain text (first line the title, optional Source:/Published:/"
        "URL:/Author: lines), HTML pages, RSS or Atom feeds, or JSON lists of articles. Links the companies "
        "and people they name and proposes the partnerships they report for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--source", default="", help="Publisher for articles that do not name one.")

    def handle(self, *args, sources, source, verbosity, **options):
        report, items = IngestReport(), []
        for name in sources:
            try:
                read = read_source(name)
            except IngestError as error:
                report.failed.append(("", str(error)))
                continue
            report.failed.extend(read.errors)
            items.extend(read.items)
        progress = tqdm(items, desc="Ingesting", unit="article", disable=len(items) < 2 or verbosity == 0)
        for item in progress:
            item.source = item.source or source
            report.add_task_result(ingest_article.enqueue(**item.as_task_arguments()), item.origin)
        for line in report.lines():
            self.stdout.write(line)
