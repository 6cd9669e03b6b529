"""Two people racing for the last seat on PostgreSQL: one confirmed, one on the waiting list.

Each thread has its own database connection and both call the registration service at the same
moment (a barrier releases them together). Counting seats is slowed down on purpose, so without
the row lock both would see a free seat and both would be confirmed.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from events import registration as service
from events.models import EventPage, Registration, RegistrationLock

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="real row locks need PostgreSQL; SQLite serialises writers with IMMEDIATE transactions",
)


def test_two_concurrent_registrations_for_the_last_seat(demo_site, monkeypatch):
    event = EventPage.objects.get(locale__language_code="fi", slug="ai-aamu-tuleva-1")
    event.capacity = 1
    event.registration_closes = timezone.now() + timedelta(days=1)
    event.start = max(event.start, timezone.now() + timedelta(days=1, hours=1))
    event.end = event.start + timedelta(hours=1)
    event.save()
    # An earlier sign-up already created the lock row: the race is then decided by the row lock.
    RegistrationLock.objects.get_or_create(event_key=event.translation_key)

    real_count = service.confirmed_count

    def slow_count(evt):
        count = real_count(evt)
        time.sleep(0.3)  # widen the race window
        return count

    monkeypatch.setattr(service, "confirmed_count", slow_count)
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def sign_up(email: str) -> None:
        try:
            page = EventPage.objects.get(pk=event.pk)
            barrier.wait(timeout=10)
            registration = service.register(
                page, service.RegistrationData(name=email, email=email), language="fi"
            )
            results[email] = registration.status
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(f"{n}@example.org",)) for n in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sorted(results.values()) == ["confirmed", "waiting"]
    assert Registration.objects.filter(event=event, status="confirmed").count() == 1
