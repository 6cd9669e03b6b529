"""The front page in real Chromium: renders, passes axe, and switches language by click."""

import pytest

from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_front_page_has_no_axe_violations(demo_site, live_server, page, language):
    page.goto(f"{live_server.url}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def test_language_switcher_click_lands_on_translation(demo_site, live_server, page):
    page.goto(f"{live_server.url}/fi/tietoa/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "About the ecosystem"


def test_skip_link_moves_focus_to_main(demo_site, live_server, page):
    page.goto(f"{live_server.url}/fi/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_front_page_fits_a_320px_screen(demo_site, live_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/fi/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
