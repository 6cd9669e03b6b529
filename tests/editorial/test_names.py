"""Group, workflow and task names are shown in the reader's language.

Wagtail renders ``workflow.name`` and ``task.name`` as stored (English identifiers). The project
overrides the templates editors and notification e-mails use with copies that differ from the
installed Wagtail's only by the ``|editorial_name`` filter (and its ``{% load %}``). The first
test checks that, so a Wagtail upgrade that changes one of them fails here; regenerate the
copies with ``.venv/bin/python -m tests.editorial.test_names``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import wagtail
from django.template.loader import get_template
from django.utils import translation

from editorial.names import display_name
from editorial.roles import COMMUNICATIONS, TRANSLATORS_SV, WORKFLOW_NAME

WAGTAIL_TEMPLATES = Path(wagtail.__file__).parent / "admin" / "templates"
PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# ``task.name``, ``workflow.name``; and a workflow or task printed whole (its name, by __str__).
NAME = re.compile(
    r"\b(?:task|workflow)\.name\b|\b(?:workflow_state\.workflow|task_state\.task)(?= *\}\})"
)


def overridden() -> list[str]:
    """The Wagtail admin templates that show a workflow or task name to editors or in e-mail."""
    screens = [
        "wagtailadmin/shared/workflow_history/listing_results.html",
        "wagtailadmin/shared/workflow_history/detail.html",
        "wagtailadmin/shared/side_panels/includes/status/workflow.html",
        "wagtailadmin/workflows/workflow_status.html",
        "wagtailadmin/home/user_objects_in_workflow_moderation.html",
        "wagtailadmin/home/workflow_objects_to_moderate.html",
        "wagtailadmin/reports/workflow_results.html",
        "wagtailadmin/reports/workflow_tasks_results.html",
    ]
    mails = sorted(
        str(path.relative_to(WAGTAIL_TEMPLATES))
        for path in (WAGTAIL_TEMPLATES / "wagtailadmin" / "notifications").iterdir()
        if NAME.search(path.read_text())
    )
    return screens + mails


def with_translated_names(source: str) -> str:
    """Wagtail's template with each workflow/task name passed through ``editorial_name``."""
    loaded = re.sub(r"\{% load ([^%]*?) %\}", r"{% load \1 editorial_names %}", source, count=1)
    return NAME.sub(lambda match: f"{match.group(0)}|editorial_name", loaded)


def test_overrides_are_wagtails_templates_with_translated_names():
    for name in overridden():
        expected = with_translated_names((WAGTAIL_TEMPLATES / name).read_text())
        assert (PROJECT_TEMPLATES / name).read_text() == expected, (
            f"{name} differs from Wagtail's: run python -m tests.editorial.test_names"
        )
        assert get_template(name).origin.name == str(PROJECT_TEMPLATES / name)


def test_display_names_follow_the_active_language():
    with translation.override("fi"):
        assert display_name(WORKFLOW_NAME) == "Viestinnän tarkastus"
        assert display_name(COMMUNICATIONS) == "Viestintä"
        assert display_name("Liaisons: Kokeilu A") == "Yhteyshenkilöt: Kokeilu A"
    with translation.override("sv"):
        assert display_name(WORKFLOW_NAME) == "Kommunikationens granskning"
        assert display_name(TRANSLATORS_SV) == "Översättare (sv)"
    with translation.override("en"):
        assert display_name(WORKFLOW_NAME) == "Communications review"
    assert display_name("A workflow an administrator added") == "A workflow an administrator added"


if __name__ == "__main__":
    for name in overridden():
        target = PROJECT_TEMPLATES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_translated_names((WAGTAIL_TEMPLATES / name).read_text()))
        print(target)


def _set_language(user, language: str) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize(
    ("language", "group", "submit"),
    [
        ("fi", "Viestintä", "Lähetä työnkulkuun Viestinnän tarkastus"),
        ("sv", "Kommunikation", "Lämna in till Kommunikationens granskning"),
    ],
)
def test_group_list_and_submit_action_show_translated_names(db, client, language, group, submit):
    """An administrator reads the groups, and an editor the "Submit to …" action, translated."""
    from django.urls import reverse

    from tests.factories.base import home_page
    from tests.factories.home import StandardPageFactory
    from tests.factories.users import SuperuserFactory

    admin = SuperuserFactory()
    _set_language(admin, language)
    client.force_login(admin)
    groups = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert f">{group}<" in re.sub(r"\s*(<|>)\s*", r"\1", groups)

    page = StandardPageFactory(parent=home_page("fi"), title="Nimikoe")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert submit in edit
    assert "Submit to Communications review" not in edit
