"""Dev-only demo editors for each role, a liaison per pilot, one page in review (``editors.yaml``).

Never runs in production: :func:`load` refuses unless ``settings.DEBUG`` is on or the caller
passes ``force=True`` (tests), and always refuses under ``cms.settings.production``. Passwords
are the documented, public demo password: these accounts must never exist on a server.
Pilots are found by type at run time; with no pilots, no liaisons.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from demo import data


def demo_password() -> str:
    """The public, documented, development-only password of every demo editor account."""
    return data.load("editors")["password"]


@dataclass
class DemoUsersResult:
    users: list[str] = field(default_factory=list)
    liaisons: dict[str, str] = field(default_factory=dict)
    in_review: str | None = None


def _guard(force: bool) -> None:
    module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if module.endswith("production"):
        raise ImproperlyConfigured(
            "Demo editor accounts are never created with production settings."
        )
    if not (settings.DEBUG or force):
        raise ImproperlyConfigured("Demo editor accounts are for development only (DEBUG is off).")


def _ensure_user(
    username: str,
    first: str,
    last: str,
    group: str,
    result: DemoUsersResult,
    admin_language: str | None = None,
):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.invalid"},
    )
    if created:
        user.set_password(demo_password())
        user.save()
        result.users.append(username)
    user.groups.add(Group.objects.get(name=group))
    if admin_language:  # the Swedish translator works in a Swedish admin, and so on
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != admin_language:
            profile.preferred_language = admin_language
            profile.save(update_fields=["preferred_language"])
    return user


def load(force: bool = False) -> DemoUsersResult:
    """Create the demo editors (idempotent: a second run creates nothing)."""
    _guard(force)
    source = data.load("editors")
    result = DemoUsersResult()
    for spec in source["role_users"]:
        _ensure_user(
            spec["username"],
            spec["first_name"],
            spec["last_name"],
            spec["group"],
            result,
            admin_language=spec.get("admin_language"),
        )

    liaisons = source["liaisons"]
    PilotPage = apps.get_model("pilots", "PilotPage")
    pilots = list(PilotPage.objects.filter(locale=Locale.get_default()).order_by("path"))
    first_liaison = None
    for number, pilot in enumerate(pilots, start=1):
        username = f"{liaisons['username_prefix']}{number}"
        user = _ensure_user(
            username, liaisons["first_name"], str(number), liaisons["group"], result
        )
        result.liaisons[username] = pilot.title
        first_liaison = first_liaison or (user, pilot)
        if not pilot.liaisons.filter(pk=user.pk).exists():
            # Through a revision, so the next publish from the editor keeps the liaison.
            pilot = pilot.get_latest_revision_as_object()
            pilot.liaisons.add(user)
            pilot.save_revision(log_action=True).publish()

    if first_liaison is not None:
        result.in_review = _ensure_page_in_review(*first_liaison, source["page_in_review"])
    return result


def _ensure_page_in_review(user: Any, pilot: Page, spec) -> str | None:
    """A draft written by the liaison, waiting for Communications: under the pilot if allowed."""
    from home.models import StandardPage  # the shared general page type

    pilot = Page.objects.get(pk=pilot.pk).specific
    if StandardPage.can_create_at(pilot):
        page = pilot.get_children().filter(slug=spec["slug"]).first()
        if page is None:
            page = StandardPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                owner=user,
                live=False,
            )
            pilot.add_child(instance=page)
            page.save_revision(user=user)
        page = page.specific
    else:
        page = pilot
    if page.workflow_in_progress:
        return page.title
    if not page.has_unpublished_changes:
        page.save_revision(user=user)
    workflow = page.get_workflow()
    if workflow is None:
        return None
    workflow.start(page, user)
    return page.title
