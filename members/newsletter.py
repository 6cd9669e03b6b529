"""Sending a newsletter issue to the confirmed subscribers of its language.

The issue page type lives in the home app (``home.NewsletterIssuePage``); its public function
``home.newsletter.render_email(issue, unsubscribe_url) -> (subject, text, html)`` renders each
recipient's mail. Tests may pass another renderer to ``process``.

Resumability and several workers: ``start`` creates one ``NewsletterDelivery`` row per recipient
(a unique constraint on (send, subscriber) makes that idempotent). ``process`` claims a batch of
ready rows (``cms.worker.claim``: ``SKIP LOCKED`` on PostgreSQL, a lease in ``claimed_until``),
sends each over the real mail backend and marks it ``sent`` (on PostgreSQL in the same
transaction as the send). Two workers therefore never take the same row, and a row whose worker
died is taken again once its lease has run out: nobody is skipped. The one window left is a
worker killed after the mail server accepted a mail and before the "sent" mark committed: that
recipient gets the issue twice (documented in docs/deployment.md). When the backend raises, the
row is marked failed and the pass stops; the next pass retries it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from django.core.mail import EmailMultiAlternatives
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from cms.worker import claim, send_transaction, stopping, worker_id

from . import conf, mail
from .mailqueue import BATCH_SIZE, LeaseLost, delivery_connection
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
    message = EmailMultiAlternatives(
        subject, text, to=[to], headers=mail.unsubscribe_headers(unsubscribe_url)
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def send_test(send: NewsletterSend, email: str, renderer: Renderer | None = None) -> None:
    """Send the issue to a staff member at once (not queued: staff want to see an error now);
    raises on failure. ``EMAIL_TIMEOUT`` bounds the wait on a mail server that does not answer."""
    issue = send.issue
    url = mail.absolute("members_unsubscribe", issue.locale.language_code, token="test")
    message = _message(issue, email, renderer or get_renderer(), url)
    delivery_connection().send_messages([message])
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


def _ready(send: NewsletterSend, resend_interrupted: bool):
    now = timezone.now()
    ready = (
        Q(status="pending")
        | Q(status="failed", attempts__lt=conf.setting_int("MAIL_MAX_ATTEMPTS"))
        | Q(status="sending", claimed_until__lt=now)
    )
    if resend_interrupted:
        ready |= Q(status="sending")
    return send.deliveries.filter(ready, subscriber__status="confirmed")


def _send_claimed(send, ids, renderer, connection, worker) -> tuple[int, bool]:
    """Send the claimed deliveries; returns (sent, stopped at a failure)."""
    deliveries = list(
        NewsletterDelivery.objects.filter(pk__in=ids, claimed_by=worker)
        .select_related("subscriber")
        .order_by("pk")
    )
    sent = 0
    for index, delivery in enumerate(deliveries):
        subscriber = delivery.subscriber
        mine = NewsletterDelivery.objects.filter(
            pk=delivery.pk, claimed_by=worker, status="sending"
        )
        try:
            with send_transaction():
                message = _message(
                    send.issue, subscriber, renderer, mail.unsubscribe_url(subscriber)
                )
                connection.open()  # the first call connects; later ones find it open
                connection.send_messages([message])
                if not mine.update(
                    status="sent",
                    sent_at=timezone.now(),
                    error="",
                    attempts=F("attempts") + 1,
                    claimed_until=None,
                ):
                    raise LeaseLost(delivery.pk)
        except LeaseLost:
            continue
        except Exception as exc:
            mine.update(
                status="failed",
                error=f"{type(exc).__name__}: {exc}"[:2000],
                attempts=F("attempts") + 1,
                claimed_until=None,
            )
            NewsletterDelivery.objects.filter(
                pk__in=[d.pk for d in deliveries[index + 1 :]], claimed_by=worker, status="sending"
            ).update(status="pending", claimed_until=None)
            logger.warning("Newsletter send %s stopped: %s", send.pk, exc)
            return sent, True
        sent += 1
    return sent, False


def process(
    send: NewsletterSend,
    renderer: Renderer | None = None,
    resend_interrupted: bool = False,
    worker: str | None = None,
) -> dict[str, int]:
    """Send every ready delivery of ``send``; stop at the first backend failure."""
    renderer = renderer or get_renderer()
    worker = worker or worker_id()
    if send.status != NewsletterSend.SendStatus.DONE:
        start(send)  # a finished send never picks up people who subscribed afterwards
    send.deliveries.filter(status__in=["pending", "failed"]).exclude(
        subscriber__status="confirmed"
    ).update(status="skipped")
    connection = delivery_connection()
    sent = 0
    try:
        while True:
            ids = claim(
                _ready(send, resend_interrupted), limit=BATCH_SIZE, worker=worker, status="sending"
            )
            if not ids:
                break
            batch_sent, stopped = _send_claimed(send, ids, renderer, connection, worker)
            sent += batch_sent
            if stopped or stopping():
                break
    finally:
        connection.close()
    stats = progress(send)
    retryable = send.deliveries.filter(
        status="failed", attempts__lt=conf.setting_int("MAIL_MAX_ATTEMPTS")
    ).exists()
    if stats["pending"] == 0 and stats["sending"] == 0 and not retryable:
        NewsletterSend.objects.filter(pk=send.pk).exclude(status="done").update(
            status=NewsletterSend.SendStatus.DONE, finished_at=timezone.now()
        )
        send.refresh_from_db(fields=["status", "finished_at"])
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


def run_queued_sends() -> int:
    """Worker job: process every started send; returns how many mails went out."""
    return sum(stats["sent_now"] for stats in process_queued())
