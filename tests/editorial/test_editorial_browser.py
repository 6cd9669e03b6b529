"""The whole editorial path in real Chromium, against a live server.

A liaison writes a page under their pilot and submits it; Communications approves it in the
editor; the public pilot page's child is live. Then the Swedish translator submits the updated
translation from the translation status view and Communications approves it.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from home.models import StandardPage
from pilots.models import PilotIndexPage, PilotPage, PilotUpdatePage

pytestmark = [pytest.mark.e2e]
PASSWORD = "browser-test-pw"


def _roles_and_workflow() -> None:
    """Transactional tests flush the tables the data migrations filled: fill them again."""
    from editorial.grants import apply_role_table

    for name, func in (
        ("0001_roles", "create_roles"),
        ("0002_communications_review", "create_workflow"),
    ):
        module = importlib.import_module(f"editorial.migrations.{name}")
        getattr(module, func)(django_apps, None)
    apply_role_table(django_apps)


def _user(username: str, group: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def _login(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('button[type="submit"]').click()
    page.wait_for_url(f"{base}/admin/")
    return page


@pytest.fixture
def editorial_site(demo_site):
    _roles_and_workflow()
    finnish = Locale.objects.get(language_code="fi")
    home = Site.objects.get(is_default_site=True).root_page.specific
    if home.locale != finnish:
        home = home.get_translation(finnish)
    index = PilotIndexPage.objects.filter(locale=finnish).first()
    if index is None:
        index = PilotIndexPage(title="Kokeilut", slug="kokeilut-e2e")
        home.add_child(instance=index)
        index.save_revision().publish()
    pilot = PilotPage(title="Selainkokeilu", slug="selainkokeilu", summary="Testi")
    index.add_child(instance=pilot)
    liaison = _user("liaison-e2e", "Liaisons")
    pilot.liaisons.add(liaison)
    pilot.save_revision().publish()
    _user("comms-e2e", "Communications")
    return Page.objects.get(pk=pilot.pk).specific


def test_liaison_submits_communications_approves(editorial_site, live_server, browser):
    base = live_server.url
    pilot = editorial_site

    liaison = _login(browser, base, "liaison-e2e")
    assert liaison.locator(f"#editorial-pilot-{pilot.pk}-section").is_visible()
    # A pilot's children are pilot updates (pilots.PilotPage.subpage_types).
    liaison.goto(f"{base}/admin/pages/add/pilots/pilotupdatepage/{pilot.pk}/")
    liaison.wait_for_load_state("networkidle")
    liaison.fill("#id_title", "Tammikuun tilannekatsaus")
    liaison.fill("#id_summary", "Tammikuussa kokeilu eteni suunnitellusti.")
    # The second tab ("Promote"; its id follows the language the form was first built in).
    liaison.get_by_role("tab").nth(1).click()
    liaison.locator("#id_slug").fill("tammikuun-tilannekatsaus")
    liaison.locator('button[name="action-submit"]').dispatch_event("click")
    liaison.wait_for_url(f"{base}/admin/pages/{pilot.pk}/")
    update = PilotUpdatePage.objects.get(title="Tammikuun tilannekatsaus")
    assert not update.live and update.workflow_in_progress

    comms = _login(browser, base, "comms-e2e")
    comms.goto(f"{base}/admin/pages/{update.pk}/edit/")
    approve = comms.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with comms.expect_navigation():
        approve.dispatch_event("click")  # in the editor's action drop-down
    comms.wait_for_load_state("networkidle")
    assert PilotUpdatePage.objects.get(pk=update.pk).live

    visitor = browser.new_context().new_page()
    visitor.goto(base + update.url)
    assert visitor.get_by_role("heading", level=1).inner_text() == "Tammikuun tilannekatsaus"


def test_communications_creates_and_publishes_a_page(editorial_site, live_server, browser):
    """An editor with publishing rights writes a page and publishes it without a review step."""
    base = live_server.url
    home = Site.objects.get(is_default_site=True).root_page
    comms = _login(browser, base, "comms-e2e")
    comms.goto(f"{base}/admin/pages/add/home/standardpage/{home.pk}/")
    comms.wait_for_load_state("networkidle")
    comms.fill("#id_title", "Avoimet työpaikat")
    comms.fill("#id_intro", "Ekosysteemi hakee koordinaattoria.")
    comms.get_by_role("tab").nth(1).click()
    comms.locator("#id_slug").fill("avoimet-tyopaikat")
    with comms.expect_navigation():
        comms.locator('button[name="action-publish"]').dispatch_event("click")
    comms.wait_for_load_state("networkidle")
    page = StandardPage.objects.get(title="Avoimet työpaikat")
    assert page.live and page.get_parent().pk == home.pk

    visitor = browser.new_context().new_page()
    visitor.goto(f"{base}{page.url}")
    assert visitor.get_by_role("heading", level=1).inner_text() == "Avoimet työpaikat"
    assert "Ekosysteemi hakee koordinaattoria." in visitor.content()


def test_translator_submits_swedish_translation_communications_approves(
    editorial_site, live_server, browser, settings
):
    """Communications starts the translation (a draft), the translator submits, it is approved.

    The strings are stored as wagtail-localize's editor stores them (its React editor is not
    driven here); everything else happens through the admin in the browser.
    """
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False  # new translations are drafts
    base = live_server.url
    update = StandardPage(title="Helmikuun tilannekatsaus", slug="helmikuun-tilannekatsaus")
    editorial_site.add_child(instance=update)
    update.save_revision().publish()
    _user("translator-e2e", "Translators (sv)")
    swedish = Locale.objects.get(language_code="sv")

    comms = _login(browser, base, "comms-e2e")
    comms.goto(f"{base}/admin/localize/submit/page/{update.pk}/")
    comms.locator(f'input[name="locales"][value="{swedish.pk}"]').check()
    with comms.expect_navigation():
        comms.locator('form button[type="submit"], form input[type="submit"]').last.click()
    comms.wait_for_load_state("networkidle")
    sv_page = update.get_translation(swedish)
    assert not sv_page.live  # starting a translation publishes nothing

    source = TranslationSource.objects.get(object_id=update.translation_key)
    translation = Translation.objects.get(source=source, target_locale=swedish)
    segment = source.stringsegment_set.get(string__data="Helmikuun tilannekatsaus")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=swedish,
        context=segment.context,
        data="Lägesrapport för februari",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )

    translator = _login(browser, base, "translator-e2e")
    translator.goto(f"{base}/admin/editorial/translations/")
    row = translator.locator("tr.editorial-pending", has_text="Helmikuun tilannekatsaus")
    with translator.expect_navigation():
        row.get_by_role("button").click()
    translator.wait_for_load_state("networkidle")
    assert Page.objects.get(pk=sv_page.pk).workflow_in_progress
    assert not Page.objects.get(pk=sv_page.pk).live

    comms.goto(f"{base}/admin/")
    comms.wait_for_load_state("networkidle")
    with comms.expect_navigation():
        comms.locator(
            f'button[data-workflow-action-url*="/{sv_page.pk}/approve/"]:not([data-launch-modal])'
        ).dispatch_event("click")  # in the row's "more actions" drop-down
    comms.wait_for_load_state("networkidle")
    assert Page.objects.get(pk=sv_page.pk).live
    sv_page.refresh_from_db()
    assert translation.target_locale == swedish

    visitor = browser.new_context().new_page()
    visitor.goto(base + sv_page.url)
    assert visitor.get_by_role("heading", level=1).inner_text() == "Lägesrapport för februari"


def test_translator_finishes_in_the_editor_reviewer_acts_on_the_page(
    editorial_site, live_server, browser, settings
):
    """Submit from the translation editor, changes requested with a comment, resubmit, approve.

    The editors' guide's screenshots of these panels come from tests/e2e/test_editor_journeys.py.
    """
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
    base = live_server.url
    update = StandardPage(title="Maaliskuun tilannekatsaus", slug="maaliskuun-tilannekatsaus")
    editorial_site.add_child(instance=update)
    update.save_revision().publish()
    _user("translator-e2e", "Translators (sv)")
    swedish = Locale.objects.get(language_code="sv")
    source, _created = TranslationSource.get_or_create_from_instance(update)
    translation = Translation.objects.create(source=source, target_locale=swedish)
    translation.save_target(publish=False)
    sv_page = update.get_translation(swedish)
    segment = source.stringsegment_set.get(string__data="Maaliskuun tilannekatsaus")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=swedish,
        context=segment.context,
        data="Lägesrapport för mars",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    edit_url = f"{base}/admin/pages/{sv_page.pk}/edit/"

    translator = _login(browser, base, "translator-e2e")
    translator.set_viewport_size({"width": 1280, "height": 800})
    translator.goto(edit_url)
    translator.wait_for_load_state("networkidle")
    panel = translator.locator(".editorial-review")
    with translator.expect_navigation():
        panel.locator("button[data-review-submit]").click()
    assert translator.locator(".editorial-review").get_attribute("data-review-state") == "in_review"

    comms = _login(browser, base, "comms-e2e")
    comms.set_viewport_size({"width": 1280, "height": 800})
    comms.goto(edit_url)
    comms.wait_for_load_state("networkidle")
    review = comms.locator(".editorial-review")
    review.locator("textarea[name=comment]").first.fill("Rubriken ska vara kortare.")
    with comms.expect_navigation():
        review.locator('form[data-action="reject"] button').click()

    translator.goto(edit_url)
    panel = translator.locator(".editorial-review")
    assert panel.get_attribute("data-review-state") == "changes_requested"
    assert "Rubriken ska vara kortare." in panel.inner_text()
    with translator.expect_navigation():
        panel.locator("button[data-resubmit]").click()

    comms.goto(edit_url)
    with comms.expect_navigation():
        comms.locator('.editorial-review form[data-action="approve"] button').first.click()
    sv_page = Page.objects.get(pk=sv_page.pk)
    assert sv_page.live

    visitor = browser.new_context().new_page()
    visitor.goto(base + sv_page.url)
    assert visitor.get_by_role("heading", level=1).inner_text() == "Lägesrapport för mars"
