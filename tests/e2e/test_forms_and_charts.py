"""Every public form and the pilot charts in real Chromium (issue 17).

Forms: each personal-data input carries an ``autocomplete`` token (WCAG 1.3.5); sent empty, the
form comes back with an error summary that has the focus (``autofocus``, no JavaScript), links to
a field that exists, and passes axe. Charts: at 375 px no chart text renders below 12 px, and
the figures are behind a disclosure whose table region a keyboard can reach.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from pilots.models import FundingCallPage
from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]


#: Every public form (the four proposal kinds share one form class, so one language each).
FORMS = {
    "newsletter": "/fi/tilaa-uutiskirje/",
    "newsletter (sv)": "/sv/prenumerera/",
    "membership": "/fi/jasenet/liity-jaseneksi/",
    "membership (en)": "/en/members/join/",
    "proposal: AI-aamu topic": "/fi/osallistu/ehdota-ai-aamun-aihetta/",
    "proposal: joint project": "/sv/delta/foresla-gemensamt-projekt/",
    "proposal: blog post": "/en/get-involved/offer-blog-post/",
    "proposal: event": "/fi/osallistu/ilmoita-tapahtumasta/",
    "event registration": "/fi/tapahtumat/ai-aamu-tuleva-1/",
    "funding application": "/fi/kokeilut/ideahaku-2024/",
    "accessibility feedback": "/fi/saavutettavuusseloste/",
    "accessibility feedback (en)": "/en/accessibility-statement/",
}

#: Inputs that ask for personal data, by name; each must say what it is for.
PERSONAL = {
    "email": "email",
    "contact_email": "email",
    "name": "name",
    "contact_name": "name",
    "organisation": "organization",
    "organisation_name": "organization",
}

SUMMARY_STATE = """() => {
    const summary = document.querySelector('.error-summary');
    if (!summary) return null;
    const links = Array.from(summary.querySelectorAll('a[href^="#"]'));
    return {
        focused: document.activeElement === summary,
        links: links.length,
        broken: links.map(a => a.getAttribute('href').slice(1))
                     .filter(id => !document.getElementById(id)),
        required: document.querySelectorAll('form.public-form .required').length,
        dashes: Array.from(document.querySelectorAll('form.public-form option'))
                     .filter(o => o.textContent.includes('-----')).length,
    };
}"""


@pytest.fixture
def open_call(demo_site, settings):
    """The demo's funding call, open for applications now (no cached copy of it closed)."""
    settings.PAGE_CACHE_ENABLED = False
    now = timezone.now()
    FundingCallPage.objects.update(
        form_opens_at=now - timedelta(days=1), form_closes_at=now + timedelta(days=7)
    )


def test_every_public_form_has_autocomplete_and_a_focused_error_summary(
    open_call, live_server, page
):
    problems = []
    for form_name, path in FORMS.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        form = page.locator("form.public-form")
        assert form.count() == 1, f"{form_name}: no public form at {path}"
        for name, token in PERSONAL.items():
            field = form.locator(f'[name="{name}"]')
            if field.count() and field.get_attribute("autocomplete") != token:
                problems.append(f"{form_name}: {name} has no autocomplete={token}")
        if form.locator('input[type="radio"]:checked').count():
            problems.append(f"{form_name}: a choice is preselected")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        state = page.evaluate(SUMMARY_STATE)
        if state is None:
            problems.append(f"{form_name}: no error summary after an empty submit")
            continue
        if not state["focused"]:
            problems.append(f"{form_name}: the error summary does not have the focus")
        if not state["links"] or state["broken"]:
            problems.append(
                f"{form_name}: summary links {state['links']}, broken {state['broken']}"
            )
        if not state["required"]:
            problems.append(f"{form_name}: no field is marked required")
        if state["dashes"]:
            problems.append(f"{form_name}: a '---------' option")
        results = run_axe(page)
        if results.violations_count:
            problems.append(f"{form_name} with errors:\n{results.generate_report()}")
    assert not problems, "\n".join(problems)


CHART_PAGES = [
    "/fi/kokeilut/ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi/",
    "/en/pilots/",
    "/sv/forsok/idesokning-2024/",
]

SMALLEST_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('svg.chart')).flatMap(svg => {
    const scale = svg.getScreenCTM().a;
    return Array.from(svg.querySelectorAll('text'))
        .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}))"""


def test_charts_are_readable_at_375_px_and_their_figures_reachable(demo_site, live_server, page):
    page.set_viewport_size({"width": 375, "height": 812})
    for path in CHART_PAGES:
        page.goto(live_server.url + path)
        assert page.locator("svg.chart").count(), path
        assert page.evaluate(SMALLEST_TEXT) >= 12, path
        disclosure = page.locator("details.chart-data").first
        assert not disclosure.locator("table").is_visible(), f"{path}: table shown by default"
        disclosure.locator("summary").click()
        region = disclosure.locator(".table-wrapper")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        region.focus()
        assert page.evaluate("document.activeElement.classList.contains('table-wrapper')"), path
