"""Create the dev-only demo editors (one per role, a liaison per pilot) and a page in review."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from demo.loaders import editors
from demo.toolkit import sync_translations


class Command(BaseCommand):
    help = (
        "Create demo editor accounts for each role (DEBUG only) with the documented dev-only "
        "password in demo/data/editors.yaml. Run after load_demo_content. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Create them although DEBUG is off (tests only; refused with production settings).",
        )

    def handle(self, *args, **options):
        try:
            result = editors.load(force=options["force"])
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        for username in result.users:
            self.stdout.write(f"created {username}")
        for username, pilot in result.liaisons.items():
            self.stdout.write(f"{username} is a liaison of {pilot}")
        if result.in_review:
            self.stdout.write(f"waiting for review: {result.in_review}")
        # Adding liaisons republishes the pilots; their translations stay current.
        sync_translations()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editors ready; password for all of them: {editors.demo_password()}"
            )
        )
