"""Replacing a live translation with source text (alias) or stopping its sync: Communications only.

Both would put Finnish text on a live Swedish page without review, so translators, and liaisons
on their own pilot's translation, are refused over HTTP; the translation is untouched.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .test_permissions import assert_denied

# The tree fixture reads the demo's Swedish and English home pages and a live StandardPage.
pytestmark = pytest.mark.demo


def _translate(page: Page, code: str) -> tuple[Translation, Page]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=code)
    )
    translation.save_target(publish=True)
    return translation, translation.get_target_instance()


def test_translator_and_liaison_cannot_alias_or_stop_sync(client, users, tree):
    translation, sv_pilot = _translate(tree.pilot_a, "sv")
    for user in (users.translator_sv, users.liaison_a):
        client.force_login(user)
        # They may edit the Swedish pilot (that is their work) ...
        assert sv_pilot.permissions_for_user(user).can_edit()
        alias_url = reverse("wagtail_localize:convert_to_alias", args=[sv_pilot.pk])
        stop_url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
        # ... but not replace it with the Finnish text, by either route.
        assert_denied(client, alias_url)
        assert (
            client.post(alias_url, headers={"x-requested-with": "XMLHttpRequest"}).status_code
            == 403
        )
        assert (
            client.post(stop_url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
        )
        # The action menu no longer offers it either.
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[sv_pilot.pk]))
        assert edit.status_code == 200
    sv_pilot.refresh_from_db()
    translation.refresh_from_db()
    assert sv_pilot.alias_of_id is None
    assert translation.enabled


def test_communications_may_convert_to_alias_and_stop_sync(client, users, tree):
    translation, sv_pilot = _translate(tree.pilot_a, "sv")
    client.force_login(users.communications)
    alias_url = reverse("wagtail_localize:convert_to_alias", args=[sv_pilot.pk])
    assert client.get(alias_url).status_code == 200  # the confirmation page
    stop_url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert client.post(stop_url).status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    client.post(alias_url)
    sv_pilot.refresh_from_db()
    assert sv_pilot.alias_of_id == tree.pilot_a.pk
