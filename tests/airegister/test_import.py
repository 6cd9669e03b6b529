"""``manage.py import_ai_register``: records in the API's JSON shape; export → import round trip."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from airegister.models import AIRecordPage
from tests.factories import AIRecordPageFactory, RegisterIndexPageFactory, translate_record

pytestmark = pytest.mark.django_db


def _export(client, language: str) -> list[dict]:
    return client.get(f"/api/ai-register/?lang={language}").json()["records"]


def test_export_import_round_trip(client, locale_tree, tmp_path):
    for language in ("fi", "sv", "en"):
        RegisterIndexPageFactory(language=language, slug=f"rekisteri-{language}")
    made = [AIRecordPageFactory(title=f"Järjestelmä {n}", remark=f"Huom {n}") for n in range(2)]
    for record in made:
        for language in ("sv", "en"):
            translate_record(record, language, title=f"{record.title} {language}")
    before = {lang: _export(client, lang) for lang in ("fi", "sv", "en")}
    path = tmp_path / "register.json"
    path.write_text(
        json.dumps({"records": [r for records in before.values() for r in records]}),
        encoding="utf-8",
    )
    AIRecordPage.objects.all().delete()
    assert _export(client, "fi") == []

    call_command("import_ai_register", str(path))

    after = {lang: _export(client, lang) for lang in ("fi", "sv", "en")}
    assert after == before
    # Importing again updates in place: nothing new.
    call_command("import_ai_register", str(path))
    assert AIRecordPage.objects.count() == 6


def test_import_updates_existing_record_and_rejects_bad_codes(client, tmp_path):
    RegisterIndexPageFactory()
    record = AIRecordPageFactory()
    exported = _export(client, "fi")[0]
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{**exported, "goal": "Päivitetty tavoite"}]), encoding="utf-8")
    call_command("import_ai_register", str(path))
    record.refresh_from_db()
    assert record.goal == "Päivitetty tavoite"
    path.write_text(json.dumps([{**exported, "status": "kokeilu"}]), encoding="utf-8")
    with pytest.raises(CommandError, match="status"):
        call_command("import_ai_register", str(path))
