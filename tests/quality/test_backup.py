"""``backup`` then ``restore`` reproduces pages, documents (with their files), members and every
other row of the project's apps exactly — with the real commands, on a real SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)

PROBE = r"""
import hashlib, json, sys
import django
django.setup()
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command

APPS = ["cms", "editorial", "home", "members", "pilots", "coordination", "reports", "events",
        "search"]
MODELS = ["wagtailcore.Page", "wagtailcore.Revision", "wagtaildocs.Document",
          "wagtailimages.Image", "wagtailcore.Locale", "wagtailcore.Site"]


def fingerprint():
    data = {}
    models = [apps.get_model(m) for m in MODELS]
    for label in APPS:
        models += list(apps.get_app_config(label).get_models())
    for model in models:
        data[model._meta.label] = list(model.objects.order_by("pk").values())
    from wagtail.documents.models import Document
    data["files"] = {
        d.file.name: hashlib.sha256(d.file.read()).hexdigest() for d in Document.objects.all()
    }
    return json.dumps(data, default=str, sort_keys=True)


action = sys.argv[1]
from wagtail.documents.models import Document
from wagtail.models import Page
from members.models import MemberOrganisation

if action == "prepare":
    Document.objects.create(title="Vuosiraportti",
                            file=ContentFile(b"%PDF-1.4 vuosiraportti", name="vuosiraportti.pdf"))
    if not MemberOrganisation.objects.exists():
        from wagtail.models import Locale
        MemberOrganisation.objects.create(name="Testiyhdistys", slug="testiyhdistys",
            organisation_type="association", locale=Locale.objects.get(language_code="fi"))
    print(fingerprint())
    call_command("backup", output=sys.argv[2], stdout=sys.stderr)
elif action == "damage":
    before = fingerprint()
    MemberOrganisation.objects.all().delete()
    for document in Document.objects.all():
        document.file.delete()
        document.delete()
    Document.objects.create(title="Uusi", file=ContentFile(b"%PDF-1.4 uusi", name="uusi.pdf"))
    page = Page.objects.get(slug="tietoa").specific
    page.title = "Muutettu"
    page.save_revision().publish()
    assert fingerprint() != before
    call_command("restore", sys.argv[2], interactive=False, stdout=sys.stderr)
elif action == "fingerprint":
    print(fingerprint())
"""


def _run(action: str, arg: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, action, arg],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_restore_reproduces_the_site_exactly(demo_site, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL path (pg_dump/pg_restore) is exercised by `make backup`")
    db_file = tmp_path / "site.sqlite3"
    connection.ensure_connection()
    # A file copy of the in-memory test database with the demo content (committed data: the
    # demo_site fixture is transactional, so no transaction holds a lock here).
    connection.ensure_connection()
    target = sqlite3.connect(str(db_file))
    connection.connection.backup(target)
    target.close()
    media = tmp_path / "media"
    # The demo documents live in the test process's temporary media folder: give the
    # copy of the site the same files.
    from django.core.files.storage import default_storage
    from wagtail.documents import get_document_model

    demo_files = []
    for document in get_document_model().objects.all():
        path = media / document.file.name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(document.file.name, "rb") as source:
            path.write_bytes(source.read())
        demo_files.append(document.file.name)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "MEDIA_ROOT": str(media),
        "PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
        "LOG_LEVEL": "WARNING",
    }
    backups = tmp_path / "backups"

    before = _run("prepare", str(backups), env)
    (backup_dir,) = list(backups.iterdir())
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["engine"] == "sqlite" and manifest["media"] == "media.tar.gz"

    _run("damage", str(backup_dir), env)
    after = _run("fingerprint", "-", env)

    assert json.loads(after) == json.loads(before)
    data = json.loads(after)
    assert data["members.MemberOrganisation"], "members were backed up"
    assert any(p["slug"] == "tietoa" for p in data["wagtailcore.Page"])
    assert sorted(data["files"]) == sorted([*demo_files, "documents/vuosiraportti.pdf"])
    assert not (media / "documents" / "uusi.pdf").exists()  # uploaded after the backup
