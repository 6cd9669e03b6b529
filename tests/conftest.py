"""Shared fixtures: demo content loaded once per test database, and real Chromium for e2e tests."""

from __future__ import annotations

import io
import os
import sqlite3

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; each ``db`` test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", skip_index=True, verbosity=0, stdout=io.StringIO())


def ensure_site_tree() -> None:
    """Recreate what the data migrations made (locales, root, front page, site) after a flush.

    Transactional tests empty every table when they end; the next one rebuilds the base here.
    """
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    if Site.objects.exists():
        return
    finnish = Locale.objects.get_or_create(language_code="fi")[0]
    for code in ("sv", "en"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=finnish)
    )
    home = HomePage(
        title="Etusivu", slug="etusivu", hero_title="SOTE-tekoälyn ekosysteemi", locale=finnish
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)


_sqlite_snapshot: sqlite3.Connection | None = None


def _in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.fixture
def demo_site(transactional_db):
    """Demo content for tests that need committed data (live server, threads).

    Building the demo site takes many seconds; on the in-memory SQLite test database it is built
    once and then copied back with SQLite's backup API before each test that needs it.
    """
    global _sqlite_snapshot
    from django.core.cache import cache
    from django.db import connection

    if _in_memory_sqlite() and _sqlite_snapshot is not None:
        connection.ensure_connection()
        _sqlite_snapshot.backup(connection.connection)
        cache.clear()
        return
    ensure_site_tree()
    call_command("load_demo_content", skip_index=True, verbosity=0, stdout=io.StringIO())
    if _in_memory_sqlite():
        _sqlite_snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_sqlite_snapshot)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; no background traffic to the outside."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages, menus and rate-limit counters of a
    rolled-back test must not leak into the next one. Every alias: with Redis the lockout and
    rate-limit counters live in their own database ("security")."""
    from django.core.cache import caches

    for configured in caches.all():
        configured.clear()
