"""A broken mail server never costs a visitor their submission; the worker sends later, once."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from members import mailqueue
from members.models import MembershipApplication, OutgoingEmail, Proposal, Subscriber

from .conftest import form_data

pytestmark = pytest.mark.django_db

BROKEN = "tests.members.backends.BrokenBackend"


def _make_due() -> None:
    """Skip the retry pause (as if its minutes had passed)."""
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())


def test_subscription_is_stored_and_sent_by_the_worker_after_a_failure(client, subscribe_page):
    response = client.post(
        subscribe_page.url, form_data(email="d@example.org", language="fi"), follow=True
    )
    assert response.status_code == 200
    assert "Kiitos" in response.content.decode()  # the visitor sees the thank-you text
    assert Subscriber.objects.filter(email="d@example.org", status="pending").exists()
    queued = OutgoingEmail.objects.get(to="d@example.org")
    assert queued.status == "pending" and queued.purpose == "newsletter-confirm"

    with override_settings(MAIL_DELIVERY_BACKEND=BROKEN):
        assert mailqueue.send_pending() == (0, 1)
    queued.refresh_from_db()
    assert queued.status == "pending" and queued.attempts == 1
    assert "mail server down" in queued.last_error
    assert queued.next_attempt_at > timezone.now() + timedelta(seconds=50)  # a pause first
    assert mailqueue.send_pending() == (0, 0)  # not due yet
    assert mail.outbox == []

    _make_due()
    out = io.StringIO()
    call_command("run_worker", once=True, only="mail", stdout=out)
    queued.refresh_from_db()
    assert queued.status == "sent" and queued.attempts == 2 and queued.claimed_until is None
    assert queued.body_text == "" and queued.headers == {}  # its tokens are not kept once sent
    (message,) = mail.outbox
    assert message.to == ["d@example.org"] and "/fi/newsletter/confirm/" in message.body
    # Running it again sends nothing twice.
    call_command("run_worker", once=True, only="mail", stdout=out)
    assert len(mail.outbox) == 1


def test_join_and_proposal_are_stored_whatever_the_mail_server_does(
    client, join_page, proposal_pages
):
    joined = client.post(
        join_page.url,
        form_data(
            organisation_name="Testi Oy",
            contact_name="Tiina Testaaja",
            email="tiina@testi.example",
            organisation_type="company",
        ),
    )
    proposed = client.post(
        proposal_pages["blog"].url,
        form_data(
            name="Bo", email="bo@example.org", title="Blogi", description="Tekoäly kotihoidossa"
        ),
    )
    assert joined.status_code == proposed.status_code == 302
    assert MembershipApplication.objects.filter(email="tiina@testi.example").exists()
    assert Proposal.objects.filter(email="bo@example.org", kind="blog").exists()
    assert OutgoingEmail.objects.filter(status="pending").count() == 2
    call_command("send_pending_mail", stdout=io.StringIO())  # the old command still works
    assert sorted(m.to[0] for m in mail.outbox) == ["bo@example.org", "tiina@testi.example"]


@override_settings(MAIL_DELIVERY_BACKEND=BROKEN, MAIL_MAX_ATTEMPTS=2)
def test_mail_gives_up_after_max_attempts_and_says_why():
    queued = mailqueue.queue_email("e@example.org", "Hei", "Teksti")
    assert mailqueue.send_pending() == (0, 1)
    _make_due()
    assert mailqueue.send_pending() == (0, 1)
    queued.refresh_from_db()
    assert queued.status == "failed" and queued.attempts == 2
    _make_due()
    assert mailqueue.send_pending() == (0, 0)  # failed mails are no longer retried automatically


def test_any_django_mail_is_queued_with_its_attachments_and_headers():
    """Django's mail API (used by Wagtail's workflow notices, password resets …) lands in the
    queue, and what the worker sends is the same message, .ics attachment included."""
    message = EmailMessage(
        "Kalenteri",
        "Liitteenä kalenteri.",
        to=["a@example.org", "b@example.org"],
        headers={"X-Test": "1"},
        reply_to=["vastaus@example.org"],
    )
    message.attach("tapahtuma.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    assert message.send() == 1
    send_mail("Toinen", "Teksti", None, ["c@example.org"], html_message="<p>HTML</p>")
    rows = OutgoingEmail.objects.order_by("pk")
    assert [r.to for r in rows] == ["a@example.org", "b@example.org", "c@example.org"]
    assert mail.outbox == []  # nothing sent inside the caller's transaction

    mailqueue.send_pending()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"a@example.org", "b@example.org", "c@example.org"}
    calendar = by_recipient["a@example.org"]
    (attachment,) = calendar.attachments
    assert attachment[0] == "tapahtuma.ics" and attachment[2] == "text/calendar"
    assert "BEGIN:VCALENDAR" in (
        attachment[1].decode() if isinstance(attachment[1], bytes) else attachment[1]
    )
    assert calendar.extra_headers["X-Test"] == "1"
    assert calendar.extra_headers["Reply-To"] == "vastaus@example.org"
    assert calendar.extra_headers["Message-ID"].startswith("<sotecms-mail-")
    assert by_recipient["c@example.org"].alternatives[0][0] == "<p>HTML</p>"


def test_a_worker_that_died_mid_send_is_taken_over_after_its_lease():
    queued = mailqueue.queue_email("f@example.org", "Hei", "Teksti")
    # Another worker claimed it and died: its lease has not run out yet.
    OutgoingEmail.objects.filter(pk=queued.pk).update(
        status="sending",
        claimed_by="dead-worker",
        claimed_until=timezone.now() + timedelta(minutes=5),
    )
    assert mailqueue.send_pending() == (0, 0)
    OutgoingEmail.objects.filter(pk=queued.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    assert mailqueue.send_pending() == (1, 0)
    assert [m.to for m in mail.outbox] == [["f@example.org"]]
    assert mailqueue.send_pending() == (0, 0)


def test_delivery_after_commit_happens_once(django_capture_on_commit_callbacks):
    """The commit of the submission triggers one attempt; the worker then finds nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        mailqueue.queue_email("g@example.org", "Hei", "Teksti")
        assert mail.outbox == []
    assert [m.to for m in mail.outbox] == [["g@example.org"]]
    assert mailqueue.send_pending() == (0, 0)
    assert len(mail.outbox) == 1


def test_the_queue_is_never_its_own_delivery_backend():
    from django.core.exceptions import ImproperlyConfigured

    with (
        override_settings(MAIL_DELIVERY_BACKEND="members.mailqueue.QueueBackend"),
        pytest.raises(ImproperlyConfigured),
    ):
        mailqueue.delivery_connection()
