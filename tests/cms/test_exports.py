"""CSV exports: the shared rules (cms.exports) on the bytes of each admin download."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from cms.exports import cell, neutralise

pytestmark = pytest.mark.django_db
BOM = "\ufeff".encode()
SUBMITTED = dt.datetime(2026, 3, 1, 10, 15, 30, 123456, tzinfo=dt.UTC)  # 12:15:30 in Helsinki


def _rows(body: bytes) -> list[list[str]]:
    assert body.startswith(BOM), "Excel needs the UTF-8 byte-order mark to show ä and ö"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _body(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("text", ["=1+1", "+1A", "-2+3", "@SUM(A1)", "\tx", "\rx", "-cmd"])
def test_formula_starts_are_neutralised(text):
    assert neutralise(text) == "'" + text
    assert cell(text) == "'" + text


def test_cells_are_local_time_without_microseconds_and_numbers_as_written():
    assert cell(SUBMITTED) == "2026-03-01 12:15:30"
    assert cell(dt.datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("UTC"))) == "2026-07-01 12:00:00"
    assert cell(Decimal("-5.50")) == "-5.50"  # a number is not a formula
    assert cell(None) == "" and cell("Määttä") == "Määttä"


def _application(call=None, **fields):
    from pilots.models import FundingApplication

    values = {
        "call": call,
        "submitted_at": SUBMITTED,
        "organisation_type": "county",
        "organisation_name": "Pohjois-Pohjanmaan hyvinvointialue Määttä",
        "contact_name": '=HYPERLINK("http://evil.example")',
        "contact_email": "hakija@example.org",
        "project_name": "@Tekoälyhanke",
        "category": "interpretation",
        "sector": "health",
        "technology": "nlp",
        "total_budget": Decimal("200000"),
        "requested_funding": Decimal("100000"),
        "maturity": "plan-ready",
        "description": "-kuvaus",
    }
    values.update(fields)
    return FundingApplication.objects.create(**values)


def test_funding_application_export(admin_client):
    application = _application()
    with translation.override("fi"):
        url = reverse("pilots_funding_applications:index") + "?export=csv"
        rows = _rows(_body(admin_client.get(url, HTTP_ACCEPT_LANGUAGE="fi")))
    header, row = rows[0], rows[1]
    values = dict(zip(header, row, strict=True))
    assert "Pohjois-Pohjanmaan hyvinvointialue Määttä" in row
    assert values[header[0]] == "2026-03-01 12:15:30"
    assert '\'=HYPERLINK("http://evil.example")' in row
    assert "'@Tekoälyhanke" in row and "'-kuvaus" in row
    assert "county" not in row and "health" not in row  # labels, not codes
    assert application.get_organisation_type_display() in row
    assert application.get_sector_display() in row


def test_event_registration_export(admin_client):
    from events.models import Registration
    from tests.factories.events import EventPageFactory

    event = EventPageFactory()
    registration = Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        name="+Åsa Öhman",
        email="asa@example.org",
        status="confirmed",
    )
    Registration.objects.filter(pk=registration.pk).update(created_at=SUBMITTED)
    url = reverse("events_registrations:index") + f"?export=csv&event={event.pk}"
    rows = _rows(_body(admin_client.get(url)))
    row = next(r for r in rows if "asa@example.org" in r)
    assert "'+Åsa Öhman" in row
    assert "2026-03-01 12:15:30" in row
    assert "confirmed" not in row  # the status label, not its code


def test_subscriber_exports(admin_client):
    from members.models import Subscriber

    Subscriber.objects.create(
        email="-ulla@example.org", language="sv", status="confirmed", confirmed_at=SUBMITTED
    )
    rows = _rows(_body(admin_client.get(reverse("members_subscribers_csv") + "?language=sv")))
    row = next(r for r in rows if r[0] == "'-ulla@example.org")
    assert row[2] == "2026-03-01 12:15:30"
    assert row[1] not in ("", "sv")  # the language's name, not its code
    listing = reverse("members_subscribers:index") + "?export=csv"
    rows = _rows(_body(admin_client.get(listing)))
    row = next(r for r in rows if r[0] == "'-ulla@example.org")
    assert "2026-03-01 12:15:30" in row and "sv" not in row and "confirmed" not in row
