"""One failure count and one lockout for every route that proves who someone is (issue 14).

Wagtail's admin login, Django's admin login, Wagtail's private-page login (``/<lang>/_util/login/``)
and password-reset links share the count; page passwords and password-reset requests are limited.
The counters live in the ``security`` cache, which page traffic cannot evict.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override
from wagtail.models import Page, PageViewRestriction

from cms.protection import client_ip
from tests.mailqueue import delivered

pytestmark = [pytest.mark.django_db, pytest.mark.redis]  # make test-redis runs these again

RIGHT = "oikea-salasana-9"
LOCKED_TEXT = "Too many failed sign-in attempts"
ROUTES = ["/admin/login/", "/django-admin/login/", "/fi/_util/login/"]


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "toimittaja", "toimittaja@example.org", RIGHT, is_staff=True
    )


def sign_in(client, route: str, password: str, ip: str = "10.1.0.1", **extra):
    return client.post(
        route,
        {"username": "toimittaja", "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("failing_route", ROUTES)
@pytest.mark.parametrize("other_route", ROUTES)
def test_five_failures_on_one_route_lock_every_route(client, editor, failing_route, other_route):
    for _ in range(5):
        assert sign_in(client, failing_route, "väärä").status_code == 200
    response = sign_in(client, other_route, RIGHT)
    assert response.status_code == 200  # the form again, not the redirect of a success
    assert not signed_in(client)
    if other_route != "/fi/_util/login/":  # the admin forms say why
        assert LOCKED_TEXT in response.content.decode()


def test_private_page_login_works_and_its_wrong_passwords_count(client, editor):
    for _ in range(4):
        sign_in(client, "/fi/_util/login/", "väärä")
    assert sign_in(client, "/admin/login/", RIGHT).status_code == 302  # four are not five
    client.logout()
    for _ in range(5):
        sign_in(client, "/fi/_util/login/", "väärä")
    assert sign_in(client, "/fi/_util/login/", RIGHT).status_code == 200
    assert not signed_in(client)
    # Someone else's address is not locked by these failures.
    assert sign_in(client, "/fi/_util/login/", RIGHT, ip="10.1.0.2").status_code == 302
    assert signed_in(client)


def test_a_success_clears_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "/admin/login/", "väärä")
    assert sign_in(client, "/fi/_util/login/", RIGHT).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "/admin/login/", "väärä")
    assert sign_in(client, "/admin/login/", RIGHT).status_code == 302


# --- Password reset ---


def reset_link(user, token: str | None = None) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = token or default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


def test_a_reset_link_is_refused_while_the_account_is_locked(client, editor):
    assert client.get(reset_link(editor), REMOTE_ADDR="10.1.0.3").status_code == 302  # valid
    for _ in range(5):
        sign_in(client, "/fi/_util/login/", "väärä", ip="10.1.0.3")
    assert client.get(reset_link(editor), REMOTE_ADDR="10.1.0.3").status_code == 429


def test_bad_reset_links_count_as_failures(client, editor):
    for n in range(5):
        response = client.get(reset_link(editor, f"bad-token{n}"), REMOTE_ADDR="10.1.0.4")
        assert response.status_code == 200  # "the link is invalid"
    assert client.get(reset_link(editor), REMOTE_ADDR="10.1.0.4").status_code == 429
    assert sign_in(client, "/admin/login/", RIGHT, ip="10.1.0.4").status_code == 200
    assert not signed_in(client)


def request_reset(client, email: str, ip: str):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_requests_are_limited_per_account(client, editor):
    statuses = [request_reset(client, editor.email, f"10.2.0.{n}").status_code for n in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert len(delivered()) == 3


def test_password_reset_requests_are_limited_per_address(client, editor):
    statuses = [
        request_reset(client, f"x{n}@example.org", "10.2.1.1").status_code for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    # The limit is per address: another one still gets its mail.
    assert request_reset(client, editor.email, "10.2.1.2").status_code == 302
    assert len(delivered()) == 1


# --- Page passwords ---


@pytest.fixture
def restricted_page():
    page = Page.objects.get(depth=2, locale__language_code="fi")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sivun-salasana"
    )
    with override("fi"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return url


def test_page_passwords_are_limited(client, restricted_page):
    def post(password, ip="10.3.0.1"):
        data = {"password": password, "return_url": "/fi/"}
        return client.post(restricted_page, data, REMOTE_ADDR=ip)

    assert post("sivun-salasana", ip="10.3.0.9").status_code == 302  # the right one works
    for _ in range(5):
        assert post("väärä").status_code == 200
    assert post("sivun-salasana").status_code == 429
    assert post("sivun-salasana", ip="10.3.0.2").status_code == 302


# --- Counters are out of the page cache's reach ---


def test_page_traffic_cannot_evict_a_lockout(client, editor, settings):
    settings.PAGE_CACHE_ENABLED = True
    for _ in range(5):
        sign_in(client, "/admin/login/", "väärä", ip="10.4.0.1")
    anonymous = Client()
    for n in range(400):
        anonymous.get(f"/fi/?utm_source={n}")
    response = sign_in(client, "/admin/login/", RIGHT, ip="10.4.0.1")
    assert LOCKED_TEXT in response.content.decode()


# --- TRUSTED_PROXY_COUNT ---


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):  # a forged X-Forwarded-For does not give each guess a new address
        sign_in(client, "/admin/login/", "väärä", ip="10.5.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
    response = sign_in(client, "/admin/login/", RIGHT, ip="10.5.0.1")
    assert LOCKED_TEXT in response.content.decode()


def test_behind_one_proxy_each_visitor_is_counted_apart(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.5.0.254"
    for _ in range(5):  # the client forges a left entry; the proxy appends the real address
        sign_in(
            client, "/admin/login/", "väärä", ip=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7"
        )
    locked = sign_in(client, "/admin/login/", RIGHT, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert LOCKED_TEXT in locked.content.decode()
    other = sign_in(client, "/admin/login/", RIGHT, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.6.0.1"),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "", "10.6.0.1"),
    ],
)
def test_client_ip_reads_the_right_hop(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.6.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
