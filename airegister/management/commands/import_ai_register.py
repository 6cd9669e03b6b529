"""``manage.py import_ai_register FILE``: bring in records kept in the standard's JSON shape.

``FILE`` holds either the API's listing (``{"records": [...]}``, as ``/api/ai-register/``
serves it) or a plain list of records. Each record goes to the page of its ``uuid`` and ``lang``
(updated in place when it exists, else created under that language's register index) and is
published. Records are imported in the default language first, so a translation finds its
source. One bad record stops the import and names the record; the ones before it stay.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from airegister.models import RegisterIndexPage
from airegister.records import RecordImportError, import_record


class Command(BaseCommand):
    help = "Import AI register records (Algorithmic Transparency Standard 0.3.1 JSON)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = json.loads(file.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{file}: {error}") from error
        records = data.get("records") if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise CommandError(f"{file}: expected a list of records or {{'records': [...]}}")
        default = settings.LANGUAGE_CODE.split("-")[0]
        records.sort(key=lambda record: record.get("lang") != default)
        created = updated = 0
        for record in records:
            try:
                _page, was_created = import_record(record, _index_for)
            except RecordImportError as error:
                raise CommandError(str(error)) from error
            created += was_created
            updated += not was_created
        self.stdout.write(f"{created} records created, {updated} updated.")


def _index_for(locale):
    index = RegisterIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is None:
        raise RecordImportError(
            f"no AI register index page in {locale.language_code}: create one first"
        )
    return index
