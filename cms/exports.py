"""Every CSV download of the admin goes through here, so each one is safe and readable in Excel.

- Formula injection: a cell starting with ``= + - @``, a tab or a carriage return is prefixed
  with ``'``, so a spreadsheet shows it as text instead of running it (an e-mail address or a
  project name typed by a visitor cannot become a formula on a staff member's machine).
- Excel opens UTF-8 correctly only with a byte-order mark: every file starts with one, so
  "Määttä" and "Åbo" show as written.
- People read these files: choice fields show their (translated) labels, not stored codes, and
  times are local (``TIME_ZONE``, Europe/Helsinki) to the second, not UTC with microseconds.

Wagtail's admin listings get this through ``ExportIndexView`` (``index_view_class`` on a
``ModelViewSet``); hand-written views use ``csv_response``.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections import OrderedDict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import IndexView

BOM = "\ufeff"
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def neutralise(text: str) -> str:
    """``text`` made inert for spreadsheets (see the module docstring). A plain number such as
    ``-590`` is no formula and stays a number."""
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def local_time(value: datetime.datetime) -> str:
    """An aware time as local wall-clock time, to the second: ``2026-12-01 17:05:09``."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")


def cell(value: Any) -> str:
    """One CSV cell: empty for None, local time, Yes/No, numbers as written, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return neutralise(", ".join(force_str(item) for item in value))
    return neutralise(force_str(value))


def choice_label(instance: Any, field_name: str) -> str | None:
    """A choice field's (translated) label instead of its stored code; None for other fields."""
    try:
        field = instance._meta.get_field(field_name)
    except (AttributeError, FieldDoesNotExist):
        return None
    if not getattr(field, "choices", None):
        return None
    return force_str(getattr(instance, f"get_{field_name}_display")())


def csv_lines(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> Iterable[str]:
    """The file line by line: BOM and header first, every cell through ``cell``."""

    class _Line:
        def write(self, text: str) -> str:
            return text

    writer = csv.writer(_Line())
    yield BOM + writer.writerow([cell(value) for value in header])
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def csv_response(
    filename: str, header: Iterable[Any], rows: Iterable[Iterable[Any]]
) -> HttpResponse:
    """A CSV download (``filename`` without ``.csv``) of ``header`` and ``rows``."""
    response = HttpResponse("".join(csv_lines(header, rows)), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class ExportMixin:
    """Wagtail's ``SpreadsheetExportMixin`` (``list_export``) with the rules above for CSV, and
    local times for XLSX too. For the index view of a ``ModelViewSet`` or ``SnippetViewSet``."""

    def to_row_dict(self, item) -> OrderedDict:
        row = super().to_row_dict(item)
        for field in self.list_export:
            label = choice_label(item, field)
            if label is not None:
                row[field] = label
        return row

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            return cell(value)
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.make_naive(timezone.localtime(value)).replace(microsecond=0)
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        yield BOM.encode()  # Wagtail's writer yields encoded lines
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response


class ExportIndexView(ExportMixin, IndexView):
    """``index_view_class`` for a ``ModelViewSet`` whose listing exports CSV."""
