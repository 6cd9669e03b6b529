"""Editors get a clear error for an event that ends before it starts (no 500)."""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {
        "title": "Admin-testi",
        "slug": "admin-testi",
        "event_type": "workshop",
        "series": "",
        "intro": "",
        "start": "2030-05-06 10:00",
        "end": "2030-05-06 12:00",
        "event_format": "online",
        "venue": "",
        "online_link": "",
        "online_link_visibility": "until_end",
        "event_language": "fi",
        "organiser": "",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "agenda_items": inline_formset([]),
        "event_themes": inline_formset([]),
        "registration_mode": "none",
        "registration_url": "",
        "capacity": "",
        "registration_closes": "",
        "waiting_list": "on",
        "recording_url": "",
        "slides": streamfield([]),
        "summary": rich_text(""),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_admin_rejects_end_before_start_with_a_clear_message(admin_client, fi_index):
    url = f"/admin/pages/add/events/eventpage/{fi_index.pk}/"
    response = admin_client.post(url, form(end="2030-05-06 09:00"))
    assert response.status_code == 200  # the form again, not a crash
    assert "The event must end after it starts." in response.content.decode() or (
        "Tapahtuman on päätyttävä" in response.content.decode()
    )
    assert not EventPage.objects.filter(slug="admin-testi").exists()


def test_admin_creates_a_valid_event(admin_client, fi_index):
    url = f"/admin/pages/add/events/eventpage/{fi_index.pk}/"
    response = admin_client.post(url, form())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert EventPage.objects.filter(slug="admin-testi").exists()
