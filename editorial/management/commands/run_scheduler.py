"""Run ``publish_scheduled`` every N seconds: scheduled publishing without cron (dev, small hosts).

Production should prefer a timer (cron or a systemd timer) that runs
``manage.py publish_scheduled`` every minute; this loop is the same thing for ``make run``.
"""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages/snippets every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument(
            "--once", action="store_true", help="Run publish_scheduled once and exit."
        )

    def handle(self, *args, **options):
        interval = max(1, options["interval"])
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"])
            if options["once"]:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return
