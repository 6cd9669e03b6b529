"""Headers by kind of response: public pages, the admin, and the admin's live preview."""

from __future__ import annotations

import pytest

from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_public_pages_are_never_framed_and_turn_off_unused_features(client):
    response = client.get("/fi/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_a_preview_may_be_framed_by_the_admin_only():
    """Wagtail renders a preview through the whole middleware stack (``make_preview_request``)."""
    page = StandardPage.objects.filter(locale__language_code="fi").first()
    response = page.make_preview_request()
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert directives["frame-ancestors"] == "'self'"
    assert directives["default-src"] == "'self'"  # otherwise the public page's policy
