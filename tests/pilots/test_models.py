"""The pilot model: validation, indicator progress and what the admin does with bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pilots.models import Indicator, Measurement, PilotPage
from tests.factories import ThemeFactory

from .conftest import make_indicator, make_pilot

pytestmark = pytest.mark.django_db


def test_stm_funding_over_half_of_budget_is_a_field_error(fresh_index):
    pilot = make_pilot(fresh_index, "Rahoitus")
    pilot.total_budget = Decimal(100_000)
    pilot.stm_funding = Decimal("50000.01")
    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert "stm_funding" in error.value.message_dict
    pilot.stm_funding = Decimal(50_000)
    pilot.full_clean()


def test_end_before_start_is_a_field_error(fresh_index):
    pilot = make_pilot(fresh_index, "Aikataulu", start_date=dt.date(2025, 1, 1))
    pilot.end_date = dt.date(2024, 12, 31)
    with pytest.raises(ValidationError) as error:
        pilot.full_clean()
    assert list(error.value.message_dict) == ["end_date"]


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "latest", "expected"),
    [
        ("up", 40, 80, 65, 62),  # 25 of 40 → 62.5 → 62
        ("down", 30, 14, 21, 56),  # 9 of 16 → 56.25
        ("down", 30, 10, 35, -25),  # moved the wrong way
        ("up", 10, 20, 25, 150),  # past the target
    ],
)
def test_progress_towards_target_in_both_directions(
    fresh_index, direction, baseline, target, latest, expected
):
    pilot = make_pilot(fresh_index, f"Suunta {direction} {latest}")
    indicator = make_indicator(
        pilot,
        direction=direction,
        baseline_value=Decimal(baseline),
        target_value=Decimal(target),
        measurements=0,
    )
    Measurement.objects.create(indicator=indicator, date=dt.date(2025, 2, 1), value=Decimal(0))
    Measurement.objects.create(indicator=indicator, date=dt.date(2025, 5, 1), value=Decimal(latest))
    assert indicator.progress_percent() == expected


def test_indicator_target_must_lie_in_the_good_direction(fresh_index):
    pilot = make_pilot(fresh_index, "Tavoite")
    indicator = Indicator(
        page=pilot,
        name="Jono",
        direction="down",
        baseline_value=Decimal(10),
        baseline_date=dt.date(2025, 1, 1),
        target_value=Decimal(20),
    )
    with pytest.raises(ValidationError) as error:
        indicator.clean()
    assert "target_value" in error.value.message_dict


def test_themes_helper_returns_the_theme_snippets(fresh_index):
    pilot = make_pilot(fresh_index, "Teemat", theme_slugs=["parempi-hoidon-laatu"])
    assert [t.slug for t in PilotPage.objects.get(pk=pilot.pk).themes] == ["parempi-hoidon-laatu"]


def _edit_form(pilot, **overrides) -> dict:
    data = {
        "title": pilot.title,
        "slug": pilot.slug,
        "summary": pilot.summary,
        "region": str(pilot.region_id),
        "lead_organisation_name": "",
        "partners": inline_formset([]),
        "theme_links": inline_formset([]),
        "category": "other",
        "technology": "nlp",
        "status": "ongoing",
        "start_date": "2025-01-01",
        "end_date": "2025-12-31",
        "total_budget": "100000",
        "stm_funding": "40000",
        "goals": "Tallennettava tavoiteteksti 4711",
        "problem": "",
        "solution": "",
        "target_users": "",
        "legislative_needs": "",
        "lessons_learned": "",
        "indicators": inline_formset([]),
        "links": inline_formset([]),
        "milestones": inline_formset([]),  # the coordination app's inline on the pilot
        "contact_organisation": "",
        "contact_email": "",
        "contact_url": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def _post_edit(client, pilot, **overrides):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[pilot.pk]), _edit_form(pilot, **overrides)
    )


def test_admin_publish_with_theme_rows_and_indicator(admin_en, fresh_index):
    pilot = make_pilot(fresh_index, "Hallinta")
    theme = ThemeFactory(slug="parempi-hoidon-laatu", name="Parempi hoidon laatu")
    indicator = {
        "name": "Läpimenoaika",
        "unit": "vrk",
        "direction": "down",
        "definition": "",
        "baseline_value": "30",
        "baseline_date": "2025-01-01",
        "target_value": "14",
        "target_date": "",
        "data_source": "",
        "measurements": inline_formset([{"date": "2025-03-01", "value": "20", "note": ""}]),
    }
    response = _post_edit(
        admin_en,
        pilot,
        theme_links=inline_formset([{"theme": str(theme.pk)}]),
        indicators=inline_formset([indicator]),
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    saved = PilotPage.objects.get(pk=pilot.pk)
    assert saved.goals.endswith("4711")
    assert saved.themes == [theme]
    (row,) = saved.indicators.all()
    assert [m.value for m in row.measurements.all()] == [Decimal(20)]
    assert row.progress_percent() == 62  # 10 of 16 down from the baseline


def test_admin_rejects_stm_funding_over_half_and_keeps_other_input(admin_en, fresh_index):
    pilot = make_pilot(fresh_index, "Liikaa rahaa")
    response = _post_edit(admin_en, pilot, stm_funding="60000")
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 50 %" in html
    assert "Tallennettava tavoiteteksti 4711" in html  # the editor's other input survives
    assert 'value="60000"' in html
    assert PilotPage.objects.get(pk=pilot.pk).stm_funding is None


def test_admin_rejects_end_before_start(admin_en, fresh_index):
    pilot = make_pilot(fresh_index, "Väärä aikataulu")
    response = _post_edit(admin_en, pilot, end_date="2024-06-30")
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()


def test_admin_rejects_measurement_without_date_and_keeps_its_value(admin_en, fresh_index):
    pilot = make_pilot(fresh_index, "Mittaus ilman päivää")
    indicator = {
        "name": "Läpimenoaika",
        "unit": "vrk",
        "direction": "down",
        "definition": "",
        "baseline_value": "30",
        "baseline_date": "2025-01-01",
        "target_value": "14",
        "target_date": "",
        "data_source": "",
        "measurements": inline_formset([{"date": "", "value": "123.45", "note": "muistiinpano"}]),
    }
    response = _post_edit(admin_en, pilot, indicators=inline_formset([indicator]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "123.45" in html and "muistiinpano" in html
    assert not Indicator.objects.filter(page=pilot).exists()
