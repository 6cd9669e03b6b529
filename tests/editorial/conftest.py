"""Pages and users for the editorial tests: two pilots (A, B), their child pages, one per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Locale, Page

from demo.toolkit import translate_all
from editorial.roles import COMMUNICATIONS, LIAISONS, TRANSLATORS_EN, TRANSLATORS_SV
from home.models import HomePage, StandardPage
from pilots.models import PilotIndexPage, PilotPage
from tests.factories import StandardPageFactory, publish


@dataclass
class Tree:
    home: HomePage
    standard: StandardPage
    index: PilotIndexPage
    pilot_a: PilotPage
    pilot_b: PilotPage
    update_a: StandardPage
    draft_a: StandardPage
    update_b: StandardPage
    sv_home: Page
    sv_standard: Page
    en_home: Page


@dataclass
class Users:
    communications: Any
    liaison_a: Any
    translator_sv: Any
    translator_en: Any
    nobody: Any


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard_page_post(page: Page, **changes: Any) -> dict[str, Any]:
    """The edit form of a StandardPage as the admin posts it (empty body, no comments)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": getattr(page, "intro", ""),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def make_user(username: str, *groups: str):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.invalid", "pw-for-tests"
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def name_liaison(pilot: PilotPage, user) -> PilotPage:
    """Like Communications in the editor: add the liaison in a revision and publish it."""
    pilot = pilot.get_latest_revision_as_object()
    pilot.liaisons.add(user)
    pilot.save_revision().publish()
    return PilotPage.objects.get(pk=pilot.pk)


#: The translated standard page of a factory-built tree, in Finnish, Swedish and English.
STANDARD_INTRO = "Ekosysteemi kokoaa sote-tekoälyn toimijat yhteen."
STANDARD_STRINGS = {
    "sv": {
        "Tietoa ekosysteemistä": "Om ekosystemet",
        STANDARD_INTRO: "Ekosystemet samlar aktörerna inom AI för social- och hälsovård.",
    },
    "en": {
        "Tietoa ekosysteemistä": "About the ecosystem",
        STANDARD_INTRO: "The ecosystem brings together the actors in health and social care AI.",
    },
}


def _translated_standard_page(home: HomePage) -> StandardPage:
    """A live Finnish standard page with sv and en translations made with wagtail-localize (as
    a translator makes them: a translation source, segment translations, a published target),
    so the translation status and the translation workflow have something to follow."""
    page = StandardPageFactory(parent=home, title="Tietoa ekosysteemistä", intro=STANDARD_INTRO)
    # wagtail-localize publishes a translation on commit, which a rolled-back test never reaches.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_all(page, STANDARD_STRINGS)
    return page


@pytest.fixture
def tree(locale_tree) -> Tree:
    """Two pilots with child pages and a draft, and a translated standard page: built with the
    factories, or (in a module still marked ``demo``) the demo's first standard page."""
    finnish = Locale.objects.get(language_code="fi")
    home = locale_tree.fi
    if home.latest_revision is None:  # the migrations' front page, never edited: publish it once
        home = publish(home)
    index = PilotIndexPage.objects.filter(locale=finnish).first()
    if index is None:
        index = _publish(home, PilotIndexPage(title="Tekoälykokeilut", slug="kokeilut-testi"))
    pilot_a = _publish(index, PilotPage(title="Kokeilu A", slug="kokeilu-a", summary="A"))
    pilot_b = _publish(index, PilotPage(title="Kokeilu B", slug="kokeilu-b", summary="B"))
    update_a = _publish(pilot_a, StandardPage(title="Päivitys A", slug="paivitys-a"))
    update_b = _publish(pilot_b, StandardPage(title="Päivitys B", slug="paivitys-b"))
    draft_a = StandardPage(title="Luonnos A", slug="luonnos-a", live=False)
    pilot_a.add_child(instance=draft_a)
    draft_a.save_revision()
    standard = StandardPage.objects.filter(locale=finnish).live().first()
    if standard is None or standard.pk in (update_a.pk, update_b.pk):  # no demo: build one
        standard = _translated_standard_page(home)
    sv_home = locale_tree.sv
    en_home = locale_tree.en
    sv_standard = standard.get_translation(Locale.objects.get(language_code="sv"))
    return Tree(
        home=home,
        standard=standard,
        index=index,
        pilot_a=pilot_a,
        pilot_b=pilot_b,
        update_a=update_a,
        draft_a=draft_a,
        update_b=update_b,
        sv_home=sv_home,
        sv_standard=sv_standard,
        en_home=en_home,
    )


@pytest.fixture
def users(tree) -> Users:
    liaison_a = make_user("liaison-a", LIAISONS)
    tree.pilot_a = name_liaison(tree.pilot_a, liaison_a)
    return Users(
        communications=make_user("comms", COMMUNICATIONS),
        liaison_a=liaison_a,
        translator_sv=make_user("translator-sv", TRANSLATORS_SV),
        translator_en=make_user("translator-en", TRANSLATORS_EN),
        nobody=make_user("nobody"),
    )
