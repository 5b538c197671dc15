"""manage.py evaluate_extraction: precision and recall of mentions and partnerships on tests/data/."""

from django.core.management.base import BaseCommand

from articles.ingest.evaluation import evaluate


class Command(BaseCommand):
    help = "Measure company linking and partnership proposing against the hand-labelled passages in tests/data/."

    def handle(self, *args, verbosity, **options):
        result = evaluate()
        self.stdout.write(f"Passages: {result.passages}")
        for label, score in (("Mentions", result.mentions), ("Partnerships", result.partnerships)):
            self.stdout.write(
                f"{label:<13} precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"({score.true_positives} right of {score.predicted} found, {score.expected} labelled)"
            )
        if verbosity > 1:
            for line in result.errors:
                self.stdout.write(f"  {line}")
