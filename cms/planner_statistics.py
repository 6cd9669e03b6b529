"""Query-planner statistics for SQLite: refreshed after bulk writes and once a day by the worker.

SQLite keeps no statistics until ``ANALYZE`` runs, and without them its planner reads "the three
newest pilot updates" or "the next twelve events" through the language's index and sorts every
page of the language: at bench scale (12,000 pages) 6–7 ms per such query, 0.1–0.2 ms with
statistics, when it walks the date index (or, for the news, reads the news table instead of
every page of the language; docs/performance.md). PostgreSQL's autovacuum keeps its
own statistics, so there this does nothing.
"""

from __future__ import annotations

from django.db import connection

#: Once a day is enough: the statistics describe the shape of the indexes, which changes slowly.
REFRESH_EVERY_SECONDS = 24 * 3600


def refresh_planner_statistics() -> int:
    """``ANALYZE`` on SQLite (a tenth of a second at bench scale); returns 0, as a worker job
    whose pass leaves nothing waiting."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return 0


def register() -> None:
    from cms.worker import register_job

    register_job("planner-statistics", refresh_planner_statistics, every=REFRESH_EVERY_SECONDS)
