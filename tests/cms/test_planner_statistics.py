"""SQLite gets query-planner statistics from the worker (daily) and after bulk loads: without
them it sorts every page of a language for "the next three events" (docs/performance.md)."""

from __future__ import annotations

import pytest
from django.db import connection

from cms import worker
from cms.planner_statistics import REFRESH_EVERY_SECONDS, refresh_planner_statistics
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def _statistics_of(table: str) -> list[str]:
    with connection.cursor() as cursor:
        exists = cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone()[0]
        if not exists:
            return []
        rows = cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = %s", [table]).fetchall()
    return [idx for (idx,) in rows]


def test_the_worker_refreshes_the_statistics_once_a_day():
    job = worker.jobs()["planner-statistics"]
    assert job.run is refresh_planner_statistics
    assert job.every == REFRESH_EVERY_SECONDS == 86_400


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum analyses")
def test_sqlite_has_statistics_for_the_event_start_index_after_a_refresh(locale_tree):
    for day in range(1, 6):
        EventPageFactory(title=f"Tapahtuma {day}")
    if _statistics_of("events_eventpage"):  # a demo loaded earlier on this worker analysed
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1")  # rolled back with the test
    assert "event_start_idx" not in _statistics_of("events_eventpage")

    assert refresh_planner_statistics() == 0  # a pass that leaves no work waiting

    assert "event_start_idx" in _statistics_of("events_eventpage")


def test_a_refresh_is_harmless_on_any_database(locale_tree):
    assert refresh_planner_statistics() == 0
    assert refresh_planner_statistics() == 0
