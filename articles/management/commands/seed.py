"""`manage.py seed`: load the source article and everything it states. Idempotent; --reset rebuilds."""

from django.core.management.base import BaseCommand, CommandError

from articles.seed import SeedError, seed_load


class Command(BaseCommand):
    help = "Load the seed article, its companies, people, partnerships (with evidence) and market facts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete ALL tracker data (articles, companies, people, partnerships, facts) before loading.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already holds articles."
        )

    def handle(self, *args, reset, if_empty, **options):
        from articles.models import Article

        if if_empty and not reset and Article.objects.exists():
            self.stdout.write("The database already holds articles; not seeding (use --reset to rebuild).")
            return
        try:
            created = seed_load(reset=reset)
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{n} {what}" for what, n in created.items())
        self.stdout.write(self.style.SUCCESS(f"Seed loaded ({'rebuilt' if reset else 'created'}: {summary})."))
