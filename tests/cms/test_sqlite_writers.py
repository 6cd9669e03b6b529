"""SQLite as the project opens it: WAL mode and a busy timeout, so one slow writer makes another
wait instead of failing with "database is locked" (checked on a real database file)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db.utils import ConnectionHandler

from cms.settings.base import SQLITE_OPTIONS


@pytest.fixture(autouse=True)
def _own_database_files(django_db_blocker):
    """These tests open their own database files, not the test database."""
    with django_db_blocker.unblock():
        yield


def _connect(path):
    """A new connection to ``path`` opened the way the project opens its SQLite database."""
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(path),
                "OPTIONS": SQLITE_OPTIONS,
            }
        }
    )
    return handler["default"]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    connection = _connect(tmp_path / "site.sqlite3")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20_000
    connection.close()


def test_a_second_writer_waits_for_a_slow_one_instead_of_failing(tmp_path):
    path = tmp_path / "site.sqlite3"
    other = _connect(path)
    with other.cursor() as cursor:
        cursor.execute("CREATE TABLE submission (email text)")
    holding = threading.Event()

    def slow_writer() -> None:
        slow = _connect(path)  # a connection belongs to the thread that made it
        with slow.cursor() as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO submission VALUES ('hidas@example.org')")
            holding.set()
            time.sleep(1.5)  # e.g. a request that took long (never a mail server: see mailqueue)
            cursor.execute("COMMIT")
        slow.close()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert holding.wait(10)
    with other.cursor() as cursor:
        cursor.execute("BEGIN IMMEDIATE")  # waits for the lock rather than raising
        cursor.execute("INSERT INTO submission VALUES ('toinen@example.org')")
        cursor.execute("COMMIT")
        rows = cursor.execute("SELECT email FROM submission ORDER BY email").fetchall()
    thread.join()
    assert [r[0] for r in rows] == ["hidas@example.org", "toinen@example.org"]
    other.close()
