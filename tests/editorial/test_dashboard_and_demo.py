"""The liaison and translator dashboard panels, and the dev-only demo editors."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from demo.loaders import editors as demo_users

from .conftest import make_user, name_liaison, standard_page_post


def test_liaison_dashboard_shows_pilot_drafts_and_review(client, users, tree):
    client.force_login(users.liaison_a)
    data = standard_page_post(tree.update_a, title="Päivitys A (tarkastettavana)")
    edit = reverse("wagtailadmin_pages:edit", args=[tree.update_a.pk])
    assert client.post(edit, {**data, "action-submit": "1"}).status_code == 302

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    marker = f'id="editorial-pilot-{tree.pilot_a.pk}-section"'
    panel = html.split(marker)[1].split("</section>")[0]
    assert "Kokeilu A" in panel
    review = panel.split("Luonnos A")[0]
    assert "Päivitys A (tarkastettavana)" in review  # waiting for review
    assert "Luonnos A" in panel  # the draft
    assert "Kokeilu B" not in html


def test_dashboard_panel_only_for_liaisons(client, users, tree):
    client.force_login(users.translator_sv)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editorial-pilot-' not in html
    assert 'id="editorial-translations-section"' in html
    client.force_login(users.communications)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editorial-pilot-' not in html
    assert 'id="editorial-translations-section"' not in html


def test_translation_status_menu_item(client, users):
    client.force_login(users.translator_en)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editorial_translations") in html


def test_demo_editors_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_editorial_demo", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="viestinta").exists()


def test_demo_editors_refused_with_production_settings(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    with pytest.raises(CommandError):
        call_command("load_editorial_demo", force=True, stdout=io.StringIO())


@pytest.mark.demo
def test_demo_editors_liaison_per_pilot_and_page_in_review(tree, settings):
    settings.DEBUG = True
    result = demo_users.load()
    user_model = get_user_model()
    assert {"viestinta", "koordinaattori", "kaantaja-sv", "kaantaja-en"} <= set(result.users)
    comms = user_model.objects.get(username="viestinta")
    assert comms.check_password(demo_users.demo_password())
    assert [g.name for g in comms.groups.all()] == ["Communications"]
    coordinator = user_model.objects.get(username="koordinaattori")
    assert coordinator.check_password(demo_users.demo_password())
    assert [g.name for g in coordinator.groups.all()] == ["Coordinators"]
    pilots = Page.objects.type(tree.pilot_a.__class__).filter(locale=tree.home.locale)
    assert len(result.liaisons) == pilots.count() >= 2
    for pilot in pilots.specific():
        assert pilot.liaisons.filter(username__startswith="yhteyshenkilo-").count() == 1
    assert result.in_review
    assert WorkflowState.objects.active().exists()

    # The Swedish translator works in a Swedish admin.
    from wagtail.users.models import UserProfile

    swedish = user_model.objects.get(username="kaantaja-sv")
    assert UserProfile.get_for_user(swedish).get_preferred_language() == "sv"

    again = demo_users.load()
    assert again.users == []
    assert WorkflowState.objects.active().count() == 1


@pytest.mark.demo
def test_demo_editors_without_pilots(db, settings):
    from pilots.models import PilotPage

    settings.DEBUG = True
    PilotPage.objects.all().delete()
    result = demo_users.load()
    assert result.liaisons == {} and result.in_review is None


def test_liaison_of_two_pilots_sees_both(client, tree):
    user = make_user("two-pilots", "Liaisons")
    name_liaison(tree.pilot_a, user)
    name_liaison(tree.pilot_b, user)
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kokeilu A" in html and "Kokeilu B" in html
