"""Create the dev-only demo editors (one per role, a liaison per pilot) and a page in review."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from editorial import demo_users


class Command(BaseCommand):
    help = (
        "Create demo editor accounts for each role (DEBUG only) with the documented dev-only "
        f"password {demo_users.DEMO_PASSWORD!r}. Run after load_demo_content. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Create them although DEBUG is off (tests only; refused with production settings).",
        )

    def handle(self, *args, **options):
        try:
            result = demo_users.load(force=options["force"])
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        for username in result.users:
            self.stdout.write(f"created {username}")
        for username, pilot in result.liaisons.items():
            self.stdout.write(f"{username} is a liaison of {pilot}")
        if result.in_review:
            self.stdout.write(f"waiting for review: {result.in_review}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editors ready; password for all of them: {demo_users.DEMO_PASSWORD}"
            )
        )
