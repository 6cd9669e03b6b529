"""The outgoing-mail queue and the signed links used in mails.

``queue_email`` stores the message first and then tries to send it once; a failure is recorded on
the row and never reaches the visitor. ``send_pending_mail`` (management command) retries.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone, translation

from . import conf
from .models import OutgoingEmail, Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "members.newsletter.confirm"
UNSUBSCRIBE_SALT = "members.newsletter.unsubscribe"


def _email_digest(email: str) -> str:
    """Binds a token to the address without putting the address itself in URLs and logs."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:token:{email.lower()}".encode()).hexdigest()[:16]


def _token_value(subscriber: Subscriber) -> str:
    return f"{subscriber.pk}.{_email_digest(subscriber.email)}"


def confirm_token(subscriber: Subscriber) -> str:
    """An expiring token for the double opt-in link (checked against NEWSLETTER_CONFIRM_MAX_AGE)."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(_token_value(subscriber))


def unsubscribe_token(subscriber: Subscriber) -> str:
    """A non-expiring token: an unsubscribe link in an old mail must keep working."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(_token_value(subscriber))


def _subscriber_from(value: str) -> Subscriber | None:
    pk, _sep, digest = value.partition(".")
    if not pk.isdigit() or len(pk) > 18:
        return None
    subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    if subscriber is None or _email_digest(subscriber.email) != digest:
        return None
    return subscriber


def subscriber_for_confirm_token(token: str) -> tuple[Subscriber | None, str]:
    """(subscriber, "") for a good token, else (None, "expired" | "invalid")."""
    max_age = conf.setting_int("NEWSLETTER_CONFIRM_MAX_AGE") * 86400
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token[:300], max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    subscriber = _subscriber_from(value)
    return subscriber, "" if subscriber else "invalid"


def subscriber_for_unsubscribe_token(token: str) -> Subscriber | None:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token[:300])
    except signing.BadSignature:
        return None
    return _subscriber_from(value)


def absolute(url_name: str, language: str, **kwargs) -> str:
    """A public, language-prefixed absolute URL for a mail (no request needed)."""
    with translation.override(language):
        return conf.public_base_url() + reverse(url_name, kwargs=kwargs)


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute("members_unsubscribe", subscriber.language, token=unsubscribe_token(subscriber))


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 / RFC 8058 one-click unsubscribe headers."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_message(
    to: str, subject: str, text: str, html: str = "", headers: dict | None = None
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def queue_email(
    to: str,
    subject: str,
    text: str,
    *,
    html: str = "",
    headers: dict | None = None,
    purpose: str = "",
    send_now: bool = True,
) -> OutgoingEmail:
    """Store the mail, then try to send it once; a failure leaves it queued for the retry command."""
    mail = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:250],
        body_text=text,
        body_html=html,
        headers=headers or {},
        purpose=purpose,
    )
    if send_now:
        deliver(mail.pk)
    return mail


def deliver(pk: int) -> bool:
    """Send one queued mail if it is still pending; record success or the error. Never raises."""
    mail = OutgoingEmail.objects.filter(pk=pk).first()
    if mail is None or mail.status == OutgoingEmail.MailStatus.SENT:
        return mail is not None
    mail.attempts += 1
    try:
        build_message(mail.to, mail.subject, mail.body_text, mail.body_html, mail.headers).send()
    except Exception as exc:  # any backend failure: keep the mail for the retry command
        logger.warning("Sending mail %s failed: %s", pk, exc)
        max_attempts = conf.setting_int("MAIL_MAX_ATTEMPTS")
        mail.status = "failed" if mail.attempts >= max_attempts else "pending"
        mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        mail.save(update_fields=["attempts", "status", "last_error"])
        return False
    mail.status = OutgoingEmail.MailStatus.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def send_pending(limit: int = 500) -> tuple[int, int]:
    """Retry queued mails; returns (sent, failed)."""
    sent = failed = 0
    for pk in (
        OutgoingEmail.objects.filter(status="pending")
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    ):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
