"""The demo adds milestones and reports to whatever pilots exist; pilots' editors get milestones."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from coordination import dashboard, periods
from coordination.models import LegislativeNeed, Milestone, ProgressReport
from demo import data
from demo.loaders import coordination as demo
from demo.toolkit import DemoContext

pytestmark = pytest.mark.django_db


@pytest.mark.demo
def test_demo_fills_existing_pilots_once(make_pilot):
    from pilots.models import PilotPage

    # The session demo already holds the pilots app's pilots, with this demo's milestones and
    # reports: remove them (and their translations), so the demo meets only this test's pilots.
    PilotPage.objects.all().delete()
    assert not Milestone.objects.exists() and not ProgressReport.objects.exists()
    titles = [
        "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi",
        "Ammattilaisen AI-assistentti",
        "Automaattiset APTJ-kirjaukset hyvinvointialueella",
    ]
    pilots = [make_pilot(t) for t in titles]
    from home.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    ctx = DemoContext(home=home)
    demo.load(ctx)
    assert ctx.created
    for pilot in pilots:
        assert Milestone.objects.filter(pilot=pilot).count() == len(
            data.load("coordination")["milestones"]
        )
        # milestones live in the page's revision too, so editing the page keeps them
        assert pilot.get_latest_revision_as_object().milestones.count() == len(
            data.load("coordination")["milestones"]
        )
    assert ProgressReport.objects.filter(pilot__in=pilots, overall_status="at_risk").exists()
    today = timezone.localdate()
    rows = {r.pilot.pk: r for r in dashboard.build_rows(today)}
    # The third pilot lacks the last period's report: overdue once its due date has passed.
    expected = [pilots[2].pk] if today > periods.last_complete_period(today).due else []
    assert [p.pk for p in pilots if rows[p.pk].overdue] == expected
    # a need found its pilot by title
    need = LegislativeNeed.objects.get(
        locale=Locale.get_default(), law__startswith="Sosiaalihuoltolaki"
    )
    assert need.pilot_id == pilots[0].pk

    again = DemoContext(home=home)
    demo.load(again)
    assert again.created == []


def test_pilot_editor_has_the_milestones_inline(client, make_pilot, make_user):
    pilot = make_pilot("Muokattava kokeilu")
    client.force_login(make_user("paakayttaja", superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[pilot.pk])).content.decode()
    assert 'name="milestones-TOTAL_FORMS"' in html


def test_admin_screens_render_for_a_superuser(client, make_pilot, make_user):
    pilot = make_pilot("Näkyvä kokeilu")
    client.force_login(make_user("paakayttaja2", superuser=True))
    for name in (
        "coordination_schedules:add",
        "coordination_reports:index",
        "coordination_reports:add",
        "coordination_dashboard",
        "coordination_evaluation",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
    add = client.get(reverse("coordination_reports:add")).content.decode()
    assert f'<option value="{pilot.pk}">' in add  # a plain select of Finnish pilots


def test_coordinators_group_reaches_the_dashboard(client, make_pilot):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Coordinators")  # made by the data migration
    user = get_user_model().objects.create_user("koordinoija", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("coordination_dashboard")).status_code == 200
