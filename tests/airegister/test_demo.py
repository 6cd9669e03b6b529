"""The demo register: ten records, one per pilot, in fi/sv/en with the same uuids, every record
valid against the served schema (what the issue asks the endpoints to show)."""

from __future__ import annotations

import jsonschema
import pytest

from airegister.models import AIRecordPage
from airegister.standard import REQUIRED_FIELDS
from pilots.models import PilotPage

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def test_ten_valid_records_in_every_language_with_the_same_uuids(client):
    schema = client.get("/api/ai-register/schema.json").json()
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    uuids = {}
    for language in ("fi", "sv", "en"):
        body = client.get(f"/api/ai-register/?lang={language}").json()
        assert body["count"] == 10
        for record in body["records"]:
            validator.validate(record)
            assert record["lang"] == language
            assert record["status"] == "pilot" and record["domain"] == "health and health care"
            assert all(record[a.name] for a in REQUIRED_FIELDS)
        uuids[language] = {record["uuid"] for record in body["records"]}
        csv = client.get(f"/api/ai-register.csv?lang={language}").content.decode()
        assert csv.startswith("\ufeffstandard_version,uuid,lang,") and csv.count("\n") == 11
    assert uuids["fi"] == uuids["sv"] == uuids["en"]


def test_one_record_per_pilot_linked_both_ways(client):
    pilots = PilotPage.objects.live().filter(locale__language_code="fi")
    assert pilots.count() == 10
    for pilot in pilots:
        records = AIRecordPage.objects.live().child_of(pilot)
        assert records.count() == 1, pilot.title
        assert f'href="{records.get().url}"' in client.get(pilot.url).content.decode()


def test_register_index_per_language_and_the_overdue_flag(client):
    for url in ("/fi/tekoalyrekisteri/", "/sv/ai-registret/", "/en/ai-register/"):
        response = client.get(url)
        assert response.status_code == 200 and len(response.context["records"]) == 10
        assert sum(record.review_overdue() for record in response.context["records"]) == 1
