"""Layout in a real browser: no page type scrolls sideways at 320 px (WCAG 1.4.10 Reflow) in
fi/sv/en, axe stays clean at that width, and the phone header keeps the heading high while
the menu opens without JavaScript. One browser session for each language and half of the page
types: the page types come from the axe suite's table (tests/e2e/test_accessibility.py)."""

from __future__ import annotations

import pytest

from tests.e2e.axe import run_axe
from tests.e2e.test_accessibility import LANGUAGES, PAGE_TYPE_HALVES, PAGES

pytestmark = [pytest.mark.e2e, pytest.mark.demo]

# The page's scroll width, and also any element of <main> that reaches past the viewport's right
# edge outside a region that scrolls itself (a table wrapper, a chart): an ancestor that clips
# its overflow hides the page's scroll but not the cut-off text.
OVERFLOW_JS = """() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    const scrolls = e => e.closest('.table-wrapper, .chart-scroll, .search-tabs ul, .report__fulltext-body');
    const wide = [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1 && !scrolls(e))
        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);
    if (over <= 0 && !wide.length) return null;
    return Math.max(over, 0) + ' px too wide: ' + wide.join(', ');
}"""


@pytest.mark.parametrize("half", PAGE_TYPE_HALVES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_type_scrolls_sideways_at_320_px(demo_site, live_server, page, language, half):
    """Per language and half of the page types (six tests, so xdist can share them)."""
    page.set_viewport_size({"width": 320, "height": 640})
    problems = []
    for page_type in PAGE_TYPE_HALVES[half]:
        path = PAGES[page_type][language]
        page.goto(live_server.url + path)
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow:
            problems.append(f"{page_type} {path}: {overflow}")
        results = run_axe(page)
        if results.violations_count:
            problems.append(f"{page_type} {path} (axe at 320 px):\n{results.generate_report()}")
    assert not problems, "\n".join(problems)


def test_phone_menu_opens_without_javascript_and_the_heading_stays_high(
    demo_site, live_server, browser
):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = context.new_page()
    for language in LANGUAGES:
        page.goto(live_server.url + PAGES["StandardPage"][language])
        heading_top = page.locator("main h1").bounding_box()["y"]
        assert heading_top < 812 / 2, f"{language}: the heading starts at {heading_top} px"
        links = page.locator(".main-nav__item > a")
        assert not links.first.is_visible(), "the menu is open before it is asked for"
        page.locator(".site-menu__button").click()
        assert links.first.is_visible()
        group = page.locator(".main-nav__group summary").first
        group.click()
        assert page.locator(".main-nav__group[open] .main-nav__sub a").first.is_visible()
    context.close()


def test_finnish_menu_is_one_row_at_1280_px(demo_site, live_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/fi/")
    assert not page.locator(".site-menu__button").is_visible()
    tops = {
        round(box["y"])
        for box in page.locator(".main-nav__item").evaluate_all(
            "items => items.map(i => i.getBoundingClientRect().toJSON())"
        )
    }
    assert len(tops) == 1, f"the menu wraps into {len(tops)} rows"
    results = run_axe(page)
    assert not results.violations_count, results.generate_report()


# A time cell broken over two lines ("8.3" / "0") fits the width but is not readable.
BROKEN_TIMES_JS = """() => [...document.querySelectorAll('.event-agenda th[scope=row]')]
    .filter(th => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
    })
    .map(th => th.textContent.trim())"""


@pytest.mark.parametrize("width", [320, 375])
def test_event_page_with_speakers_agenda_and_form_reflows(demo_site, live_server, page, width):
    """The event page as visitors report it: the demo's first upcoming AI-aamu has speakers from
    wellbeing services counties, an agenda with long Finnish compounds and the registration
    form (issue 17: it scrolled sideways at 375 px). No sideways scroll, and times stay whole."""
    page.set_viewport_size({"width": width, "height": 800})
    problems = []
    for language in LANGUAGES:
        path = PAGES["EventPage (registration)"][language]
        page.goto(live_server.url + path)
        assert page.locator(".event-speakers li").count() >= 2, f"{path}: no speakers to test"
        assert page.locator(".event-agenda tbody tr").count() >= 4, f"{path}: a stub agenda"
        assert page.locator("#registration form").count() == 1, f"{path}: no registration form"
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow:
            problems.append(f"{path} at {width} px: {overflow}")
        broken = page.evaluate(BROKEN_TIMES_JS)
        if broken:
            problems.append(f"{path} at {width} px: agenda times broken over lines: {broken}")
    assert not problems, "\n".join(problems)
