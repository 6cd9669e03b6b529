"""The admin in real Chromium under its Content-Security-Policy, and the live preview panel."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import EventPage
from pilots.models import PilotPage
from reports.models import ReportPage

pytestmark = [pytest.mark.e2e]
PASSWORD = "browser-test-pw"


@pytest.fixture
def communications(demo_site):
    """A Communications editor; transactional tests flushed the groups the migrations made."""
    module = importlib.import_module("editorial.migrations.0001_roles")
    module.create_roles(django_apps, None)
    user = get_user_model().objects.create_user("comms-csp", "c@example.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name="Communications"))
    return user


def _csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return errors


def _login(page, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', "comms-csp")
    page.fill('input[name="password"]', PASSWORD)
    page.locator('button[type="submit"]').click()
    page.wait_for_url(f"{base}/admin/")


def _fi(model):
    return model.objects.live().filter(locale__language_code="fi").first()


def test_admin_dashboard_and_editor_load_without_csp_errors(communications, live_server, page):
    errors = _csp_errors(page)
    _login(page, live_server.url)
    response = page.goto(f"{live_server.url}/admin/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    pilot = _fi(PilotPage)
    page.goto(f"{live_server.url}/admin/pages/{pilot.pk}/edit/")
    page.locator("form#page-edit-form").wait_for()
    page.wait_for_load_state("networkidle")
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("model", [PilotPage, ReportPage, EventPage])
def test_preview_panel_shows_the_page(communications, live_server, page, model):
    errors = _csp_errors(page)
    _login(page, live_server.url)
    target = _fi(model)
    page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    page.locator('button[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("iframe#w-preview-iframe")
    frame.get_by_role("heading", level=1).wait_for(timeout=15000)
    assert frame.get_by_role("heading", level=1).inner_text().strip() == target.title
    assert errors == [], "\n".join(errors)
    # The preview panel keeps talking to the server; close it before the test's database is
    # emptied, or the flush meets a request still running in the live server (SQLite: locked).
    page.wait_for_load_state("networkidle")
    page.close()
