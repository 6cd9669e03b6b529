"""Import evaluation data exported as JSON (admin → Evaluation data, or the API)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from coordination.evaluation import import_data


class Command(BaseCommand):
    help = "Re-create indicators and report measurements from an evaluation JSON export."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The JSON file ('-' for standard input).")

    def handle(self, *args, **options):
        path = options["path"]
        try:
            if path == "-":
                import sys

                data = json.load(sys.stdin)
            else:
                with open(path, encoding="utf-8") as fh:
                    data = json.load(fh)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        if not isinstance(data, dict) or "pilots" not in data:
            raise CommandError("Not an evaluation export (no 'pilots').")
        counts = import_data(data)
        self.stdout.write(
            "Imported {measurements} measurement(s) and {indicators} indicator(s) for "
            "{pilots} pilot(s); {skipped_pilots} unknown pilot(s) skipped.".format(**counts)
        )
