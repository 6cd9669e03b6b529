"""Remind liaisons of due and overdue progress reports (run daily by a timer)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from coordination.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail liaisons whose pilot's report is due or overdue; each reminder is sent once."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Act as if today were YYYY-MM-DD.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = parse_date(options["today"])
            except ValueError:
                today = None
            if today is None:
                raise CommandError("--today must be YYYY-MM-DD")
        sent = send_reminders(today)
        self.stdout.write(f"{sent} reminder(s) sent.")
