"""Newsletter sending: resumable after a failure halfway, nobody twice, nobody skipped."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse

from members import newsletter
from members.models import NewsletterDelivery, NewsletterSend, Subscriber
from tests.factories import NewsletterIssuePageFactory, StandardPageFactory

from .backends import FlakyBackend

pytestmark = pytest.mark.django_db
FLAKY = "tests.members.backends.FlakyBackend"


@pytest.fixture
def issue():
    """A published Finnish newsletter issue."""
    return NewsletterIssuePageFactory()


@pytest.fixture
def audience():
    confirmed = [
        Subscriber.objects.create(email=f"fi{i}@example.org", language="fi", status="confirmed")
        for i in range(7)
    ]
    Subscriber.objects.create(email="sv@example.org", language="sv", status="confirmed")
    Subscriber.objects.create(email="pending@example.org", language="fi", status="pending")
    Subscriber.objects.create(email="gone@example.org", language="fi", status="unsubscribed")
    return confirmed


@pytest.fixture
def flaky():
    FlakyBackend.delivered = 0
    FlakyBackend.fail_after = None
    with override_settings(MAIL_DELIVERY_BACKEND=FLAKY):
        yield FlakyBackend
    FlakyBackend.fail_after = None


def test_failure_halfway_then_rerun_sends_everyone_exactly_once(issue, audience, flaky):
    send = NewsletterSend.objects.create(issue=issue, status="queued")
    flaky.fail_after = 3
    first = newsletter.process(send)
    assert first["sent"] == 3 and first["failed"] == 1 and first["pending"] == 3
    send.refresh_from_db()
    assert send.status == "sending"
    failed = send.deliveries.get(status="failed")
    assert "connection lost" in failed.error

    flaky.fail_after = None
    out = io.StringIO()
    call_command("send_newsletter", stdout=out)
    assert "7/7 sent" in out.getvalue()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(s.email for s in audience)  # each exactly once, nobody else
    send.refresh_from_db()
    assert send.status == "done" and send.finished_at

    # A further run (e.g. a timer firing again) sends nothing.
    newsletter.process(send)
    assert len(mail.outbox) == 7


def test_each_mail_has_a_personal_one_click_unsubscribe(issue, audience, flaky):
    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.process(send)
    links = {m.extra_headers["List-Unsubscribe"] for m in mail.outbox}
    assert len(links) == 7
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert url in message.body  # the fallback renderer also prints it in the text
    # The link works: it unsubscribes exactly that person.
    from django.test import Client

    target = mail.outbox[0]
    url = target.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    Client().post(url)
    assert Subscriber.objects.get(email=target.to[0]).status == "unsubscribed"


def test_interrupted_delivery_waits_for_its_lease_or_an_explicit_resend(issue, audience, flaky):
    from datetime import timedelta

    from django.utils import timezone

    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.start(send)
    crashed = send.deliveries.order_by("pk").first()
    # A worker claimed it and is still inside its lease (alive or not, we cannot tell yet).
    NewsletterDelivery.objects.filter(pk=crashed.pk).update(
        status="sending", claimed_by="other", claimed_until=timezone.now() + timedelta(minutes=5)
    )
    newsletter.process(send)
    assert crashed.subscriber.email not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 6
    send.refresh_from_db()
    assert send.status == "sending"  # not done while a delivery is claimed
    # Once the lease has run out, the next pass takes it over: nobody is skipped.
    NewsletterDelivery.objects.filter(pk=crashed.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    newsletter.process(send)
    assert len(mail.outbox) == 7
    send.refresh_from_db()
    assert send.status == "done"


def test_resend_interrupted_does_not_wait_for_the_lease(issue, audience, flaky):
    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.start(send)
    crashed = send.deliveries.order_by("pk").first()
    NewsletterDelivery.objects.filter(pk=crashed.pk).update(status="sending")
    newsletter.process(send, resend_interrupted=True)
    assert len(mail.outbox) == 7


def test_delivery_rows_are_unique_per_subscriber(issue, audience):
    send = NewsletterSend.objects.create(issue=issue)
    assert newsletter.start(send) == 7
    assert newsletter.start(send) == 7  # idempotent
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterDelivery.objects.create(send=send, subscriber=audience[0])


def test_real_issue_mail_has_the_issue_and_a_personal_unsubscribe_link(issue, audience, flaky):
    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.process(send)
    message = next(m for m in mail.outbox if m.to == ["fi0@example.org"])
    assert issue.title in message.subject
    html = message.alternatives[0].content
    assert "<link" not in html and "newsletter/unsubscribe/" in message.body


def test_renderer_is_pluggable(issue, audience, flaky):

    def render(issue_page, unsubscribe_url):
        return f"Uutiskirje: {issue_page.title}", f"Teksti\n{unsubscribe_url}", "<p>HTML</p>"

    send = NewsletterSend.objects.create(issue=issue, status="queued")
    newsletter.process(send, renderer=render)
    assert mail.outbox[0].subject == f"Uutiskirje: {issue.title}"
    assert mail.outbox[0].alternatives[0].content == "<p>HTML</p>"


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("viestinta", "viestinta@example.org", "x")
    client.force_login(user)
    return user


def test_admin_requires_a_test_send_before_sending(client, staff, issue, audience, flaky):
    send = NewsletterSend.objects.create(issue=issue, created_by=staff)
    url = reverse("members_newsletter_send", args=[send.pk])
    client.post(url, {"action": "start"})
    send.refresh_from_db()
    assert send.status == "draft" and not send.deliveries.exists()

    client.post(url, {"action": "test"})
    send.refresh_from_db()
    assert send.test_sent_at is not None
    assert [m.to for m in mail.outbox] == [["viestinta@example.org"]]

    client.post(url, {"action": "start"})
    send.refresh_from_db()
    assert send.status == "sending" and send.deliveries.count() == 7
    page = client.get(url)
    assert page.status_code == 200
    assert "Progress" in page.content.decode() or "Edistyminen" in page.content.decode()
    listing = client.get(reverse("members_newsletter_sends:index"))
    assert listing.status_code == 200


def test_newsletter_admin_is_staff_only(client, issue):
    send = NewsletterSend.objects.create(issue=issue)
    response = client.get(reverse("members_newsletter_send", args=[send.pk]))
    assert response.status_code in (302, 403)


def test_only_a_newsletter_issue_can_be_sent(client, staff, issue):
    add = reverse("members_newsletter_sends:add")
    about = StandardPageFactory()
    refused = client.post(add, {"issue": about.pk})
    assert refused.status_code == 200  # the form again, with an error on the issue field
    assert not NewsletterSend.objects.exists()
    accepted = client.post(add, {"issue": issue.pk})
    assert accepted.status_code == 302
    assert NewsletterSend.objects.get().issue == issue
