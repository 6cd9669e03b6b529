"""axe-core (WCAG 2.1 A/AA) on every public page type in fi, sv and en, and keyboard-only use of
the main menu and the language switcher. Table-driven: apps add their page URLs to PAGES."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# page type -> its URL in each language (the lead adds pilots, reports, events, members, search)
PAGES: dict[str, dict[str, str]] = {
    "HomePage": {"fi": "/fi/", "sv": "/sv/", "en": "/en/"},
    "StandardPage": {"fi": "/fi/tietoa/", "sv": "/sv/om/", "en": "/en/about/"},
    "StandardPage (cards)": {"fi": "/fi/osallistu/", "sv": "/sv/delta/", "en": "/en/get-involved/"},
    "404": {"fi": "/fi/ei-ole/", "sv": "/sv/finns-inte/", "en": "/en/missing/"},
}


def test_every_page_type_has_no_axe_violations(demo_site, live_server, page):
    axe = Axe()
    problems = []
    for page_type, urls in PAGES.items():
        for language, path in urls.items():
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == language, path
            results = axe.run(page, options={"runOnly": WCAG})
            if results.violations_count:
                problems.append(f"{page_type} {path}:\n{results.generate_report()}")
    assert not problems, "\n\n".join(problems)


def _tab_until(page, predicate_js: str, limit: int = 40) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def test_menu_and_language_switcher_work_with_the_keyboard_only(demo_site, live_server, page):
    page.goto(live_server.url + "/fi/")
    # Tab to the main menu's first link and follow it with Enter.
    reached = _tab_until(page, "document.activeElement.closest('.main-nav') !== null")
    assert reached, "the main menu cannot be reached with Tab"
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + target)
    # Focus is visible: the focused link has an outline or box shadow.
    page.goto(live_server.url + "/fi/tietoa/")
    reached = _tab_until(page, "document.activeElement.getAttribute('hreflang') === 'en'")
    assert reached, "the English language link cannot be reached with Tab"
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle + ' ' + s.boxShadow; })()"
    )
    assert style != "none none", "no visible focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
