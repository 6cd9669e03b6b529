"""On-site registration: capacity and waiting list, closing time, e-mail with .ics, cancellation."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.FORM_RATE_LIMIT = "1000/m"


@pytest.fixture
def open_event(make_event):
    start = timezone.now() + timedelta(days=10)
    return make_event(
        start=start,
        end=start + timedelta(hours=1),
        registration_mode="form",
        capacity=1,
        waiting_list=True,
        online_link="https://example.org/secret-meeting",
        online_link_visibility="registered",
    )


def post(client, event, **overrides):
    data = {
        "name": "Testi Henkilö",
        "email": "testi@example.org",
        "organisation": "Esimerkki Oy",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return client.post(event.url, data)


def test_last_seat_confirmed_then_waiting_list(client, open_event):
    first = post(client, open_event)
    assert first.status_code == 302
    second = post(client, open_event, email="toinen@example.org", name="Toinen")
    assert second.status_code == 302
    statuses = dict(Registration.objects.filter(event=open_event).values_list("email", "status"))
    assert statuses == {"testi@example.org": "confirmed", "toinen@example.org": "waiting"}
    page = client.get(second["Location"]).content.decode()
    assert "jonotuslistalla" in page or "waiting list" in page


def test_confirmation_mail_has_ics_private_link_and_cancel_link(client, open_event):
    post(client, open_event)
    (message,) = mail.outbox
    assert message.to == ["testi@example.org"]
    assert open_event.title in message.subject
    assert "https://example.org/secret-meeting" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    event = next(c for c in Calendar.from_ical(content).walk() if c.name == "VEVENT")
    assert str(event["uid"]) == open_event.ical_uid
    assert re.search(r"/fi/event-registration/cancel/[^/\s]+/", message.body)


def test_cancelling_promotes_the_first_on_the_waiting_list(client, open_event):
    post(client, open_event)
    post(client, open_event, email="toinen@example.org", name="Toinen")
    post(client, open_event, email="kolmas@example.org", name="Kolmas")
    cancel_path = re.search(r"https?://[^/]+(/\S+/cancel/\S+/)", mail.outbox[0].body).group(1)
    mail.outbox.clear()

    confirm = client.get(cancel_path)  # GET only asks: link scanners must not cancel
    assert confirm.status_code == 200
    assert Registration.objects.get(email="testi@example.org").status == "confirmed"

    assert client.post(cancel_path).status_code == 200
    statuses = dict(Registration.objects.filter(event=open_event).values_list("email", "status"))
    assert statuses == {
        "testi@example.org": "cancelled",
        "toinen@example.org": "confirmed",
        "kolmas@example.org": "waiting",
    }
    (promoted_mail,) = mail.outbox
    assert promoted_mail.to == ["toinen@example.org"]
    assert promoted_mail.attachments


def test_tampered_cancel_link_is_a_clear_400(client, open_event):
    post(client, open_event)
    cancel_path = re.search(r"https?://[^/]+(/\S+/cancel/\S+/)", mail.outbox[0].body).group(1)
    response = client.post(cancel_path.replace(":", "x", 1))
    assert response.status_code == 400
    assert Registration.objects.get(email="testi@example.org").status == "confirmed"


def test_registration_after_closing_time_is_a_clear_error(client, open_event):
    open_event.registration_closes = timezone.now() - timedelta(minutes=1)
    open_event.save_revision().publish()
    page = client.get(open_event.url).content.decode()
    assert "Ilmoittautuminen tähän tapahtumaan on päättynyt" in page or "has closed" in page
    response = post(client, open_event)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ilmoittautuminen tähän tapahtumaan on päättynyt" in html or "has closed" in html
    assert not Registration.objects.filter(event=open_event).exists()


def test_missing_consent_and_bad_email_show_field_errors(client, open_event):
    response = post(client, open_event, consent="", email="not-an-email")
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_rejects_bots(client, open_event):
    response = post(client, open_event, website_url="http://spam.example")
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.redis
def test_rate_limit_answers_429(client, open_event, settings):
    settings.FORM_RATE_LIMIT = "1/m"
    from django.core.cache import cache

    cache.clear()
    assert post(client, open_event).status_code == 302
    assert post(client, open_event, email="b@example.org").status_code == 429


def test_staff_csv_export_lists_participants(admin_client, open_event):
    Registration.objects.create(
        event=open_event,
        event_key=open_event.translation_key,
        name="Vienti Testaaja",
        email="vienti@example.org",
        status="confirmed",
    )
    response = admin_client.get(f"/admin/events/registrations/?export=csv&event={open_event.pk}")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "vienti@example.org" in body and "Vienti Testaaja" in body


def test_registrations_are_not_public(client, open_event):
    response = client.get("/admin/events/registrations/?export=csv")
    assert response.status_code == 302  # to the login page
    assert "vienti" not in response.content.decode()


def test_purge_deletes_only_registrations_of_events_past_retention(make_event, settings):
    old = make_event(
        start=timezone.now() - timedelta(days=200), end=timezone.now() - timedelta(days=199)
    )
    recent = make_event(
        start=timezone.now() - timedelta(days=10), end=timezone.now() - timedelta(days=9)
    )
    for event in (old, recent):
        Registration.objects.create(
            event=event,
            event_key=event.translation_key,
            name="X",
            email="x@example.org",
            status="confirmed",
        )
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 90
    call_command("purge_event_registrations", stdout=__import__("io").StringIO())
    assert list(Registration.objects.values_list("event_id", flat=True)) == [recent.pk]


def test_end_before_start_is_a_validation_error(make_event):
    from django.core.exceptions import ValidationError

    event = make_event()
    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_event_page_tells_when_the_event_is_full(client, open_event):
    assert "1 paikka jäljellä" in client.get(open_event.url).content.decode()
    post(client, open_event)
    html = client.get(open_event.url).content.decode()
    assert "Tapahtuma on täynnä. Voit ilmoittautua jonotuslistalle." in html
