"""The pilot pages in real Chromium: no axe violations, filters work without JavaScript.

One test per concern (not per page): each e2e test reloads the demo content, which is slow.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e]

WCAG = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
PATHS = [
    "/fi/kokeilut/",
    "/fi/kokeilut/?region=kanta-hame&theme=tuntematon",
    "/fi/kokeilut/lingai-reaaliaikainen-tulkkaus/",
    "/en/pilots/call-for-ideas-2024/",
    "/sv/forsok/updates/",
]


def test_pilot_pages_have_no_axe_violations(demo_site, live_server, page):
    for path in PATHS:
        page.goto(f"{live_server.url}{path}")
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"


def test_filters_work_without_javascript(demo_site, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fi/kokeilut/")
    page.get_by_label("Alue", exact=True).select_option("kanta-hame")
    page.get_by_label("Teema", exact=True).select_option("tehokkaampi-ammattilaistyo")
    page.get_by_role("button", name="Näytä kokeilut").click()
    page.wait_for_url("**region=kanta-hame**")
    assert page.locator(".pilot-cards > li").count() == 1
    context.close()
