"""Backups of the database and uploaded media into ``backups/<timestamp>/``, and restoring them.

- SQLite: a consistent copy with SQLite's online backup API (safe while the site is running,
  unlike copying the file, which can catch a half-written WAL).
- PostgreSQL: ``pg_dump --format=custom``; restored with ``pg_restore --clean`` in one
  transaction, so a failed restore leaves the database as it was.
- Media: a gzipped tarball of ``MEDIA_ROOT``; restoring swaps the whole directory, so files
  uploaded after the backup disappear too and the database and files agree.

Each backup has a ``manifest.json`` saying what it holds. After a restore the page cache is
invalidated (cached pages show the state before the restore).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

from cms.cache import bump_generation

DB_SQLITE = "db.sqlite3"
DB_POSTGRES = "db.dump"
MEDIA_TARBALL = "media.tar.gz"
MANIFEST = "manifest.json"


def backup_root() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", "") or settings.BASE_DIR / "backups")


def _database() -> dict:
    return settings.DATABASES["default"]


def _engine() -> str:
    engine = _database()["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise CommandError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _pg_env() -> tuple[dict[str, str], list[str]]:
    db = _database()
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(root: Path | None = None) -> Path:
    """Write a new backup directory and return its path."""
    engine = _engine()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = Path(root or backup_root()) / stamp
    target.mkdir(parents=True, exist_ok=False)

    if engine == "sqlite":
        source = sqlite3.connect(str(_database()["NAME"]))
        destination = sqlite3.connect(str(target / DB_SQLITE))
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
    else:
        env, args = _pg_env()
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / DB_POSTGRES)]
            + args,
            env,
        )

    media_root = Path(settings.MEDIA_ROOT)
    has_media = media_root.is_dir()
    if has_media:
        with tarfile.open(target / MEDIA_TARBALL, "w:gz") as archive:
            archive.add(media_root, arcname="media")

    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "engine": engine,
        "database": DB_SQLITE if engine == "sqlite" else DB_POSTGRES,
        "media": MEDIA_TARBALL if has_media else None,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def latest_backup(root: Path | None = None) -> Path:
    base = root or backup_root()
    candidates = (
        sorted(p for p in base.glob("*") if (p / MANIFEST).is_file()) if base.is_dir() else []
    )
    if not candidates:
        raise CommandError(f"No backups in {base}.")
    return candidates[-1]


def _restore_media(tarball: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with tarfile.open(tarball, "r:gz") as archive:
            archive.extractall(staging, filter="data")  # no absolute paths, links or devices
        restored = staging / "media"
        restored.mkdir(exist_ok=True)
        old = media_root.with_name(media_root.name + ".before-restore")
        if old.exists():
            shutil.rmtree(old)
        if media_root.exists():
            media_root.rename(old)
        restored.rename(media_root)
        if old.exists():
            shutil.rmtree(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_backup(source: Path) -> dict:
    """Replace the database and media with the backup in ``source``; returns its manifest."""
    manifest_path = source / MANIFEST
    if not manifest_path.is_file():
        raise CommandError(f"{source} is not a backup (no {MANIFEST}).")
    manifest = json.loads(manifest_path.read_text())
    engine = _engine()
    if manifest["engine"] != engine:
        raise CommandError(
            f"The backup is of a {manifest['engine']} database; this site uses {engine}."
        )
    connections.close_all()
    if engine == "sqlite":
        backup_db = sqlite3.connect(str(source / manifest["database"]))
        live_db = sqlite3.connect(str(_database()["NAME"]), timeout=30)
        try:
            backup_db.backup(live_db)  # page by page, under SQLite's own locking
        finally:
            live_db.close()
            backup_db.close()
    else:
        env, args = _pg_env()
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
            + args
            + [str(source / manifest["database"])],
            env,
        )
    if manifest.get("media"):
        _restore_media(source / manifest["media"])
    bump_generation()
    return manifest
