"""The AI register in Chromium: the index and a record page in fi, sv and en are axe-clean
(WCAG 2.1 A/AA) and reflow at 320 px without horizontal scrolling; the record's feedback form
with errors is axe-clean too. Built with factories (no demo load)."""

from __future__ import annotations

import pytest

from tests.conftest import ensure_site_tree
from tests.e2e.axe import run_axe
from tests.factories import AIRecordPageFactory, RegisterIndexPageFactory, translate_record
from tests.factories.tree import build_locale_tree

pytestmark = [pytest.mark.e2e]

TITLES = {"sv": "AI-registret", "en": "AI register"}


@pytest.fixture
def register(transactional_db):
    ensure_site_tree()  # a transactional test before this one emptied every table
    build_locale_tree()
    indexes = {"fi": RegisterIndexPageFactory()}
    for language, title in TITLES.items():
        indexes[language] = RegisterIndexPageFactory(
            language=language, title=title, slug=title.lower().replace(" ", "-")
        )
    record = AIRecordPageFactory(title="Palvelutarpeen arvioinnin koostaja")
    records = {"fi": record}
    for language in TITLES:
        records[language] = translate_record(record, language, title=f"Compiler ({language})")
    return indexes, records


def _check(page, url: str) -> list[str]:
    problems = []
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{url} at {width} px scrolls sideways by {overflow} px")
        results = run_axe(page)
        if results.violations_count:
            problems.append(f"{url} at {width} px:\n{results.generate_report()}")
    return problems


def test_index_and_record_are_accessible_and_reflow(register, live_server, page):
    indexes, records = register
    problems = []
    for language in ("fi", "sv", "en"):
        problems += _check(page, live_server.url + indexes[language].url)
        problems += _check(page, live_server.url + records[language].url)
        assert page.locator("html").get_attribute("lang") == language
    # The feedback form sent empty: its errors are announced accessibly too.
    with page.expect_navigation():  # wait for the answer; count() reads whatever page is there
        page.locator("#feedback-heading ~ form button[type=submit]").click()
    assert page.locator(".errorlist").count()
    results = run_axe(page)
    if results.violations_count:
        problems.append(f"feedback errors:\n{results.generate_report()}")
    assert not problems, "\n\n".join(problems)
