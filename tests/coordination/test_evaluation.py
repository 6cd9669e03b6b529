"""Evaluation export: the adapter reads the pilots app's indicators, and JSON round-trips."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse

from coordination import evaluation
from coordination.models import ProgressReport, ReportMeasurement

pytestmark = pytest.mark.django_db

INTERNAL = "Sisäinen lause, jota ei saa julkaista."


class FakeManager(list):
    def all(self):
        return self


def test_adapter_reads_the_indicator_contract():
    measurement = SimpleNamespace(date=dt.date(2025, 3, 31), value=Decimal("12.50"), note="")
    indicator = SimpleNamespace(
        name="Odotusaika",
        unit="pv",
        definition="Keskimääräinen odotusaika",
        direction="decrease",
        baseline_value=Decimal("20"),
        baseline_date=dt.date(2024, 12, 31),
        target_value=Decimal("10"),
        target_date=None,
        data_source="Potilastietojärjestelmä",
        measurements=FakeManager([measurement]),
    )
    page = SimpleNamespace(indicators=FakeManager([indicator]))
    [item] = evaluation.pilot_indicators(page)
    assert item["baseline_value"] == "20" and item["target_date"] is None
    assert item["measurements"] == [{"date": "2025-03-31", "value": "12.50", "note": ""}]
    assert evaluation.pilot_indicators(SimpleNamespace()) == []


def _data(make_pilot):
    a = make_pilot("Arviointikokeilu A")
    b = make_pilot("Arviointikokeilu B")
    r1 = ProgressReport.objects.create(
        pilot=a,
        period_start=dt.date(2025, 2, 1),
        state="approved",
        overall_status="at_risk",
        progress_summary=INTERNAL,
    )
    ReportMeasurement.objects.create(
        report=r1,
        indicator_name="Odotusaika",
        unit="pv",
        date=dt.date(2025, 2, 28),
        value=Decimal("12.3456"),
        note="kuukauden keskiarvo",
    )
    ReportMeasurement.objects.create(
        report=r1,
        indicator_name="Käyttäjiä",
        unit="hlö",
        date=dt.date(2025, 2, 28),
        value=Decimal("140"),
    )
    r2 = ProgressReport.objects.create(pilot=b, period_start=dt.date(2025, 3, 1), risks=INTERNAL)
    ReportMeasurement.objects.create(
        report=r2, indicator_name="Luonnos", date=dt.date(2025, 3, 31), value=Decimal("1")
    )
    return a, b


def test_json_round_trip_reproduces_every_record(make_pilot, tmp_path):
    a, b = _data(make_pilot)
    before = evaluation.export_all()
    ours = [p for p in before["pilots"] if p["pilot"] in {a.slug, b.slug}]
    assert sum(len(p["report_measurements"]) for p in ours) == 3
    # the demo's pilots (with their reports) are exported and re-imported too
    total = sum(len(p["report_measurements"]) for p in before["pilots"])
    path = tmp_path / "evaluation.json"
    path.write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")

    ReportMeasurement.objects.all().delete()
    ProgressReport.objects.all().delete()
    assert evaluation.export_all() != before

    out = io.StringIO()
    call_command("import_evaluation", str(path), stdout=out)
    assert f"Imported {total} measurement(s)" in out.getvalue()
    assert evaluation.export_all() == before
    call_command("import_evaluation", str(path), stdout=io.StringIO())  # idempotent
    assert evaluation.export_all() == before


def test_csv_and_json_downloads_for_coordinators(client, make_pilot, coordinator, liaison):
    a, _b = _data(make_pilot)
    client.force_login(coordinator)
    url = reverse("coordination_evaluation_export", args=["csv"])
    raw = client.get(url, {"pilot": a.slug}).content
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    body = raw.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("pilot,pilot_title,source,indicator")
    assert "Odotusaika" in body and "Luonnos" not in body
    data = json.loads(client.get(reverse("coordination_evaluation_export", args=["json"])).content)
    assert {p["pilot"] for p in data["pilots"]} >= {a.slug}
    assert INTERNAL not in json.dumps(data, ensure_ascii=False)
    client.force_login(liaison)
    assert client.get(url).status_code in (302, 403)


def test_public_api_has_only_approved_measurements_and_no_internal_text(client, make_pilot):
    a, b = _data(make_pilot)
    response = client.get("/api/evaluation/")
    assert response.status_code == 200
    text = response.content.decode()
    assert INTERNAL not in text
    data = response.json()
    pilots = {p["pilot"]: p for p in data["pilots"]}
    assert [m["indicator"] for m in pilots[a.slug]["report_measurements"]] == [
        "Käyttäjiä",
        "Odotusaika",
    ]
    assert pilots[b.slug]["report_measurements"] == []  # draft report stays internal
    assert "applied_at" not in text and "overall_status" not in text
