"""The publishing rule (required attributes), liaison rights on records, and the workflow."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from airegister.models import AIRecordPage
from editorial.roles import COMMUNICATIONS, LIAISONS
from tests.factories import AIRecordPageFactory, PilotPageFactory, SuperuserFactory

from .conftest import record_post

pytestmark = pytest.mark.django_db


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_publishing_with_required_attributes_empty_is_refused_and_nothing_is_lost(client):
    record = AIRecordPageFactory(draft=True)
    client.force_login(SuperuserFactory())
    data = record_post(record, goal="", risks="  ", remark="Tämä teksti ei saa kadota")
    response = client.post(edit_url(record), {**data, "action-publish": "1"})
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "Tämä teksti ei saa kadota" in html  # what was typed is still in the form
    errors = response.context["form"].errors
    assert set(errors) >= {"goal", "risks", "__all__"}
    message = " ".join(errors["__all__"])
    assert "Tavoitteet" in message or "Goals" in message
    record.refresh_from_db()
    assert not record.live


def test_saving_a_half_filled_draft_is_allowed(client):
    record = AIRecordPageFactory(draft=True)
    client.force_login(SuperuserFactory())
    response = client.post(edit_url(record), record_post(record, goal="", monitoring=""))
    assert response.status_code == 302
    record = AIRecordPage.objects.get(pk=record.pk)
    assert record.get_latest_revision_as_object().goal == "" and not record.live


def test_publishing_a_complete_record_works(client):
    record = AIRecordPageFactory(draft=True)
    client.force_login(SuperuserFactory())
    response = client.post(edit_url(record), {**record_post(record), "action-publish": "1"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.live and record.publication_date is not None


def test_submitting_for_review_needs_the_required_attributes_too(client):
    record = AIRecordPageFactory(draft=True)
    client.force_login(SuperuserFactory())
    data = record_post(record, lawful_basis="")
    response = client.post(edit_url(record), {**data, "action-submit": "1"})
    assert response.status_code == 200
    assert "lawful_basis" in response.context["form"].errors


def _liaison(pilot, username: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=LIAISONS))
    pilot = pilot.get_latest_revision_as_object()
    pilot.liaisons.add(user)
    pilot.save_revision().publish()
    return type(user).objects.get(pk=user.pk)


def test_liaison_edits_own_pilots_record_only(client):
    own = AIRecordPageFactory()
    other = AIRecordPageFactory()
    liaison = _liaison(own.get_parent().specific, "liaison_a")
    client.force_login(liaison)
    assert client.get(edit_url(own)).status_code == 200
    assert (
        client.get(edit_url(other), headers={"x-requested-with": "XMLHttpRequest"}).status_code
        == 403
    )
    # Posting to the other pilot's record changes nothing.
    client.post(edit_url(other), record_post(other, goal="Kaapattu"))
    assert AIRecordPage.objects.get(pk=other.pk).get_latest_revision_as_object().goal != "Kaapattu"
    # A liaison saves and submits; only Communications publishes.
    response = client.post(
        edit_url(own), {**record_post(own, goal="Uusi tavoite"), "action-submit": "1"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.goal != "Uusi tavoite"  # live page unchanged until approved
    assert own.current_workflow_state is not None


def test_liaison_may_add_a_record_under_own_pilot_only():
    pilot = PilotPageFactory()
    other = PilotPageFactory()
    liaison = _liaison(pilot, "liaison_b")
    assert pilot.permissions_for_user(liaison).can_add_subpage()
    assert not other.permissions_for_user(liaison).can_add_subpage()


def test_communications_publishes_records():
    record = AIRecordPageFactory(draft=True)
    user = get_user_model().objects.create_user("comms", "comms@example.org", "pw")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    assert record.permissions_for_user(user).can_publish()
