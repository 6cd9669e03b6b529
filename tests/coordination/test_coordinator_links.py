"""A coordinator's dashboard leads only where they may go; their register opens for them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from coordination.models import ProgressReport

pytestmark = pytest.mark.django_db


def _admin_links(html: str) -> set[str]:
    hrefs = {h.replace("&amp;", "&") for h in re.findall(r'href="(/admin/[^"#]*)"', html)}
    return {h for h in hrefs if "logout" not in h}


def test_every_dashboard_link_opens_for_a_coordinator(client, coordinator, make_pilot):
    pilot = make_pilot("Koordinoitu kokeilu")
    client.force_login(coordinator)
    html = client.get(reverse("coordination_dashboard")).content.decode()
    assert pilot.title in html
    assert reverse("wagtailadmin_pages:edit", args=[pilot.pk]) not in html  # they cannot edit
    links = _admin_links(html)
    assert any("coordination/reports" in link for link in links)
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link


def test_legislative_needs_register_opens_for_a_coordinator(client, coordinator):
    client.force_login(coordinator)
    url = reverse("coordination_legislative_needs:index")
    assert client.get(url).status_code == 200
    assert client.get(reverse("coordination_legislative_needs:add")).status_code == 200


def test_budget_shows_used_and_planned(client, coordinator, make_pilot):
    import datetime as dt

    pilot = make_pilot("Budjettikokeilu")
    pilot.total_budget = Decimal("200000")
    pilot.save_revision().publish()
    client.force_login(coordinator)
    html = client.get(reverse("coordination_dashboard")).content.decode()
    assert "— / 200000 €" in html  # no report yet: the plan still shows
    ProgressReport.objects.create(
        pilot=pilot,
        period_start=dt.date(2025, 1, 1),
        budget_used=Decimal("50000"),
        state=ProgressReport.State.APPROVED,
    )
    html = client.get(reverse("coordination_dashboard")).content.decode()
    assert "50000 / 200000 €" in html
