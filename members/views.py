"""The newsletter confirm/unsubscribe views (the public forms themselves are in ``public_forms``).

Every POST is rate limited per IP and answered with 429 over the limit.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from cms.protection import client_ip, rate_limited, too_many_requests

from . import mail
from .models import (
    ConsentRecord,
    Subscriber,
    ip_hash,
)


def confirm_subscription(request: HttpRequest, token: str) -> HttpResponse:
    """Double opt-in: GET shows a button (link scanners do not confirm), POST confirms."""
    subscriber, problem = mail.subscriber_for_confirm_token(token)
    if subscriber is None or subscriber.status == Subscriber.SubscriberStatus.UNSUBSCRIBED:
        return _action_page(request, "confirm", problem or "invalid", status=400)
    if subscriber.status == Subscriber.SubscriberStatus.CONFIRMED:
        return _action_page(request, "confirm", "done")
    if request.method == "POST":
        if rate_limited(request, "members:confirm"):
            return too_many_requests(request)
        Subscriber.objects.filter(pk=subscriber.pk, status="pending").update(
            status="confirmed", confirmed_at=timezone.now()
        )
        return _action_page(request, "confirm", "done")
    return _action_page(request, "confirm", "ask")


@csrf_exempt  # RFC 8058 one-click POSTs come from the mail provider; the signed token authorises
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe without login: GET asks, POST unsubscribes."""
    subscriber = mail.subscriber_for_unsubscribe_token(token)
    if subscriber is None:
        return _action_page(request, "unsubscribe", "invalid", status=400)
    if request.method == "POST":
        if rate_limited(request, "members:unsubscribe"):
            return too_many_requests(request)
        if subscriber.status != Subscriber.SubscriberStatus.UNSUBSCRIBED:
            subscriber.status = Subscriber.SubscriberStatus.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["status", "unsubscribed_at"])
            ConsentRecord.objects.create(
                subscriber=subscriber,
                form="newsletter",
                action="withdrawn",
                language=subscriber.language,
                ip_hash=ip_hash(client_ip(request)),
            )
        return _action_page(request, "unsubscribe", "done")
    if subscriber.status == Subscriber.SubscriberStatus.UNSUBSCRIBED:
        return _action_page(request, "unsubscribe", "done")
    return _action_page(request, "unsubscribe", "ask")


def _action_page(request, action: str, state: str, status: int = 200) -> HttpResponse:
    return TemplateResponse(
        request,
        "members/subscription_action.html",
        {"action": action, "state": state},
        status=status,
    )
