"""manage.py evaluate_extraction: precision and recall of mentions and partnerships on tests/data/."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.ingest.evaluation import DATA_DIR, evaluate


class Command(BaseCommand):
    help = "Measure company linking and partnership proposing against the hand-labelled passages in tests/data/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--passages",
            type=Path,
            default=DATA_DIR / "passages.json",
            help="Labelled passages to score (default: tests/data/passages.json; "
            "tests/data/heldout_passages.json was written by someone who never saw the rules).",
        )

    def handle(self, *args, verbosity, passages, **options):
        if not passages.is_file():
            raise CommandError(f"No such file: {passages}")
        result = evaluate(passages)
        self.stdout.write(f"Passages: {result.passages}")
        for label, score in (("Mentions", result.mentions), ("Partnerships", result.partnerships)):
            self.stdout.write(
                f"{label:<13} precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"({score.true_positives} right of {score.predicted} found, {score.expected} labelled)"
            )
        if verbosity > 1:
            for line in result.errors:
                self.stdout.write(f"  {line}")
