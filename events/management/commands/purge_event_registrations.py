"""Delete registrations whose event ended more than the retention period ago (privacy)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.settings.env import env_int
from events.models import Registration


def retention_days() -> int:
    """``EVENT_REGISTRATION_RETENTION_DAYS`` (setting or environment), 90 by default."""
    return getattr(
        settings,
        "EVENT_REGISTRATION_RETENTION_DAYS",
        env_int("EVENT_REGISTRATION_RETENTION_DAYS", 90),
    )


class Command(BaseCommand):
    help = "Delete event registrations older than the retention period after the event ended."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention days.")
        parser.add_argument("--dry-run", action="store_true", help="Count only; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        old = Registration.objects.filter(event__end__lt=cutoff)
        count = old.count()
        if not dry_run:
            old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} registration(s) of events that ended before {cutoff:%Y-%m-%d}."
        )
