"""Shared fixtures: the opt-in demo site, a small locale-aware page tree, real Chromium for e2e.

Tests build their own data with the factories in ``tests/factories`` on top of what the data
migrations make (fi/sv/en locales, the Finnish front page, the site, the editorial groups). A test
that really needs the whole demo site asks for it, in one of two ways:

* ``@pytest.mark.demo`` on the test, or ``pytestmark = pytest.mark.demo`` in the module: the demo
  is loaded (committed) once per test database, before the first such test; ``db`` tests still
  roll back their own changes. Transactional tests (``transactional_db``, ``live_server``) with
  the marker get the ``demo_site`` fixture instead, which reloads the demo after each flush.
* the ``demo`` fixture (session scope) or the ``demo_site`` fixture (transactional) by name.

The demo's own smoke tests and the modules not yet converted to factories are listed below
(``DEMO_SMOKE_MODULES``, ``LEGACY_DEMO_MODULES``) and get the marker at collection.

Tests that use the demo run after those that do not (see ``pytest_collection_modifyitems``), so a
test without the marker never sees demo content by accident in a whole-suite run.
"""

from __future__ import annotations

import io
import os
import sqlite3
import time
from collections.abc import Callable

import pytest
from django.core.management import call_command

from tests.factories.tree import LocaleTree, build_locale_tree

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"

# The demo's own smoke tests: they check what ``load_demo_content`` builds, so they always get it.
DEMO_SMOKE_MODULES = frozenset(
    {
        "tests/cms/test_demo_content.py",
        "tests/coordination/test_demo_and_admin.py",
        "tests/editorial/test_dashboard_and_demo.py",
        "tests/pilots/test_demo.py",
    }
)

# Modules written before the factories that still read demo pages by URL or slug. Their plain
# database tests (not transactional ones, which ask for ``demo_site`` themselves, nor tests
# without a database) are marked ``demo`` at collection; convert a module to factories and
# take it off this list. New modules use the marker or factories instead of joining the list.
LEGACY_DEMO_MODULES = frozenset(
    {
        "tests/editorial/test_editorial_browser.py",
        "tests/events/test_browser.py",
        "tests/events/test_concurrency.py",
        "tests/home/test_publications.py",
        "tests/members/test_browser.py",
        "tests/members/test_directory.py",
        "tests/members/test_join_and_admin.py",
        "tests/members/test_subscriptions.py",
        "tests/pilots/test_browser.py",
        "tests/quality/test_backup.py",
        "tests/quality/test_page_cache.py",
        "tests/quality/test_query_counts.py",
        "tests/quality/test_routing.py",
        "tests/quality/test_scaleout.py",
        "tests/quality/test_security.py",
        "tests/reports/test_use_cases.py",
        "tests/search/test_elasticsearch.py",
        "tests/search/test_relevance.py",
        "tests/search/test_views.py",
    }
)


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark the smoke and legacy modules' tests ``demo`` (so ``-m "not demo"`` selects the rest)."""
    module = item.nodeid.split("::", 1)[0]
    legacy = module in LEGACY_DEMO_MODULES and _group(item) == 0  # plain database tests only
    if module in DEMO_SMOKE_MODULES or legacy:
        item.add_marker(pytest.mark.demo)


def _needs_demo(item: pytest.Item) -> bool:
    """Marked ``demo``, or asking for the demo by fixture name (``usefixtures("demo")`` too):
    either way the test must run after the factory-built ones, which expect no demo pages."""
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("demo") is not None or "demo" in names or "demo_site" in names


def _is_transactional(item: pytest.Item) -> bool:
    """The same test as pytest-django's ordering: a flush-after-test database."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    flushed_by_marker = bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )
    return flushed_by_marker or "transactional_db" in names or "live_server" in names


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give marked tests the demo and run them after the tests that build their own data.

    pytest-django has already ordered the items (plain database tests, then transactional ones,
    then the rest); the stable sort keeps that order and moves demo tests to the end of each
    group, so the demo is loaded once, after every factory-built test of the group has run.
    """
    for item in items:
        if _needs_demo(item) and hasattr(item, "fixturenames"):
            fixture = "demo_site" if _is_transactional(item) else "demo"
            if fixture not in item.fixturenames:
                item.fixturenames.insert(0, fixture)
    items.sort(key=lambda item: (_group(item), _needs_demo(item)))


def _group(item: pytest.Item) -> int:
    """pytest-django's order: 0 database tests, 1 transactional ones, 2 the rest."""
    if _is_transactional(item):
        return 1
    names = getattr(item, "fixturenames", ())
    if item.get_closest_marker("django_db") or "db" in names:
        return 0
    return 2


def _load_demo_content() -> None:
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())


_sqlite_snapshots: dict[str, sqlite3.Connection] = {}

#: PostgreSQL snapshots: per name, each Django table's rows in COPY's binary format.
_postgres_snapshots: dict[str, dict[str, bytes]] = {}


def _in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def restore_or_build(name: str, build: Callable[[], None]) -> None:
    """Run ``build`` once per process, keep a copy of what it left under ``name`` and bring that
    copy back when asked again: the whole in-memory SQLite database through SQLite's backup API,
    or on PostgreSQL every Django table's rows through ``COPY`` (both well under a second, where
    ``build`` — the demo loader — takes one to two minutes). Other databases build every time."""
    from django.db import connection

    if _in_memory_sqlite():
        snapshot = _sqlite_snapshots.get(name)
        if snapshot is not None:
            from django.contrib.contenttypes.models import ContentType

            connection.ensure_connection()
            snapshot.backup(connection.connection)
            ContentType.objects.clear_cache()  # a flush since may have cached other ids
            return
        build()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _sqlite_snapshots[name] = snapshot
        return
    if _postgresql():
        tables = _postgres_snapshots.get(name)
        if tables is not None:
            _copy_tables_back(tables)
            return
        build()
        _postgres_snapshots[name] = _copy_tables_out()
        return
    build()


def _django_tables() -> list[str]:
    from django.db import connection

    return sorted(connection.introspection.django_table_names(only_existing=True))


def _copy_tables_out() -> dict[str, bytes]:
    """Every Django table's rows, as PostgreSQL's ``COPY … TO STDOUT`` writes them."""
    from django.db import connection

    tables: dict[str, bytes] = {}
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no ``copy``
        for table in _django_tables():
            quoted = connection.ops.quote_name(table)
            with raw.copy(f"COPY {quoted} TO STDOUT (FORMAT binary)") as copy:
                tables[table] = b"".join(bytes(block) for block in copy)
    return tables


def _copy_tables_back(tables: dict[str, bytes]) -> None:
    """Empty every Django table and load the snapshot's rows in one transaction (Django's
    foreign keys are deferred, so the order of the tables does not matter)."""
    from django.db import connection, transaction

    quoted = {table: connection.ops.quote_name(table) for table in _django_tables()}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(quoted.values())} CASCADE")
        raw = cursor.cursor
        for table, rows in tables.items():
            with raw.copy(f"COPY {quoted[table]} FROM STDIN (FORMAT binary)") as copy:
                copy.write(rows)
    _after_rows_restored()


def _build_demo() -> None:
    """The demo on a fresh install: the migrations' data (when recorded, that is whenever a
    collected test can empty the tables), then ``load_demo_content``. So the demo is the same
    whatever ran before on the worker, and the editor journeys' fresh install starts from it."""
    if _migrated_data is not None:
        restore_migrated_data()
    else:  # nothing collected empties a table: the database is still as the migrations left it
        ensure_site_tree()
    _load_demo_content()


def _restore_or_build_demo() -> None:
    """The demo site (building it takes about two minutes), then an empty cache."""
    from django.core.cache import cache

    restore_or_build("demo", _build_demo)
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _mail_goes_through_the_queue(django_test_environment):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the production path back: every
    mail is queued and the queue delivers into ``mail.outbox`` (``MAIL_DELIVERY_BACKEND``).
    A test reads what was sent with ``tests.mailqueue.delivered()``, as the worker would send it."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "members.mailqueue.QueueBackend"


#: What the migrations left in the test database, serialized before any test ran (see below).
_migrated_data: str | None = None

#: The fixtures that start from a fresh install (migrations' data restored, then the demo).
FRESH_INSTALL_FIXTURES = frozenset({"fresh_install", "migrated_database"})


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test databases; when a collected test starts from a fresh install, the
    migrations' data (locales, site, front page, groups, rights, workflow) is serialized here,
    before any test has run, so :func:`restore_migrated_data` can bring it back whatever ran
    earlier on this worker (a flush, a committed demo)."""
    global _migrated_data
    wanted = any(
        FRESH_INSTALL_FIXTURES & set(getattr(item, "fixturenames", ())) or _is_transactional(item)
        for item in request.session.items
    )
    if wanted and _migrated_data is None:
        from django.db import connection

        with django_db_blocker.unblock():
            _migrated_data = connection.creation.serialize_db_to_string()
    return django_db_setup


def restore_migrated_data() -> None:
    """Empty every table and load the migrations' data back: a freshly migrated database.

    Django's serialized rollback loads the same data on top of whatever the previous test left
    (after a flush its ``post_migrate`` handlers have already recreated content types and
    permissions under new ids), so the result depended on test order; emptying first does not.
    Loading keeps the rows' ids; on PostgreSQL the sequences are then moved past them (as
    ``loaddata`` does), so a row made later never reuses a restored id.
    """
    from django.db import connection

    if _migrated_data is None:
        raise RuntimeError("no fresh_install test was collected: migrations' data not recorded")
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_migrated_data)
    _after_rows_restored()


def _after_rows_restored() -> None:
    """After rows were loaded back under their old ids: move the sequences past those ids (as
    ``loaddata`` does), so a row made later never reuses one, and forget the content types
    cached since (a flush's ``post_migrate`` recreates them under new ids, and id 1 would then
    name another model)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection

    models = apps.get_models(include_auto_created=True)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


def _build_fresh_install() -> None:
    """The demo (copied back, or built on the migrations' data), then the demo editors."""
    if _migrated_data is None:
        raise RuntimeError("no fresh_install test was collected: migrations' data not recorded")
    restore_or_build("demo", _build_demo)
    call_command("load_editorial_demo", force=True, stdout=io.StringIO())


def restore_or_build_fresh_install() -> None:
    """A fresh install with the demo and the demo editors: exactly the migrations' data, then
    ``load_demo_content``, then ``load_editorial_demo`` (nothing granted by hand). Built once
    per process on top of the demo snapshot, which is itself the migrations' data plus
    ``load_demo_content``, so a worker that also runs demo tests loads the demo once, not twice;
    then copied back like the demo (:func:`restore_or_build`)."""
    restore_or_build("fresh_install", _build_fresh_install)


@pytest.fixture
def migrated_database(transactional_db) -> None:
    """A freshly migrated database for a transactional test, whatever ran before it."""
    restore_migrated_data()


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker) -> None:
    """The demo site, committed once per test database for the ``db`` tests that ask for it.

    Each test still runs in a transaction that is rolled back, so the demo stays as loaded.
    """
    global _demo_committed
    with django_db_blocker.unblock():
        _restore_or_build_demo()
    _demo_committed = True


#: Set once the ``demo`` fixture has committed the demo: the ``db`` tests that use it run last
#: in their group, but the transactional tests come after them and expect a migrated database.
_demo_committed = False


@pytest.fixture(autouse=True)
def _transactional_tests_start_from_the_migrations(request):
    """The first transactional test after the committed demo starts from the migrations' data
    (a transactional test empties the database only when it ends; before this, the first one on
    a worker met the demo's pages: "slug 'tekoalyrekisteri' is already in use")."""
    global _demo_committed
    if _demo_committed and _is_transactional(request.node):
        request.getfixturevalue("transactional_db")
        restore_migrated_data()
        _demo_committed = False


#: How long the end of a live-server test waits for a request the browser left running.
LIVE_SERVER_IDLE_SECONDS = 15


@pytest.fixture(autouse=True)
def _live_server_idle_before_the_flush(request):
    """A browser test can end while the live server still answers a request the page started
    (the admin's background fetches). On the shared in-memory SQLite that request holds a table
    lock, and the flush that ends the test failed with "database table is locked": shared-cache
    locks are not retried by SQLite's busy timeout. Torn down after ``page`` and before the
    flush (pytest-django's live-server helper sets up ``transactional_db`` before this), it waits
    until a write transaction can start."""
    yield
    if "live_server" not in request.fixturenames or not _in_memory_sqlite():
        return
    from django.db import OperationalError, connection

    deadline = time.monotonic() + LIVE_SERVER_IDLE_SECONDS
    while True:
        try:
            with connection.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("ROLLBACK")
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture
def demo_site(transactional_db) -> None:
    """The demo site for tests that need committed data (live server, threads): rebuilt (or
    copied back from the in-memory snapshot) after the flush that ends each transactional test."""
    _restore_or_build_demo()


@pytest.fixture
def locale_tree(db) -> LocaleTree:
    """The Finnish front page the migrations made, with its published sv and en translations."""
    return build_locale_tree()


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
