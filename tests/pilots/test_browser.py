"""The pilot pages in real Chromium: no axe violations, filters work without JavaScript.

One test per concern (not per page): each e2e test reloads the demo content, which is slow.
"""

import datetime as dt

import pytest
from django.utils import timezone

from pilots.models import FundingCallPage, PilotIndexPage
from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]

PATHS = [
    "/fi/kokeilut/",
    "/fi/kokeilut/?region=kanta-hame&theme=tuntematon",
    "/fi/kokeilut/lingai-reaaliaikainen-tulkkaus/",
    "/en/pilots/call-for-ideas-2024/",
    "/sv/forsok/updates/",
]


def assert_no_axe_violations(page, label: str) -> None:
    results = run_axe(page)
    assert results.violations_count == 0, f"{label}\n{results.generate_report()}"


def test_pilot_pages_have_no_axe_violations(demo_site, live_server, page):
    index = PilotIndexPage.objects.get(locale__language_code="fi")
    now = timezone.now()
    call = index.add_child(
        instance=FundingCallPage(
            title="Avoin haku",
            slug="avoin-haku",
            form_opens_at=now - dt.timedelta(days=1),
            form_closes_at=now + dt.timedelta(days=1),
        )
    )
    for path in [*PATHS, call.url]:
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page, path)
    # The open form after an empty submission: errors shown, still accessible.
    with page.expect_navigation():  # count() does not wait: wait for the answer to the post
        page.get_by_role("button", name="Lähetä hakemus").click()
    assert page.locator(".errorlist").count() > 0
    assert_no_axe_violations(page, "form with errors")


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
