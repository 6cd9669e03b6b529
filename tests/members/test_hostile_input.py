"""Hostile input on every public form: clear errors, nothing stored, never a 500, no live markup."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from members.admin_forms import approve
from members.models import MembershipApplication, Proposal, Subscriber

from .conftest import form_data

pytestmark = pytest.mark.django_db
SCRIPT = '<script>alert("x")</script>'


def _join(**extra):
    base = {
        "organisation_name": "Esimerkki Oy",
        "contact_name": "Essi Esimerkki",
        "email": "essi@esimerkki.example",
        "organisation_type": "company",
    }
    return form_data(**{**base, **extra})


@pytest.fixture
def all_forms(subscribe_page, join_page, proposal_pages):
    """(page, valid data) for every public form."""
    proposal = form_data(name="N", email="n@example.org", title="T", description="D")
    return [
        (subscribe_page, form_data(email="x@example.org", language="fi")),
        (join_page, _join()),
        (proposal_pages["webinar"], proposal),
        (proposal_pages["project"], proposal),
        (proposal_pages["blog"], proposal),
        (proposal_pages["event"], {**proposal, "event_date": "2025-05-05"}),
    ]


def _stored() -> int:
    return (
        Subscriber.objects.count()
        + MembershipApplication.objects.count()
        + Proposal.objects.count()
    )


def test_valid_data_is_accepted_by_every_form(client, all_forms):
    for page, data in all_forms:
        assert client.post(page.url, data).status_code == 302, page.url
    assert _stored() == len(all_forms)


@pytest.mark.parametrize(
    "mutation",
    [
        {"email": "not-an-email"},
        {"email": "a@b@c.example"},
        {"email": "x" * 300 + "@example.org"},
        {"name": "x" * 5000, "organisation_name": "x" * 5000},
        {"description": "x" * 20000, "message": "x" * 20000},
        {"consent": ""},
        {"website_url": "http://spam.example"},  # the honeypot
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(client, all_forms, mutation):
    before = _stored()
    for page, data in all_forms:
        changed = {**data, **{k: v for k, v in mutation.items() if k in data or k == "consent"}}
        if changed == data:
            continue
        response = client.post(page.url, changed)
        assert response.status_code == 400, (page.url, mutation)
        body = response.content.decode()
        assert 'class="errorlist"' in body or 'role="alert"' in body
    assert _stored() == before


def test_missing_csrf_token_is_refused(all_forms):
    strict = Client(enforce_csrf_checks=True)
    for page, data in all_forms:
        assert strict.post(page.url, data).status_code == 403
    assert _stored() == 0


@pytest.mark.redis
@override_settings(FORM_RATE_LIMIT="10/m")
def test_fifty_posts_a_minute_from_one_ip_get_429(client, proposal_pages):
    page = proposal_pages["webinar"]
    # One fixed minute, so a window boundary during the loop cannot reset the count.
    frozen = mock.patch("cms.protection.time.time", return_value=1_700_000_000.0)
    frozen.start()
    codes = [
        client.post(
            page.url,
            form_data(name="N", email=f"n{i}@example.org", title="T", description="D"),
            REMOTE_ADDR="203.0.113.9",
        ).status_code
        for i in range(50)
    ]
    frozen.stop()
    assert codes[:10] == [302] * 10
    assert set(codes[10:]) == {429}
    assert Proposal.objects.count() == 10
    # Another address is not affected.
    other = client.post(
        page.url,
        form_data(name="N", email="ok@example.org", title="T", description="D"),
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 302


def test_markup_is_stored_as_text_and_escaped_everywhere(
    client, join_page, proposal_pages, directory_page
):
    client.post(
        proposal_pages["project"].url,
        form_data(
            name=SCRIPT, email="p@example.org", title=SCRIPT, description=SCRIPT, offer=SCRIPT
        ),
    )
    proposal = Proposal.objects.get()
    assert proposal.title == SCRIPT  # kept verbatim as plain text, never interpreted
    client.post(join_page.url, _join(organisation_name=f"{SCRIPT} Oy"))
    approve(MembershipApplication.objects.get())

    staff = get_user_model().objects.create_superuser("staff", "staff@example.org", "x")
    client.force_login(staff)
    pages = [
        reverse("members_proposals:index"),
        reverse("members_proposals:edit", args=[proposal.pk]),
        reverse("members_applications:index"),
    ]
    client.logout()
    pages_public = [directory_page.url, directory_page.url + "?q=" + SCRIPT]
    for url in pages_public:
        body = client.get(url).content.decode()
        assert SCRIPT not in body
    assert "&lt;script&gt;" in client.get(directory_page.url).content.decode()
    client.force_login(staff)
    for url in pages:
        body = client.get(url).content.decode()
        assert SCRIPT not in body, url


def test_odd_query_strings_never_give_500(client, directory_page):
    for query in [
        "?q=" + "ä" * 500,
        "?type=<b>",
        "?region=nowhere",
        "?q=%00",
        "?type=company&type=x",
    ]:
        assert client.get(directory_page.url + query).status_code in (200, 400)


def test_bad_confirm_and_unsubscribe_tokens_never_give_500(client):
    for token in ["", "a" * 400, "::::", "%00", "1:x:y:z"]:
        for name in ("members_confirm", "members_unsubscribe"):
            if not token:
                continue
            response = client.post(reverse(name, kwargs={"token": token}))
            assert response.status_code == 400
