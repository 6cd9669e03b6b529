"""The workflow reports' filter drop-downs name the workflow and task in the reader's language.

Wagtail labels them with the stored (English) names; ``editorial.reports`` answers the same
paths with filter sets labelled by ``editorial.names.display_name``.
"""

from __future__ import annotations

import re

import pytest
from django.urls import resolve, reverse
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from editorial.grants import DEFAULT_WORKFLOW
from editorial.roles import COMMUNICATIONS, TASK_NAME, WORKFLOW_NAME
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

TRANSLATED = {"fi": "Viestinnän tarkastus", "sv": "Kommunikationens granskning"}


def _options(html: str, select_id: str) -> list[str]:
    """The visible labels of ``<select id=select_id>``'s options."""
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, f"no #{select_id} in the page"
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select[1])]


def _communications_user(language: str):
    user = UserFactory(groups=[COMMUNICATIONS])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_the_report_paths_are_answered_by_the_translated_views():
    """Wagtail's URL names still reverse to the same addresses, which the project's views answer."""
    for name in ("workflow", "workflow_results", "workflow_tasks", "workflow_tasks_results"):
        url = reverse(f"wagtailadmin_reports:{name}")
        assert resolve(url).url_name == f"editorial_{name}", url


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_workflow_filters_are_translated(client, language):
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()  # made by the migrations
    client.force_login(_communications_user(language))

    workflows = client.get(reverse("wagtailadmin_reports:workflow"))
    assert workflows.status_code == 200
    options = _options(workflows.content.decode(), "id_workflow")
    assert TRANSLATED[language] in options and WORKFLOW_NAME not in options
    # Wagtail's default workflow, deactivated by the migrations and never used, is no choice
    assert Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=False).exists()
    assert DEFAULT_WORKFLOW not in options

    chosen = Workflow.objects.get(name=WORKFLOW_NAME)
    results = client.get(reverse("wagtailadmin_reports:workflow_results"), {"workflow": chosen.pk})
    assert results.status_code == 200
    assert TRANSLATED[language] in results.content.decode()  # the active-filter pill


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_workflow_task_filters_are_translated(client, language):
    assert Task.objects.filter(name=TASK_NAME).exists()
    client.force_login(_communications_user(language))

    tasks = client.get(reverse("wagtailadmin_reports:workflow_tasks"))
    assert tasks.status_code == 200
    html = tasks.content.decode()
    for select_id in ("id_workflow", "id_task"):
        options = _options(html, select_id)
        assert TRANSLATED[language] in options, (select_id, options)
        assert TASK_NAME not in options, (select_id, options)
        assert DEFAULT_WORKFLOW not in options, (select_id, options)


def test_reports_still_require_admin_access(client):
    """The project's paths keep Wagtail's admin check: no access, no report."""
    client.force_login(UserFactory())
    response = client.get(reverse("wagtailadmin_reports:workflow"))
    assert response.status_code in (302, 403)
    assert "/admin/login/" in response.get("Location", "/admin/login/")
