"""Events in real Chromium: listing, series and event pages pass axe; a visitor registers."""

import pytest

from events.models import Registration
from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]


def test_event_pages_pass_axe_and_a_visitor_can_register(demo_site, live_server, page, settings):
    settings.FORM_RATE_LIMIT = "100/m"
    for path in (
        "/fi/tapahtumat/",
        "/fi/tapahtumat/?year=abc",
        "/sv/evenemang/ai-aamu/",
        "/en/events/ai-aamu-digifinlandin-ai-hanke/",
        "/fi/tapahtumat/ai-aamu-tuleva-1/",
    ):
        page.goto(f"{live_server.url}{path}")
        results = run_axe(page)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"

    page.get_by_label("Nimi").fill("Selain Testaaja")
    page.get_by_label("Sähköposti").fill("selain@example.org")
    page.get_by_label("Hyväksyn", exact=False).check()
    page.get_by_role("button", name="Ilmoittaudu").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("Ilmoittautumisesi")
    assert Registration.objects.get(email="selain@example.org").status == "confirmed"
