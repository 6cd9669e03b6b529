"""Evaluation data: every pilot's indicators and measurements, as records, CSV and JSON.

Two sources feed it:
- the pilots app's indicators, read through a small adapter (``pilot_indicators``) that relies
  only on the documented contract: ``page.indicators.all()`` with name, unit, definition,
  direction, baseline_value, baseline_date, target_value, target_date, data_source, and each
  indicator's ``measurements.all()`` with date, value, note. Missing pieces read as empty.
- the measurements in progress reports (this app's ``ReportMeasurement``).

The public variant holds only approved reports' measurements and never any report text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime

from cms.exports import csv_lines

from .models import ProgressReport, ReportMeasurement, default_locale_pilots

INDICATOR_FIELDS = [
    "name",
    "unit",
    "definition",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
]
MEASUREMENT_FIELDS = ["date", "value", "note"]
CSV_COLUMNS = [
    "pilot",
    "pilot_title",
    "source",
    "indicator",
    "unit",
    "definition",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
    "period_start",
    "date",
    "value",
    "note",
]


def _plain(value: Any) -> Any:
    """JSON-safe scalar: dates as ISO strings, decimals as strings (exact, no float rounding)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int | float):
        return str(Decimal(str(value)))
    return str(value)


def pilot_indicators(page: Any) -> list[dict[str, Any]]:
    """The pilot's own indicators with their measurements, or [] if the pilots app has none."""
    manager = getattr(page, "indicators", None)
    if manager is None or not hasattr(manager, "all"):
        return []
    result = []
    for indicator in manager.all():
        item = {name: _plain(getattr(indicator, name, None)) for name in INDICATOR_FIELDS}
        for name in ("name", "unit", "definition", "direction", "data_source"):
            item[name] = item[name] or ""
        measurements = getattr(indicator, "measurements", None)
        rows = list(measurements.all()) if measurements is not None else []
        item["measurements"] = sorted(
            (
                {
                    "date": _plain(getattr(m, "date", None)),
                    "value": _plain(getattr(m, "value", None)),
                    "note": getattr(m, "note", "") or "",
                }
                for m in rows
            ),
            key=lambda m: (m["date"] or "", m["value"] or ""),
        )
        result.append(item)
    result.sort(key=lambda i: i["name"])
    return result


def report_measurements(page: Any, public: bool) -> list[dict[str, Any]]:
    """Measurements from the pilot's progress reports (approved ones only when ``public``)."""
    qs = ReportMeasurement.objects.filter(report__pilot=page).select_related("report")
    if public:
        qs = qs.filter(report__state=ProgressReport.State.APPROVED)
    qs = qs.order_by("report__period_start", "indicator_name", "date", "pk")
    rows = []
    for m in qs:
        row = {
            "period_start": _plain(m.report.period_start),
            "indicator": m.indicator_name,
            "unit": m.unit,
            "date": _plain(m.date),
            "value": _plain(m.value),
            "note": m.note,
        }
        if not public:
            row.update(
                {
                    "period_end": _plain(m.report.period_end),
                    "report_state": m.report.state,
                    "overall_status": m.report.overall_status,
                    "applied_at": _plain(m.applied_at),
                }
            )
        rows.append(row)
    return rows


def export_pilot(page: Any, public: bool = False) -> dict[str, Any]:
    return {
        "pilot": page.slug,
        "title": page.title,
        "indicators": pilot_indicators(page),
        "report_measurements": report_measurements(page, public),
    }


def export_all(public: bool = False, pilot_slug: str | None = None) -> dict[str, Any]:
    pilots = default_locale_pilots().order_by("slug")
    if public:
        pilots = pilots.live().public()
    if pilot_slug is not None:
        pilots = pilots.filter(slug=pilot_slug)
    return {
        "format": "sotecms-evaluation/1",
        "public": public,
        "pilots": [export_pilot(page, public) for page in pilots],
    }


def _csv_labels() -> dict[str, dict[str, str]]:
    """Codes in the data shown as their labels in the CSV, which people open in a spreadsheet."""
    from django.apps import apps

    direction = apps.get_model("pilots", "Indicator")._meta.get_field("direction")
    return {
        "direction": {str(k): str(v) for k, v in direction.flatchoices},
        "report_state": {k: str(v) for k, v in ProgressReport.State.choices},
        "overall_status": {k: str(v) for k, v in ProgressReport.OverallStatus.choices},
    }


def _csv_row(row: dict[str, Any], labels: dict[str, dict[str, str]]) -> list[Any]:
    values = []
    for column in CSV_COLUMNS:
        value = row.get(column)
        if column in labels and value:
            value = labels[column].get(value, value)
        elif column == "applied_at" and value:
            value = parse_datetime(value) or value  # shown in local time by cms.exports
        values.append(value)
    return values


def as_csv(data: dict[str, Any]) -> str:
    """One row per measurement (indicator rows without measurements still get one row)."""
    labels = _csv_labels()
    rows = []
    for pilot in data["pilots"]:
        base = {"pilot": pilot["pilot"], "pilot_title": pilot["title"]}
        for indicator in pilot["indicators"]:
            definition = {
                "source": "indicator",
                "indicator": indicator["name"],
                **{k: indicator[k] for k in INDICATOR_FIELDS if k != "name"},
            }
            for m in indicator["measurements"] or [{}]:
                rows.append(_csv_row({**base, **definition, **m}, labels))
        for m in pilot["report_measurements"]:
            rows.append(_csv_row({**base, "source": "report", **m}, labels))
    return "".join(csv_lines(CSV_COLUMNS, rows))


def _date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


@transaction.atomic
def import_data(data: dict[str, Any]) -> dict[str, int]:
    """Recreate reports' measurements and (when the pilots app has them) indicators from JSON.

    Pilots are matched by slug among the Finnish pilot pages; unknown pilots are skipped and
    counted. Existing rows with the same natural key are updated, so importing twice is safe.
    """
    counts = {"pilots": 0, "skipped_pilots": 0, "indicators": 0, "measurements": 0}
    pilots = {p.slug: p for p in default_locale_pilots()}
    for item in data.get("pilots", []):
        page = pilots.get(item["pilot"])
        if page is None:
            counts["skipped_pilots"] += 1
            continue
        counts["pilots"] += 1
        for ind in item.get("indicators", []):
            counts["indicators"] += _import_indicator(page, ind)
        for row in item.get("report_measurements", []):
            start = _date(row["period_start"])
            report, _created = ProgressReport.objects.get_or_create(
                pilot=page,
                period_start=start,
                defaults={
                    "period_end": _date(row.get("period_end")),
                    "state": row.get("report_state", ProgressReport.State.APPROVED),
                    "overall_status": row.get(
                        "overall_status", ProgressReport.OverallStatus.ON_TRACK
                    ),
                },
            )
            applied = row.get("applied_at")
            ReportMeasurement.objects.update_or_create(
                report=report,
                indicator_name=row["indicator"],
                date=_date(row["date"]),
                defaults={
                    "unit": row.get("unit", ""),
                    "value": Decimal(row["value"]),
                    "note": row.get("note", ""),
                    "applied_at": parse_datetime(applied) if applied else None,
                },
            )
            counts["measurements"] += 1
    return counts


def _import_indicator(page: Any, data: dict[str, Any]) -> int:
    """Create or update one pilots-app indicator through ``page.indicators`` (0 if absent)."""
    manager = getattr(page, "indicators", None)
    if manager is None or not hasattr(manager, "update_or_create"):
        return 0
    defaults: dict[str, Any] = {}
    for name in INDICATOR_FIELDS[1:]:
        value = data.get(name)
        if name.endswith("_date"):
            value = _date(value)
        elif name.endswith("_value"):
            value = Decimal(value) if value not in (None, "") else None
        defaults[name] = value
    indicator, _created = manager.update_or_create(name=data["name"], defaults=defaults)
    for m in data.get("measurements", []):
        indicator.measurements.update_or_create(
            date=_date(m["date"]),
            defaults={"value": Decimal(m["value"]), "note": m.get("note", "")},
        )
    return 1
