"""Two real worker processes drain one newsletter send of 500 on PostgreSQL: each recipient gets
exactly one mail, and killing a worker halfway (SIGKILL) and starting it again changes nothing.

The workers are ``manage.py run_worker`` subprocesses on the test database. Their delivery backend
records each mail as a row of a table, in the same transaction as the worker's "sent" mark, so
the count is exact across processes and across the kill.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from home.models import NewsletterIssuePage
from members import newsletter
from members.models import NewsletterDelivery, NewsletterSend, Subscriber

from .backends import RECORDING_TABLE

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several workers need row locks (SKIP LOCKED); on SQLite one worker runs",
    ),
    pytest.mark.django_db(transaction=True),
]

RECIPIENTS = 500
ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _start_worker(log_dir: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _database_url(),
        "TEST_EMAIL_BACKEND": "tests.members.backends.DatabaseRecordingBackend",
        "TEST_MAIL_DELAY": "0.01",
        "WORKER_LEASE_SECONDS": "3",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--only", "newsletter", "--sleep", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(log_dir / f"worker-{time.monotonic_ns()}.log").open("wb"),
    )


def _recorded() -> list[tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT recipient, pid FROM {RECORDING_TABLE}")
        return cursor.fetchall()


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def recording_table():
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {RECORDING_TABLE} "
            "(id serial PRIMARY KEY, recipient text NOT NULL, subject text, pid integer)"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {RECORDING_TABLE}")


def test_two_workers_send_each_of_500_mails_exactly_once_across_a_kill(
    demo_site, recording_table, tmp_path
):
    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="fi").first()
    Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"lukija{i:03}@example.org", language="fi", status="confirmed")
            for i in range(RECIPIENTS)
        ]
    )
    expected = set(
        Subscriber.objects.filter(language="fi", status="confirmed").values_list("email", flat=True)
    )
    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.start(send)

    first, second = _start_worker(tmp_path), _start_worker(tmp_path)
    workers = [first, second]
    try:
        _wait_for(lambda: len(_recorded()) >= len(expected) // 3, 300, "a third to be sent")
        first.send_signal(signal.SIGKILL)  # mid-send: no clean-up, its claims stay behind
        first.wait(30)
        assert len(_recorded()) < len(expected), "the kill came too late to test anything"
        restarted = _start_worker(tmp_path)
        workers.append(restarted)
        _wait_for(lambda: NewsletterSend.objects.get(pk=send.pk).status == "done", 300, "the send")
    finally:
        for process in workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in workers:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()

    logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in tmp_path.glob("worker-*.log"))
    recorded = _recorded()
    recipients = [recipient for recipient, _pid in recorded]
    assert len(recipients) == len(expected), logs  # nobody twice …
    assert set(recipients) == expected  # … and nobody skipped
    assert len({pid for _recipient, pid in recorded}) >= 2  # the work really was shared
    statuses = set(NewsletterDelivery.objects.filter(send=send).values_list("status", flat=True))
    assert statuses == {"sent"}
    assert first.returncode == -signal.SIGKILL
