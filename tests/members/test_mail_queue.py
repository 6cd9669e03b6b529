"""A broken mail server never costs a visitor their submission; the retry command sends later."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from members.models import MembershipApplication, OutgoingEmail, Proposal, Subscriber

from .conftest import form_data

pytestmark = pytest.mark.django_db

BROKEN = "tests.members.backends.BrokenBackend"


def test_subscription_survives_a_failing_backend_and_is_sent_by_the_command(client, subscribe_page):
    with override_settings(EMAIL_BACKEND=BROKEN):
        response = client.post(
            subscribe_page.url, form_data(email="d@example.org", language="fi"), follow=True
        )
    assert response.status_code == 200
    assert "Kiitos" in response.content.decode()  # the visitor sees the thank-you text
    assert Subscriber.objects.filter(email="d@example.org", status="pending").exists()
    queued = OutgoingEmail.objects.get(to="d@example.org")
    assert queued.status == "pending" and queued.attempts == 1
    assert "mail server down" in queued.last_error
    assert mail.outbox == []

    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)
    queued.refresh_from_db()
    assert queued.status == "sent" and queued.attempts == 2
    (message,) = mail.outbox
    assert message.to == ["d@example.org"] and "/fi/newsletter/confirm/" in message.body
    # Running it again sends nothing twice.
    call_command("send_pending_mail", stdout=out)
    assert len(mail.outbox) == 1


def test_join_and_proposal_survive_a_failing_backend(client, join_page, proposal_pages):
    with override_settings(EMAIL_BACKEND=BROKEN):
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
    call_command("send_pending_mail", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["bo@example.org", "tiina@testi.example"]


@override_settings(EMAIL_BACKEND=BROKEN, MAIL_MAX_ATTEMPTS=2)
def test_mail_gives_up_after_max_attempts_and_says_why():
    from members.mail import queue_email, send_pending

    queued = queue_email("e@example.org", "Hei", "Teksti")
    assert send_pending() == (0, 1)
    queued.refresh_from_db()
    assert queued.status == "failed" and queued.attempts == 2
    assert send_pending() == (0, 0)  # failed mails are no longer retried automatically
