"""Signed links used in mails, and the queue's entry points (re-exported from ``mailqueue``).

``queue_email`` stores the message; it is sent after the caller's transaction commits or by the
worker, and a failure is recorded on the row, never shown to the visitor (see ``mailqueue``).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from . import conf
from .mailqueue import deliver, queue_email, send_pending  # noqa: F401 - the public entry points
from .models import Subscriber

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
