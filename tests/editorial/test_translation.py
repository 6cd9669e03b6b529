"""Translation status: a Finnish change marks translations out of date until they are updated.

Also: publishing the Finnish source never publishes a translation, and a translator's update
goes through Communications review like any other edit.
"""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from editorial.translation_status import (
    CURRENT,
    IN_REVIEW,
    NEVER,
    OUTDATED,
    PENDING,
    locale_status,
)
from home.models import StandardPage

from .test_workflow import act

NEW_INTRO = "Ekosysteemi kokoaa sote-tekoälyn toimijat yhteen (päivitetty)."
NEW_INTRO_SV = "Ekosystemet samlar aktörerna inom AI för social- och hälsovård (uppdaterad)."


def status_of(page: Page, code: str) -> str:
    status = locale_status(Locale.objects.get(language_code=code))
    for name in (NEVER, OUTDATED, PENDING, IN_REVIEW, CURRENT):
        if any(item.source_page.pk == page.pk for item in getattr(status, name)):
            return name
    raise AssertionError(f"{page} is not listed")


def test_new_finnish_page_is_never_translated(tree):
    page = StandardPage(title="Uusi sivu", slug="uusi-sivu-testi")
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    assert status_of(page, "sv") == NEVER
    assert status_of(page, "en") == NEVER
    assert status_of(tree.standard, "sv") == CURRENT


def test_out_of_date_until_updated_reviewed_and_published(client, users, tree):
    source_page = StandardPage.objects.get(pk=tree.standard.pk)
    sv_page = StandardPage.objects.get(pk=tree.sv_standard.pk)
    old_sv_intro = sv_page.intro
    assert status_of(source_page, "sv") == CURRENT

    # Communications changes the Finnish source and publishes it.
    source_page.intro = NEW_INTRO
    source_page.save_revision(user=users.communications).publish()

    sv_page.refresh_from_db()
    assert sv_page.intro == old_sv_intro  # the live Swedish page keeps its previous text
    assert status_of(source_page, "sv") == OUTDATED
    assert status_of(source_page, "en") == OUTDATED

    # The dashboard shows it, with the date and a link to sync, to the Swedish translator too.
    client.force_login(users.translator_sv)
    html = client.get(reverse("editorial_translations")).content.decode()
    assert 'id="locale-sv"' in html
    outdated_rows = html.split('class="editorial-outdated"')[1:]
    assert any(source_page.title in row for row in outdated_rows)
    assert 'id="locale-en"' not in html  # only their own locale
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync_url not in html  # translators cannot sync (it could publish)
    client.force_login(users.communications)
    html = client.get(reverse("editorial_translations")).content.decode()
    assert sync_url in html

    # Communications syncs without publishing: still the old Swedish text live, now "pending".
    response = client.post(sync_url, {})
    assert response.status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.intro == old_sv_intro
    assert status_of(source_page, "sv") == PENDING
    assert PageLogEntry.objects.filter(
        page=source_page, action="editorial.translation.sync"
    ).exists()

    # The translator translates the new string (as the localize editor does) and submits.
    translation = Translation.objects.get(source=source, target_locale__language_code="sv")
    segment = source.stringsegment_set.get(string__data=NEW_INTRO)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data=NEW_INTRO_SV,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=users.translator_sv,
    )
    client.force_login(users.translator_sv)
    submit_url = reverse("editorial_submit_translation", args=[translation.pk])
    response = client.post(submit_url)
    assert response.status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.intro == old_sv_intro
    assert sv_page.workflow_in_progress
    assert status_of(source_page, "sv") == IN_REVIEW  # no longer "waiting for the translator"

    # Communications approves: now the Swedish page shows the new text and is up to date.
    act(client, users.communications, sv_page, "approve")
    sv_page.refresh_from_db()
    assert sv_page.intro == NEW_INTRO_SV
    assert status_of(source_page, "sv") == CURRENT
    assert status_of(source_page, "en") == PENDING
    public = client.get(sv_page.url)
    assert NEW_INTRO_SV in public.content.decode()


def test_english_translator_cannot_submit_swedish_translation(client, users, tree):
    source = TranslationSource.objects.get(object_id=tree.standard.translation_key)
    translation = Translation.objects.get(source=source, target_locale__language_code="sv")
    client.force_login(users.translator_en)
    response = client.post(reverse("editorial_submit_translation", args=[translation.pk]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not Page.objects.get(pk=tree.sv_standard.pk).workflow_in_progress


def test_machine_translation_is_off_by_default(settings):
    from wagtail_localize.machine_translators import get_machine_translator

    assert get_machine_translator() is None


def test_run_scheduler_once_publishes_what_is_due_and_nothing_else(tree):
    from datetime import timedelta

    from django.utils import timezone

    def schedule(page: Page, go_live_at) -> None:
        page.go_live_at = go_live_at
        revision = page.save_revision()
        revision.approved_go_live_at = go_live_at
        revision.save(update_fields=["approved_go_live_at"])

    due, later = tree.draft_a, StandardPage(title="Myöhemmin", slug="myohemmin", live=False)
    tree.pilot_a.add_child(instance=later)
    schedule(due, timezone.now() - timedelta(minutes=1))
    schedule(later, timezone.now() + timedelta(days=1))
    call_command("run_scheduler", once=True, verbosity=0)  # returns after one run
    assert Page.objects.get(pk=due.pk).live
    assert not Page.objects.get(pk=later.pk).live


def test_deepl_only_when_key_is_set():
    from editorial.machine_translation import machine_translator_from_env

    assert machine_translator_from_env({}) is None
    assert machine_translator_from_env({"DEEPL_API_KEY": "  "}) is None
    config = machine_translator_from_env({"DEEPL_API_KEY": "abc:fx"})
    assert config["CLASS"].endswith("DeepLTranslator")
    assert config["OPTIONS"]["AUTH_KEY"] == "abc:fx"


def test_republishing_without_text_changes_keeps_translations_current(
    users, tree, django_capture_on_commit_callbacks
):
    source_page = tree.standard
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    assert status_of(source_page, "sv") == CURRENT

    # A republish that changes no translatable text (e.g. a new go-live date or liaison).
    page = StandardPage.objects.get(pk=source_page.pk)
    page.save_revision().publish()
    assert status_of(source_page, "sv") == CURRENT

    page.intro = NEW_INTRO
    page.save_revision().publish()
    assert status_of(source_page, "sv") == OUTDATED
