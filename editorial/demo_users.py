"""Dev-only demo users for each editorial role, a liaison per pilot, one page in review.

Never runs in production: :func:`load` refuses unless ``settings.DEBUG`` is on or the caller
passes ``force=True`` (tests), and always refuses under ``cms.settings.production``. Passwords
are the documented, public :data:`DEMO_PASSWORD` — these accounts must never exist on a server.
Pilots are found by type at run time (the pilots app builds them); with no pilots, no liaisons.
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

from .roles import COMMUNICATIONS, LIAISONS, TRANSLATORS_EN, TRANSLATORS_SV

#: Public, documented, development-only password of every demo editor account.
DEMO_PASSWORD = "sote-demo-2025"

ROLE_USERS = [
    ("viestinta", "Viestintä", "Demo", COMMUNICATIONS),
    ("kaantaja-sv", "Översättare", "Demo", TRANSLATORS_SV),
    ("kaantaja-en", "Translator", "Demo", TRANSLATORS_EN),
]
#: Admin language of demo users whose work is in another language than Finnish.
ADMIN_LANGUAGES = {"kaantaja-sv": "sv", "kaantaja-en": "en"}
REVIEW_TITLE = "Tilannekatsaus (demo, odottaa tarkastusta)"
REVIEW_SLUG = "tilannekatsaus-demo"


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


def _ensure_user(username: str, first: str, last: str, group: str, result: DemoUsersResult):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.invalid"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        result.users.append(username)
    user.groups.add(Group.objects.get(name=group))
    language = ADMIN_LANGUAGES.get(username)
    if language:  # the Swedish translator works in a Swedish admin, and so on
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])
    return user


def load(force: bool = False) -> DemoUsersResult:
    """Create the demo editors (idempotent: a second run creates nothing)."""
    _guard(force)
    result = DemoUsersResult()
    for username, first, last, group in ROLE_USERS:
        _ensure_user(username, first, last, group, result)

    PilotPage = apps.get_model("pilots", "PilotPage")
    pilots = list(PilotPage.objects.filter(locale=Locale.get_default()).order_by("path"))
    first_liaison = None
    for number, pilot in enumerate(pilots, start=1):
        username = f"yhteyshenkilo-{number}"
        user = _ensure_user(username, "Yhteyshenkilö", str(number), LIAISONS, result)
        result.liaisons[username] = pilot.title
        first_liaison = first_liaison or (user, pilot)
        if not pilot.liaisons.filter(pk=user.pk).exists():
            # Through a revision, so the next publish from the editor keeps the liaison.
            pilot = pilot.get_latest_revision_as_object()
            pilot.liaisons.add(user)
            pilot.save_revision(log_action=True).publish()

    if first_liaison is not None:
        result.in_review = _ensure_page_in_review(*first_liaison)
    return result


def _ensure_page_in_review(user: Any, pilot: Page) -> str | None:
    """A draft written by the liaison, waiting for Communications: under the pilot if allowed."""
    from home.models import StandardPage  # the shared general page type

    pilot = Page.objects.get(pk=pilot.pk).specific
    if StandardPage.can_create_at(pilot):
        page = pilot.get_children().filter(slug=REVIEW_SLUG).first()
        if page is None:
            page = StandardPage(
                title=REVIEW_TITLE,
                slug=REVIEW_SLUG,
                intro="Kokeilun tilannekatsaus, jonka yhteyshenkilö on lähettänyt tarkastettavaksi.",
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
