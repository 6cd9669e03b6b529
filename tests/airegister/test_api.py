"""The machine-readable register: JSON list and record, CSV, JSON Schema (validated with the
``jsonschema`` library), in fi/sv/en with the same uuids."""

from __future__ import annotations

import csv
import io
import uuid

import jsonschema
import pytest

from airegister.standard import ATTRIBUTE_NAMES, REQUIRED_FIELDS
from tests.factories import AIRecordPageFactory, translate_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(locale_tree):
    """Two Finnish records, each translated into sv and en under the translated pilots."""
    made = []
    for n in range(2):
        record = AIRecordPageFactory(title=f"Järjestelmä {n}")
        for language in ("sv", "en"):
            translate_record(record, language, title=f"System {n} ({language})")
        made.append(record)
    return made


def _schema(client) -> dict:
    response = client.get("/api/ai-register/schema.json")
    assert response.status_code == 200
    schema = response.json()
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_listing_every_record_valid_in_each_language(client, records, language):
    schema = _schema(client)
    body = client.get(f"/api/ai-register/?lang={language}").json()
    assert body["standard"] == "Algorithmic Transparency Standard"
    assert body["standard_version"] == "0.3.1"
    assert body["count"] == 2 == len(body["records"])
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for record in body["records"]:
        validator.validate(record)
        assert list(record)[:3] == ["standard_version", "uuid", "lang"]
        assert list(record) == [*ATTRIBUTE_NAMES, "extensions"]
        assert record["lang"] == language
        assert record["status"] == "pilot"  # the standard's code, not a label
        assert record["domain"] == "health and health care"
        for attribute in REQUIRED_FIELDS:
            assert record[attribute.name] not in ("", None), attribute.name
        assert record["extensions"]["ai_act_role"] == "deployer"
    uuids = {r["uuid"] for r in body["records"]}
    assert uuids == {str(r.translation_key) for r in records}


def test_schema_rejects_a_broken_record(client, records):
    schema = _schema(client)
    record = client.get("/api/ai-register/?lang=fi").json()["records"][0]
    for broken in (
        {**record, "status": "pilotti"},
        {**record, "goal": ""},
        {**record, "extra": "x"},
        {k: v for k, v in record.items() if k != "risks"},
        {**record, "extensions": {**record["extensions"], "ai_act_role": "owner"}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_one_record_by_uuid_and_language(client, records):
    key = records[0].translation_key
    fi = client.get(f"/api/ai-register/{key}/").json()
    sv = client.get(f"/api/ai-register/{key}/?lang=sv").json()
    assert fi["uuid"] == sv["uuid"] == str(key)
    assert (fi["lang"], sv["lang"]) == ("fi", "sv")
    assert sv["name"] == "System 0 (sv)"
    assert client.get(f"/api/ai-register/{uuid.uuid4()}/?lang=fi").status_code == 404


def test_unknown_language_is_a_bad_request(client, records):
    assert client.get("/api/ai-register/?lang=de").status_code == 400
    assert client.get("/api/ai-register.csv?lang=xx").status_code == 400


def test_drafts_are_not_served(client, records):
    AIRecordPageFactory(draft=True)
    assert client.get("/api/ai-register/?lang=fi").json()["count"] == 2


def test_csv_bom_header_order_and_inert_formulas(client, records):
    page = records[0]
    page.remark = '=HYPERLINK("http://evil")'
    page.save_revision().publish()
    response = client.get("/api/ai-register.csv?lang=en")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffstandard_version,uuid,lang,")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][: len(ATTRIBUTE_NAMES)] == ATTRIBUTE_NAMES
    assert rows[0][-1] == "extensions.fria_url"
    assert len(rows) == 3
    fi_rows = list(
        csv.reader(
            io.StringIO(client.get("/api/ai-register.csv").content.decode().lstrip("\ufeff"))
        )
    )
    remark = fi_rows[0].index("remark")
    assert any(row[remark] == '\'=HYPERLINK("http://evil")' for row in fi_rows[1:])
