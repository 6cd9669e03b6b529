"""Background work: the job registry that ``manage.py run_worker`` runs, and row claiming.

Apps register their jobs in ``AppConfig.ready()`` with :func:`register_job` (the mail queue,
newsletter sending, scheduled publishing, report reminders, PDF text extraction), so the worker
never imports a domain app and each app keeps its own work.

Claiming rows of a queue table (:func:`claim`) is how several workers share one queue without
sending anything twice or skipping anything:

- On PostgreSQL the candidate rows are selected ``FOR UPDATE SKIP LOCKED`` inside a short
  transaction and stamped with the worker's id and a lease (``claimed_until``) before it commits,
  so a second worker running the same query at the same moment skips them instead of waiting,
  and once committed they no longer match the "ready" filter.
- On SQLite there are no row locks; the project's write transactions are ``IMMEDIATE``, so two
  claimers are serialised anyway, but run one worker (documented in docs/deployment.md).
- A worker that dies after claiming leaves the lease to expire (``WORKER_LEASE_SECONDS``); the
  rows then match the "ready" filter again and any worker picks them up.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

JobFunction = Callable[[], int]


@dataclass(frozen=True)
class Job:
    """``run()`` does one bounded pass of work and returns how many items it handled."""

    name: str
    run: JobFunction
    every: int  # seconds between passes in the loop (a pass that did work repeats at once)


_jobs: dict[str, Job] = {}
_stop = threading.Event()


def register_job(name: str, run: JobFunction, every: int = 5) -> None:
    """Add (or replace, by name) a job of ``run_worker``."""
    _jobs[name] = Job(name, run, every)


def jobs() -> dict[str, Job]:
    return dict(_jobs)


def request_stop() -> None:
    """Ask running jobs to return after their current batch (SIGTERM in ``run_worker``)."""
    _stop.set()


def stopping() -> bool:
    """Jobs check this between batches, so a stopped worker never leaves a batch half-claimed."""
    return _stop.is_set()


def worker_id() -> str:
    """Who holds a claim: host and process, so an operator can tell workers apart."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "WORKER_LEASE_SECONDS", 600))


def claim(ready: QuerySet, *, limit: int, worker: str, **stamp) -> list[int]:
    """Claim up to ``limit`` rows of ``ready`` for ``worker``; returns their ids, oldest first.

    ``ready`` must exclude rows another worker holds (an unexpired ``claimed_until``); the claimed
    rows get ``claimed_by``, ``claimed_until`` and whatever ``stamp`` sets (e.g. a status).
    """
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            ready.select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        if ids:
            ready.model.objects.filter(pk__in=ids).update(
                claimed_by=worker, claimed_until=now + lease(), **stamp
            )
    return ids


def send_transaction() -> AbstractContextManager:
    """The transaction a send and its "sent" mark share, where that costs no one anything.

    On PostgreSQL the send and the mark commit together, so a worker killed mid-send leaves the
    row claimed-but-unsent (resent after the lease), never sent-but-unmarked when the backend is
    transactional. On SQLite a write transaction locks the whole database, which must never wait
    on a mail server: there the mark follows the send in its own short transaction.
    """
    if connection.vendor == "sqlite":
        return nullcontext()
    return transaction.atomic()
