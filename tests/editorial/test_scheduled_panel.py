"""Communications' dashboard lists scheduled pages and warns when scheduled publishing stopped."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

# The tree fixture reads the demo's Swedish and English home pages and a live StandardPage.
pytestmark = pytest.mark.demo


def _schedule(page, when):
    revision = page.save_revision()
    revision.approved_go_live_at = when
    revision.save(update_fields=["approved_go_live_at"])
    return revision


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_scheduled_page_listed_without_warning(client, users, tree):
    _schedule(tree.update_a, timezone.now() + timedelta(hours=2))
    html = _dashboard(client, users.communications)
    assert 'id="editorial-scheduled' in html
    assert tree.update_a.title in html
    assert "editorial-scheduler-warning" not in html


def test_warning_when_a_scheduled_page_is_overdue(client, users, tree):
    _schedule(tree.update_a, timezone.now() - timedelta(minutes=20))
    html = _dashboard(client, users.communications)
    assert "editorial-scheduler-warning" in html
    assert "publish_scheduled" in html
    # A liaison's dashboard shows their own work, not the site's schedule.
    assert "editorial-scheduled" not in _dashboard(client, users.liaison_a)


def test_a_just_due_page_is_not_yet_a_warning(client, users, tree):
    _schedule(tree.update_a, timezone.now() - timedelta(minutes=5))
    assert "editorial-scheduler-warning" not in _dashboard(client, users.communications)
