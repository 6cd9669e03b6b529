"""A mail server that accepts connections and never answers loses nothing and blocks no one.

Real sockets: a thread on 127.0.0.1 accepts SMTP connections and stays silent; the site's SMTP
backend talks to it with a short ``EMAIL_TIMEOUT``. Then a real (tiny) SMTP server takes over and
the worker delivers every queued mail exactly once.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration
from members.models import OutgoingEmail, SubscribePage, Subscriber
from tests.mailservers import HungServer, SmtpRecorder

from .conftest import form_data

pytestmark = pytest.mark.django_db(transaction=True)

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _open_event() -> EventPage:
    index = EventIndexPage.objects.get(locale__language_code="fi", slug="tapahtumat")
    start = timezone.now() + timedelta(days=10)
    event = EventPage(
        title="Katkostilaisuus",
        slug="katkostilaisuus",
        event_type="seminar",
        event_format="on_site",
        venue="Helsinki",
        start=start,
        end=start + timedelta(hours=1),
        registration_mode="form",
        capacity=10,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def test_hung_mail_server_loses_nothing_and_the_worker_sends_each_mail_once(demo_site, settings):
    settings.FORM_RATE_LIMIT = "1000/m"
    settings.MAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 2
    event = _open_event()
    subscribe_page = SubscribePage.objects.get(locale__language_code="fi")
    answers = {}

    def subscribe() -> None:
        try:
            answers["subscribe"] = Client().post(
                subscribe_page.url, form_data(email="katko@example.org", language="fi")
            )
        finally:
            connection.close()  # this thread's own database connection

    with HungServer() as hung:
        settings.EMAIL_PORT = hung.port
        visitor = threading.Thread(target=subscribe)
        visitor.start()
        assert hung.accepted.wait(60), "the subscription never tried to send its mail"
        # The request is now waiting on the silent server, and its subscription is committed
        # already: another connection sees it.
        assert Subscriber.objects.filter(email="katko@example.org", status="pending").exists()
        # Meanwhile another visitor registers for an event: stored and answered.
        registered = Client().post(
            event.url,
            {
                "name": "Toinen Kävijä",
                "email": "kavija@example.org",
                "consent": "on",
                "website_url": "",
            },
        )
        assert registered.status_code == 302
        visitor.join(60)
        assert not visitor.is_alive()
    assert answers["subscribe"].status_code == 302  # answered, not a 500
    assert Registration.objects.filter(event=event, email="kavija@example.org").exists()
    queued = OutgoingEmail.objects.filter(to__in=["katko@example.org", "kavija@example.org"])
    assert sorted(queued.values_list("status", flat=True)) == ["pending", "pending"]
    assert all(m.attempts == 1 and m.last_error for m in queued)

    with SmtpRecorder() as recorder:
        settings.EMAIL_PORT = recorder.port
        queued.update(next_attempt_at=timezone.now())  # the retry pause has passed
        call_command("run_worker", once=True, only="mail", verbosity=0)
        call_command("run_worker", once=True, only="mail", verbosity=0)  # again: nothing new
        assert recorder.recipients() == ["katko@example.org", "kavija@example.org"]
        by_recipient = {d.recipients[0]: d.message for d in recorder.deliveries}
    confirmation = by_recipient["kavija@example.org"]
    calendars = [p for p in confirmation.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    assert b"BEGIN:VCALENDAR" in calendars[0].get_payload(decode=True)
    body = next(
        p.get_payload(decode=True).decode()
        for p in confirmation.walk()
        if p.get_content_type() == "text/plain"
    )
    assert "/cancel/" in body
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}
