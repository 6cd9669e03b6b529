"""Sending a newsletter issue to the confirmed subscribers of its language.

The issue page type lives in the home app (``home.NewsletterIssuePage``); its public function
``home.newsletter.render_email(issue, unsubscribe_url) -> (subject, text, html)`` renders each
recipient's mail. Tests may pass another renderer to ``process``.

Resumability: ``start`` creates one ``NewsletterDelivery`` row per recipient (a unique constraint
on (send, subscriber) makes that idempotent). ``process`` claims each pending row with a
conditional UPDATE (pending → sending) before talking to the mail server and marks it ``sent``
afterwards, so a rerun never mails a sent row again and picks up every pending or failed one.
When the backend raises, the row is marked failed and the run stops; the next run retries it.
A row left in ``sending`` by a hard crash mid-SMTP is reported in the admin and only resent with
``send_newsletter --resend-interrupted`` (the mail may or may not have left).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from . import mail
from .models import NewsletterDelivery, NewsletterSend, Subscriber

logger = logging.getLogger(__name__)
RENDERER_PATH = "home.newsletter.render_email"

Renderer = Callable[[Any, str], tuple[str, str, str]]


class IssueLike(Protocol):
    title: str
    locale: Any


def get_renderer() -> Renderer:
    return import_string(RENDERER_PATH)


def _message(issue, subscriber_or_email, renderer: Renderer, unsubscribe_url: str):
    subject, text, html = renderer(issue, unsubscribe_url)
    to = getattr(subscriber_or_email, "email", subscriber_or_email)
    return mail.build_message(to, subject, text, html, mail.unsubscribe_headers(unsubscribe_url))


def send_test(send: NewsletterSend, email: str, renderer: Renderer | None = None) -> None:
    """Send the issue to a staff member first; raises on failure so staff see the error."""
    issue = send.issue
    url = mail.absolute("members_unsubscribe", issue.locale.language_code, token="test")
    _message(issue, email, renderer or get_renderer(), url).send()
    send.test_sent_at = timezone.now()
    send.save(update_fields=["test_sent_at"])


def start(send: NewsletterSend) -> int:
    """Create the delivery rows for every confirmed subscriber of the issue's language."""
    language = send.issue.locale.language_code
    recipients = Subscriber.objects.filter(status="confirmed", language=language)
    NewsletterDelivery.objects.bulk_create(
        [NewsletterDelivery(send=send, subscriber=s) for s in recipients.only("pk")],
        ignore_conflicts=True,
        batch_size=500,
    )
    if send.status in ("draft", "queued"):
        send.status = NewsletterSend.SendStatus.SENDING
        send.started_at = send.started_at or timezone.now()
        send.save(update_fields=["status", "started_at"])
    return send.deliveries.count()


def process(
    send: NewsletterSend,
    renderer: Renderer | None = None,
    resend_interrupted: bool = False,
) -> dict[str, int]:
    """Send every pending or failed delivery of ``send``; stop at the first backend failure."""
    renderer = renderer or get_renderer()
    issue = send.issue
    if send.status != NewsletterSend.SendStatus.DONE:
        start(send)  # a finished send never picks up people who subscribed afterwards
    retry = ["pending", "failed"] + (["sending"] if resend_interrupted else [])
    send.deliveries.filter(status__in=retry).exclude(subscriber__status="confirmed").update(
        status="skipped"
    )
    queue = (
        send.deliveries.filter(status__in=retry, subscriber__status="confirmed")
        .select_related("subscriber")
        .order_by("pk")
    )
    sent = 0
    for delivery in queue.iterator():
        claimed = NewsletterDelivery.objects.filter(pk=delivery.pk, status__in=retry).update(
            status="sending", attempts=delivery.attempts + 1
        )
        if not claimed:
            continue  # another worker took it
        subscriber = delivery.subscriber
        try:
            _message(issue, subscriber, renderer, mail.unsubscribe_url(subscriber)).send()
        except Exception as exc:
            NewsletterDelivery.objects.filter(pk=delivery.pk).update(
                status="failed", error=f"{type(exc).__name__}: {exc}"[:2000]
            )
            logger.warning("Newsletter send %s stopped: %s", send.pk, exc)
            break
        NewsletterDelivery.objects.filter(pk=delivery.pk).update(
            status="sent", sent_at=timezone.now(), error=""
        )
        sent += 1
    stats = progress(send)
    if stats["pending"] == 0 and stats["failed"] == 0 and stats["sending"] == 0:
        send.status = NewsletterSend.SendStatus.DONE
        send.finished_at = timezone.now()
        send.save(update_fields=["status", "finished_at"])
    stats["sent_now"] = sent
    return stats


def progress(send: NewsletterSend) -> dict[str, int]:
    counts = send.deliveries.aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status="sent")),
        pending=Count("pk", filter=Q(status="pending")),
        sending=Count("pk", filter=Q(status="sending")),
        failed=Count("pk", filter=Q(status="failed")),
    )
    return {k: v or 0 for k, v in counts.items()}


def process_queued(renderer: Renderer | None = None) -> list[dict[str, int]]:
    """Process every send staff have started (status queued or sending)."""
    return [
        process(s, renderer)
        for s in NewsletterSend.objects.filter(status__in=["queued", "sending"])
    ]
