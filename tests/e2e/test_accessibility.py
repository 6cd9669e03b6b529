"""axe-core (WCAG 2.1 A/AA) on every public page type in fi, sv and en, and keyboard-only use of
the main menu and the language switcher. Table-driven: apps add their page URLs to PAGES."""

from __future__ import annotations

import pytest

from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]


# page type -> its URL in each language (the lead adds pilots, reports, events, members, search)
PAGES: dict[str, dict[str, str]] = {
    "HomePage": {"fi": "/fi/", "sv": "/sv/", "en": "/en/"},
    "StandardPage": {"fi": "/fi/tietoa/", "sv": "/sv/om/", "en": "/en/about/"},
    "StandardPage (cards)": {"fi": "/fi/osallistu/", "sv": "/sv/delta/", "en": "/en/get-involved/"},
    "404": {"fi": "/fi/ei-ole/", "sv": "/sv/finns-inte/", "en": "/en/missing/"},
    "AccessibilityStatementPage": {
        "fi": "/fi/saavutettavuusseloste/",
        "sv": "/sv/tillganglighetsutlatande/",
        "en": "/en/accessibility-statement/",
    },
    # pilots
    "PilotIndexPage": {"fi": "/fi/kokeilut/", "sv": "/sv/forsok/", "en": "/en/pilots/"},
    "PilotPage": {
        "fi": "/fi/kokeilut/ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi/",
        "sv": "/sv/forsok/ai-assisterad-sammanstallning-av-bedomningen-av-ett-barns-servicebehov/",
        "en": "/en/pilots/ai-assisted-compilation-of-a-childs-service-need-assessment/",
    },
    "PilotUpdatePage": {
        "fi": "/fi/kokeilut/ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi/"
        "kokeilu-kaynnistyi-lastensuojelussa/",
        "sv": "/sv/forsok/ai-assisterad-sammanstallning-av-bedomningen-av-ett-barns-servicebehov/"
        "forsoket-inleddes-inom-barnskyddet/",
        "en": "/en/pilots/ai-assisted-compilation-of-a-childs-service-need-assessment/"
        "the-pilot-started-in-child-welfare/",
    },
    "FundingCallPage": {
        "fi": "/fi/kokeilut/ideahaku-2024/",
        "sv": "/sv/forsok/idesokning-2024/",
        "en": "/en/pilots/call-for-ideas-2024/",
    },
    # reports
    "ReportIndexPage": {"fi": "/fi/selvitykset/", "sv": "/sv/utredningar/", "en": "/en/reports/"},
    "ReportPage": {
        "fi": "/fi/selvitykset/tekoaly-hyvinvointialueilla/",
        "sv": "/sv/utredningar/ai-i-valfardsomradena/",
        "en": "/en/reports/ai-in-the-wellbeing-services-counties/",
    },
    "UseCaseCatalogPage": {
        "fi": "/fi/kayttotapaukset/",
        "sv": "/sv/anvandningsfall/",
        "en": "/en/use-cases/",
    },
    # news, blog, newsletter
    "NewsIndexPage": {"fi": "/fi/uutiset/", "sv": "/sv/nyheter/", "en": "/en/news/"},
    "NewsPage": {
        "fi": "/fi/uutiset/kokeilurahoitus-avautuu/",
        "sv": "/sv/nyheter/forsoksfinansieringen-oppnar/",
        "en": "/en/news/pilot-funding-opens/",
    },
    "BlogIndexPage": {"fi": "/fi/blogi/", "sv": "/sv/blogg/", "en": "/en/blog/"},
    "BlogPage": {
        "fi": "/fi/blogi/miksi-tekoalyekosysteemi/",
        "sv": "/sv/blogg/varfor-ett-ai-ekosystem/",
        "en": "/en/blog/why-an-ai-ecosystem/",
    },
    "NewsletterIndexPage": {
        "fi": "/fi/uutiskirje/",
        "sv": "/sv/nyhetsbrev/",
        "en": "/en/newsletter/",
    },
    "NewsletterIssuePage": {
        "fi": "/fi/uutiskirje/marraskuu-2024/",
        "sv": "/sv/nyhetsbrev/november-2024/",
        "en": "/en/newsletter/november-2024/",
    },
    # members and coordination
    "MemberDirectoryPage": {"fi": "/fi/jasenet/", "sv": "/sv/medlemmar/", "en": "/en/members/"},
    "JoinPage": {
        "fi": "/fi/jasenet/liity-jaseneksi/",
        "sv": "/sv/medlemmar/bli-medlem/",
        "en": "/en/members/join/",
    },
    "SubscribePage": {
        "fi": "/fi/tilaa-uutiskirje/",
        "sv": "/sv/prenumerera/",
        "en": "/en/subscribe/",
    },
    "ProposalPage": {
        "fi": "/fi/osallistu/ehdota-ai-aamun-aihetta/",
        "sv": "/sv/delta/foresla-ai-aamu-amne/",
        "en": "/en/get-involved/propose-ai-aamu-topic/",
    },
    "WorkingGroupIndexPage": {
        "fi": "/fi/tyoryhmat/",
        "sv": "/sv/arbetsgrupper/",
        "en": "/en/working-groups/",
    },
    "WorkingGroupPage": {
        "fi": "/fi/tyoryhmat/juridiikan-tyoryhma/",
        "sv": "/sv/arbetsgrupper/juridik/",
        "en": "/en/working-groups/legal/",
    },
    "PartnerIndexPage": {"fi": "/fi/kumppanit/", "sv": "/sv/partner/", "en": "/en/partners/"},
    "PartnerPage": {
        "fi": "/fi/kumppanit/wenla/",
        "sv": "/sv/partner/wenla/",
        "en": "/en/partners/wenla/",
    },
    "LegislativeNeedsPage": {
        "fi": "/fi/lainsaadantotarpeet/",
        "sv": "/sv/lagstiftningsbehov/",
        "en": "/en/legislative-needs/",
    },
    "LessonsLearnedPage": {"fi": "/fi/opit/", "sv": "/sv/lardomar/", "en": "/en/lessons-learned/"},
    # events
    "EventIndexPage": {"fi": "/fi/tapahtumat/", "sv": "/sv/evenemang/", "en": "/en/events/"},
    "EventSeriesPage": {
        "fi": "/fi/tapahtumat/ai-aamu/",
        "sv": "/sv/evenemang/ai-aamu/",
        "en": "/en/events/ai-aamu/",
    },
    "EventPage (past)": {
        "fi": "/fi/tapahtumat/ai-aamu-digifinlandin-ai-hanke/",
        "sv": "/sv/evenemang/ai-aamu-digifinlandin-ai-hanke/",
        "en": "/en/events/ai-aamu-digifinlandin-ai-hanke/",
    },
    "EventPage (registration)": {
        "fi": "/fi/tapahtumat/ai-aamu-tuleva-1/",
        "sv": "/sv/evenemang/ai-aamu-tuleva-1/",
        "en": "/en/events/ai-aamu-tuleva-1/",
    },
}
LANGUAGES = ["fi", "sv", "en"]


def page_type_halves() -> dict[str, list[str]]:
    """The table's page types in two halves, in its order: the whole-table browser tests run
    once per language and half, so no single test takes the 40–80 s of a whole language (a
    test xdist cannot share between its workers) and every page type is still visited."""
    types = list(PAGES)
    middle = (len(types) + 1) // 2
    return {
        f"types-1-{middle}": types[:middle],
        f"types-{middle + 1}-{len(types)}": types[middle:],
    }


PAGE_TYPE_HALVES = page_type_halves()


@pytest.mark.parametrize("half", PAGE_TYPE_HALVES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_axe_violations(demo_site, live_server, page, language, half):
    """One browser session per language and half of the table visits each of its page types
    and collects all violations."""
    problems = []
    for page_type in PAGE_TYPE_HALVES[half]:
        urls = PAGES[page_type]
        path = urls[language]
        response = page.goto(live_server.url + path)
        if page_type != "404":
            assert response is not None and response.status == 200, f"{path} -> {response}"
        assert page.locator("html").get_attribute("lang") == language, path
        results = run_axe(page)
        if results.violations_count:
            problems.append(f"{page_type} {path}:\n{results.generate_report()}")
    assert not problems, "\n\n".join(problems)


# A form sent empty, so that its error summary and field errors are on the page.
EMPTY_FORMS = {
    "fi": "/fi/tilaa-uutiskirje/",
    "sv": "/sv/prenumerera/",
    "en": "/en/subscribe/",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_with_errors_has_no_axe_violations(demo_site, live_server, page, language):
    page.goto(live_server.url + EMPTY_FORMS[language])
    form = page.locator("main form").first
    # Every public form is sent without the browser's own validation (novalidate), so the
    # server answers with its error messages; wait for that answer (count() does not wait).
    assert form.evaluate("f => f.noValidate"), "the form lets the browser validate"
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()
    assert page.locator(".errorlist, [aria-invalid=true]").count(), "no errors shown"
    results = run_axe(page)
    assert not results.violations_count, results.generate_report()


def _tab_until(page, predicate_js: str, limit: int = 40) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def test_menu_and_language_switcher_work_with_the_keyboard_only(demo_site, live_server, page):
    page.goto(live_server.url + "/fi/")
    # Tab to the main menu's first link and follow it with Enter.
    # (The menu's groups are disclosures: Tab passes their buttons and reaches the first link.)
    reached = _tab_until(
        page,
        "document.activeElement.closest('.main-nav') !== null"
        " && document.activeElement.tagName === 'A'",
    )
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
