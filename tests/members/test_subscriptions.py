"""Double opt-in: stored pending, confirmed only through its signed link, unsubscribe without login."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import override_settings
from django.urls import reverse as _reverse
from django.utils import translation

from members.mail import CONFIRM_SALT, confirm_token, unsubscribe_token
from members.models import ConsentRecord, Subscriber
from tests.mailqueue import delivered

from .conftest import form_data

pytestmark = pytest.mark.django_db


def reverse(name: str, kwargs: dict) -> str:
    """English URLs, so the assertions can read the English messages."""
    with translation.override("en"):
        return _reverse(name, kwargs=kwargs)


def _links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def subscribe(client, page, email="anna@example.org", language="sv"):
    return client.post(page.url, form_data(email=email, language=language))


def test_subscription_is_stored_pending_and_mails_a_confirmation_link(client, subscribe_page):
    response = subscribe(client, subscribe_page)
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="anna@example.org")
    assert subscriber.status == "pending"
    assert subscriber.language == "sv"
    record = ConsentRecord.objects.get(subscriber=subscriber)
    assert record.form == "newsletter" and record.consent_version == 1 and record.ip_hash
    (message,) = delivered()
    assert message.to == ["anna@example.org"]
    confirm = next(u for u in _links(message) if "/confirm/" in u)
    assert confirm.startswith("http://testserver/sv/newsletter/confirm/")
    assert "anna@example.org" not in confirm  # the address is not in the URL
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/sv/newsletter/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_only_the_link_confirms(client, subscribe_page):
    subscribe(client, subscribe_page)
    subscriber = Subscriber.objects.get()
    path = reverse("members_confirm", kwargs={"token": confirm_token(subscriber)})
    # Opening the link (or a mail scanner prefetching it) only shows a button.
    page = client.get(path)
    assert page.status_code == 200 and b"<form" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    client.post(path)
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at is not None


def test_tampered_link_changes_nothing(client, subscribe_page):
    subscribe(client, subscribe_page)
    subscriber = Subscriber.objects.get()
    token = confirm_token(subscriber)
    # Signed with the right key but bound to another address: still refused.
    forged = signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscriber.pk}.0123456789abcdef")
    other_pk = f"{subscriber.pk + 1}." + token.split(".", 1)[1]
    for bad in (token[:-2] + "xx", "nonsense", forged, other_pk):
        response = client.post(reverse("members_confirm", kwargs={"token": bad}))
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


@override_settings(NEWSLETTER_CONFIRM_MAX_AGE=2)
def test_expired_link_changes_nothing(client, subscribe_page):
    subscribe(client, subscribe_page)
    subscriber = Subscriber.objects.get()
    three_days_ago = time.time() - 3 * 86400
    with mock.patch("django.core.signing.time.time", return_value=three_days_ago):
        expired = confirm_token(subscriber)
    response = client.post(reverse("members_confirm", kwargs={"token": expired}))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    # The same link made a day ago is still fine under the two-day setting.
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 86400):
        recent = confirm_token(subscriber)
    client.post(reverse("members_confirm", kwargs={"token": recent}))
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_unsubscribe_without_login_get_asks_post_unsubscribes(client, subscribe_page):
    subscribe(client, subscribe_page)
    subscriber = Subscriber.objects.get()
    Subscriber.objects.filter(pk=subscriber.pk).update(status="confirmed")
    path = reverse("members_unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    assert client.get(path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert ConsentRecord.objects.filter(subscriber=subscriber, action="withdrawn").exists()


def test_one_click_unsubscribe_needs_no_csrf_token(subscribe_page):
    from django.test import Client

    subscriber = Subscriber.objects.create(email="b@example.org", language="fi", status="confirmed")
    strict = Client(enforce_csrf_checks=True)
    path = reverse("members_unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    assert strict.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_bad_unsubscribe_token_is_a_clear_400(client):
    response = client.post(reverse("members_unsubscribe", kwargs={"token": "1:abc"}))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_confirmed_address_cannot_be_probed_or_reset(client, subscribe_page):
    Subscriber.objects.create(email="c@example.org", language="fi", status="confirmed")
    response = subscribe(client, subscribe_page, email="C@example.org")
    assert response.status_code == 302
    assert Subscriber.objects.get(email="c@example.org").status == "confirmed"
    assert delivered() == []


def test_stale_confirm_link_does_not_resubscribe_after_unsubscribing(client, subscribe_page):
    subscribe(client, subscribe_page)
    subscriber = Subscriber.objects.get()
    token = confirm_token(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(status="unsubscribed")
    response = client.post(reverse("members_confirm", kwargs={"token": token}))
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
