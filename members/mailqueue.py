"""The outgoing-mail queue: every mail the site sends is stored first and delivered afterwards.

Why: a mail server that hangs or fails must never cost a visitor their submission, block a
request's database transaction, or lose the mail. So:

- ``EMAIL_BACKEND`` is :class:`QueueBackend`. Anything that calls Django's mail API (our forms,
  event confirmations, Wagtail's workflow notices, password resets, report reminders) stores an
  :class:`~members.models.OutgoingEmail` row per recipient, inside the caller's transaction.
- After that transaction commits, one delivery attempt is made at once (``MAIL_SEND_AFTER_COMMIT``,
  bounded by ``EMAIL_TIMEOUT``); the worker (``manage.py run_worker``) delivers whatever is left
  and retries failures with a growing pause, up to ``MAIL_MAX_ATTEMPTS``.
- The real backend (SMTP in production) is ``MAIL_DELIVERY_BACKEND``, set from the ``EMAIL_BACKEND``
  environment variable; only this module talks to it.

Claims and the crash window are described in :mod:`cms.worker` and docs/deployment.md.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from datetime import timedelta
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags

from cms.worker import claim, send_transaction, stopping, worker_id

from . import conf
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

BATCH_SIZE = 20  # rows claimed at once; small, so a slow server holds few claims
MAX_RETRY_PAUSE = 3600  # seconds: retries wait 1, 2, 4 … minutes, at most an hour


# Once sent, a mail's content is dropped: bodies hold password-reset links, cancel and confirm
# tokens, and personal details that nobody needs to read back (recipient, subject, purpose and
# times stay, for support and the retention purge).
SENT_CONTENT_CLEARED = {"body_text": "", "body_html": "", "headers": {}, "attachments": []}


class LeaseLost(Exception):
    """Another worker took the row over (our lease ran out); the send must not be recorded."""


def delivery_connection(**kwargs) -> BaseEmailBackend:
    """A connection to the real mail backend (SMTP in production), never to the queue itself."""
    if f"{__name__}.QueueBackend" == settings.MAIL_DELIVERY_BACKEND:
        raise ImproperlyConfigured("EMAIL_BACKEND must name a real backend, not the mail queue.")
    return get_connection(backend=settings.MAIL_DELIVERY_BACKEND, fail_silently=False, **kwargs)


class QueueBackend(BaseEmailBackend):
    """A Django e-mail backend that stores messages in the queue instead of sending them."""

    def send_messages(self, email_messages: Iterable[EmailMessage]) -> int:
        stored = 0
        for message in email_messages:
            try:
                if enqueue(message):
                    stored += 1
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Could not queue a mail")
        return stored


def _attachment_record(attachment) -> dict:
    if isinstance(attachment, MIMEBase):
        filename = attachment.get_filename() or "attachment"
        mimetype = attachment.get_content_type()
        content = attachment.get_payload(decode=True) or b""
    else:
        filename, content, mimetype = attachment[0], attachment[1], attachment[2]
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename or "attachment",
        "mimetype": mimetype or "application/octet-stream",
        "content": base64.b64encode(content).decode("ascii"),
    }


def enqueue(message: EmailMessage, purpose: str = "") -> list[OutgoingEmail]:
    """Store ``message`` as one queued row per recipient; delivery follows the commit.

    Other apps label their mails without importing this module: a ``purpose`` attribute set on
    the message is kept (e.g. ``message.purpose = "event-registration"``).
    """
    purpose = purpose or str(getattr(message, "purpose", ""))
    html = ""
    for alternative in getattr(message, "alternatives", []) or []:
        if alternative[1] == "text/html":
            html = alternative[0]
    text = message.body
    if message.content_subtype == "html":
        html, text = message.body, strip_tags(message.body)
    headers = {str(k): str(v) for k, v in message.extra_headers.items()}
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(message.reply_to))
    attachments = [_attachment_record(a) for a in message.attachments]
    rows = [
        OutgoingEmail.objects.create(
            to=recipient,
            from_email=message.from_email or "",
            subject=str(message.subject)[:250],
            body_text=text,
            body_html=html,
            headers=headers,
            attachments=attachments,
            purpose=purpose[:40],
        )
        for recipient in dict.fromkeys(message.recipients())
    ]
    _deliver_after_commit([row.pk for row in rows])
    return rows


def queue_email(
    to: str,
    subject: str,
    text: str,
    *,
    html: str = "",
    headers: dict | None = None,
    purpose: str = "",
    attachments: list[tuple[str, bytes | str, str]] | None = None,
) -> OutgoingEmail:
    """Queue one mail to one address (delivered after the current transaction commits)."""
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    (row,) = enqueue(message, purpose=purpose)
    return row


def _deliver_after_commit(pks: list[int]) -> None:
    if pks and getattr(settings, "MAIL_SEND_AFTER_COMMIT", True):
        transaction.on_commit(lambda: send_pending(only=pks), robust=True)


def _message_id(row: OutgoingEmail) -> str:
    """The same Message-ID on every attempt, so a receiver can recognise a repeated delivery."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    return f"<sotecms-mail-{row.pk}-{int(row.created.timestamp())}@{domain}>"


def build_message(row: OutgoingEmail) -> EmailMultiAlternatives:
    """The queued row as a message for the delivery backend, attachments included."""
    headers = dict(row.headers or {})
    headers.setdefault("Message-ID", _message_id(row))
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body_text,
        from_email=row.from_email or settings.DEFAULT_FROM_EMAIL,
        to=[row.to],
        headers=headers,
    )
    if row.body_html:
        message.attach_alternative(row.body_html, "text/html")
    for attachment in row.attachments or []:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


def ready(now=None) -> QuerySet:
    """Rows a worker may claim: due and pending, or abandoned by a worker whose lease ran out."""
    now = now or timezone.now()
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.MailStatus.PENDING, next_attempt_at__lte=now)
        | Q(status=OutgoingEmail.MailStatus.SENDING, claimed_until__lt=now)
    )


def retry_pause(attempts: int) -> timedelta:
    return timedelta(seconds=min(MAX_RETRY_PAUSE, 60 * 2 ** max(0, attempts - 1)))


def _record_failure(row: OutgoingEmail, worker: str, exc: Exception) -> None:
    attempts = row.attempts + 1
    gave_up = attempts >= conf.setting_int("MAIL_MAX_ATTEMPTS")
    OutgoingEmail.objects.filter(pk=row.pk, claimed_by=worker).update(
        status=OutgoingEmail.MailStatus.FAILED if gave_up else OutgoingEmail.MailStatus.PENDING,
        attempts=attempts,
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
        next_attempt_at=timezone.now() + retry_pause(attempts),
        claimed_until=None,
    )


def _release(ids: list[int], worker: str) -> None:
    """Give claimed rows back untouched (the batch stopped before reaching them)."""
    OutgoingEmail.objects.filter(
        pk__in=ids, claimed_by=worker, status=OutgoingEmail.MailStatus.SENDING
    ).update(status=OutgoingEmail.MailStatus.PENDING, claimed_until=None)


def _deliver_claimed(ids: list[int], worker: str) -> tuple[int, int, bool]:
    """Send the claimed rows over one connection; stop at the first failure (server trouble)."""
    rows = list(OutgoingEmail.objects.filter(pk__in=ids, claimed_by=worker).order_by("pk"))
    connection = delivery_connection()
    sent = failed = 0
    opened = False
    try:
        for index, row in enumerate(rows):
            try:
                with send_transaction():
                    if not opened:
                        connection.open()
                        opened = True
                    connection.send_messages([build_message(row)])
                    marked = OutgoingEmail.objects.filter(
                        pk=row.pk, claimed_by=worker, status=OutgoingEmail.MailStatus.SENDING
                    ).update(
                        status=OutgoingEmail.MailStatus.SENT,
                        sent_at=timezone.now(),
                        attempts=F("attempts") + 1,
                        last_error="",
                        claimed_until=None,
                        **SENT_CONTENT_CLEARED,
                    )
                    if not marked:
                        raise LeaseLost(row.pk)
            except LeaseLost:
                logger.warning("Mail %s was taken over by another worker (lease expired)", row.pk)
                continue
            except Exception as exc:  # any backend failure: keep the mail for a later attempt
                logger.warning("Sending mail %s failed: %s", row.pk, exc)
                _record_failure(row, worker, exc)
                _release([r.pk for r in rows[index + 1 :]], worker)
                return sent, failed + 1, True
            sent += 1
    finally:
        if opened:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - a broken connection is closed as well as it can be
                logger.debug("Closing the mail connection failed", exc_info=True)
    return sent, failed, False


def send_pending(
    limit: int | None = None, *, only: list[int] | None = None, worker: str | None = None
) -> tuple[int, int]:
    """Deliver due mails (all of them, or ``only`` these ids); returns (sent, failed). Never
    raises for a mail-server failure: the failure is recorded on the row and retried later."""
    worker = worker or worker_id()
    sent = failed = 0
    remaining = limit
    while remaining is None or remaining > 0:
        batch = BATCH_SIZE if remaining is None else min(BATCH_SIZE, remaining)
        candidates = ready()
        if only is not None:
            candidates = candidates.filter(pk__in=only)
        ids = claim(candidates, limit=batch, worker=worker, status=OutgoingEmail.MailStatus.SENDING)
        if not ids:
            break
        batch_sent, batch_failed, stopped = _deliver_claimed(ids, worker)
        sent, failed = sent + batch_sent, failed + batch_failed
        if remaining is not None:
            remaining -= len(ids)
        if stopped or stopping():
            break
    return sent, failed


def deliver(pk: int) -> bool:
    """Try to send one queued mail now (if it is due); True when it has been sent."""
    send_pending(only=[pk])
    return OutgoingEmail.objects.filter(pk=pk, status=OutgoingEmail.MailStatus.SENT).exists()
