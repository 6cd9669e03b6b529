"""Every editorial role's daily journeys in Chromium, from a fresh install with the demo.

Each test starts from what a new install has: the data the migrations made (serialized when the
test database was made and restored into emptied tables, so whatever ran before on the worker
does not matter: groups and their rights from the role table, the workflow, locales, site) plus
the demo loaders (``load_demo_content`` and ``load_editorial_demo``); no
right is granted by hand. The demo users log in with the demo password, as in the editors'
guide, and each journey checks its effect where a visitor or recipient sees it.

The fresh install is built once per worker, on top of the demo snapshot the other browser tests
share (the migrations' data plus ``load_demo_content``: only ``load_editorial_demo`` runs again),
and copied back before each test (``restore_or_build_fresh_install`` in tests/conftest.py).

With ``EDITORS_GUIDE_SHOTS=1`` the journeys save the editors' guide screenshots into
``docs/img/editors/`` (1280 px wide, in the user's admin language).
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.conftest import restore_or_build_fresh_install

pytestmark = [pytest.mark.e2e]

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "img" / "editors"


@pytest.fixture
def fresh_install(live_server):
    """A freshly migrated database (the migrations' data, restored whatever ran before on this
    worker) plus the demo and the demo editors; the live server's address."""
    from django.core.cache import caches

    restore_or_build_fresh_install()
    for configured in caches.all():
        configured.clear()
    mail.outbox.clear()
    return live_server.url


def shot(page, name: str) -> None:
    """A screenshot for docs/editors-guide.md, when EDITORS_GUIDE_SHOTS is set."""
    if os.environ.get("EDITORS_GUIDE_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def login(browser, base: str, username: str):
    """A new browser context for a demo user (documented demo password).

    The browser asks for Finnish, as the editors' browsers do; a user's own admin language
    (the Swedish translator's) overrides it.
    """
    from demo.loaders.editors import demo_password

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fi-FI")
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', demo_password())
    page.locator('button[type="submit"]').click()
    page.wait_for_url(f"{base}/admin/")
    return page


def visitor(browser):
    return browser.new_context().new_page()


def _first_liaison_pilot():
    from pilots.models import PilotPage

    return PilotPage.objects.get(liaisons__username="yhteyshenkilo-1", locale__language_code="fi")


def _approve_in_editor(page, base: str, page_id: int) -> None:
    page.goto(f"{base}/admin/pages/{page_id}/edit/")
    approve = page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    with page.expect_navigation():
        approve.dispatch_event("click")  # in the editor's action drop-down
    page.wait_for_load_state("networkidle")


def write_report(liaison, base: str, public_text: str, period: tuple[str, str], value: str) -> int:
    """The liaison writes a report for their pilot (preselected), with one figure for the
    pilot's first indicator on the period's last day, and submits it."""
    indicator = _first_liaison_pilot().indicators.order_by("pk").first()
    liaison.goto(f"{base}/admin/coordination/reports/new/")
    liaison.fill("#id_period_start", period[0])
    liaison.fill("#id_period_end", period[1])
    liaison.fill("#id_progress_summary", "Kokeilu eteni suunnitellusti.")
    liaison.fill("#id_public_update_text", public_text)
    liaison.locator("#id_measurements-ADD").click()
    liaison.locator("#id_measurements-0-indicator_name").select_option(indicator.name)
    liaison.locator("#id_measurements-0-date").fill(period[1])
    liaison.locator("#id_measurements-0-value").fill(value)
    with liaison.expect_navigation():
        liaison.locator('button[type="submit"]').last.click()
    assert "/admin/coordination/reports/" in liaison.url and "/review/" in liaison.url
    with liaison.expect_navigation():
        liaison.locator('button[name="action"][value="submit"]').click()
    return int(re.search(r"/reports/(\d+)/review/", liaison.url).group(1))


def test_liaison_update_and_report_approved_by_communications(fresh_install, browser):
    from coordination.models import ProgressReport
    from pilots.models import PilotUpdatePage

    base = fresh_install
    pilot = _first_liaison_pilot()

    liaison = login(browser, base, "yhteyshenkilo-1")
    assert liaison.locator(f"#editorial-pilot-{pilot.pk}-section").is_visible()
    shot(liaison, "liaison-dashboard")
    liaison.goto(f"{base}/admin/pages/add/pilots/pilotupdatepage/{pilot.pk}/")
    liaison.wait_for_load_state("networkidle")
    liaison.fill("#id_title", "Kesäkuun tilannekatsaus")
    liaison.fill("#id_summary", "Kesäkuussa kokeilu laajeni kahteen uuteen yksikköön.")
    liaison.get_by_role("tab").nth(1).click()
    liaison.locator("#id_slug").fill("kesakuun-tilannekatsaus")
    liaison.get_by_role("tab").nth(0).click()
    shot(liaison, "liaison-writes-update")
    liaison.locator('button[name="action-submit"]').dispatch_event("click")
    liaison.wait_for_url(f"{base}/admin/pages/{pilot.pk}/")
    update = PilotUpdatePage.objects.get(title="Kesäkuun tilannekatsaus")
    assert not update.live and update.workflow_in_progress

    public_text = "Kokeilu laajeni kesäkuussa kahteen uuteen yksikköön."
    report_id = write_report(liaison, base, public_text, ("2024-06-01", "2024-06-30"), "37")
    shot(liaison, "liaison-report-submitted")
    assert ProgressReport.objects.get(pk=report_id).state == "submitted"

    comms = login(browser, base, "viestinta")
    assert "Kesäkuun tilannekatsaus" in comms.content()  # awaiting review on the dashboard
    shot(comms, "communications-dashboard")
    _approve_in_editor(comms, base, update.pk)
    comms.goto(f"{base}/admin/coordination/reports/{report_id}/review/")
    shot(comms, "report-review")
    with comms.expect_navigation():
        comms.locator('button[name="action"][value="approve"]').click()
    assert ProgressReport.objects.get(pk=report_id).state == "approved"

    public = visitor(browser)
    public.goto(base + Page.objects.get(pk=update.pk).url)
    assert public.get_by_role("heading", level=1).inner_text() == "Kesäkuun tilannekatsaus"
    assert_published_report(public, base, pilot, "2024-06-30", "37", public_text)


def assert_published_report(public, base, pilot, date: str, value: str, text: str) -> None:
    """The approved figure is on the pilot page; the public update text on the lessons page."""
    from coordination.models import LessonsLearnedPage

    public.goto(base + pilot.url)
    row = public.locator(
        "#pilot-measurements-heading ~ div tr", has=public.locator(f'time[datetime="{date}"]')
    )
    assert row.locator("td").last.inner_text().split()[0] == value
    lessons = LessonsLearnedPage.objects.live().get(locale__language_code="fi")
    public.goto(base + lessons.url)
    assert text in public.locator("main").inner_text()


def test_communications_composes_and_sends_a_newsletter_issue(fresh_install, browser):
    from home.newsletter import NewsletterIndexPage, NewsletterIssuePage
    from members.models import NewsletterSend
    from tests.factories.members import SubscriberFactory
    from tests.mailqueue import delivered

    base = fresh_install
    confirmed = {"luki@example.org", "tilaaja@example.org"}
    for email in confirmed:
        SubscriberFactory(email=email, status="confirmed", confirmed_at=timezone.now())
    SubscriberFactory(email="vahvistamatta@example.org", status="pending")
    SubscriberFactory(
        email="ruotsiksi@example.org",
        language="sv",
        status="confirmed",
        confirmed_at=timezone.now(),
    )
    archive = NewsletterIndexPage.objects.get(locale__language_code="fi")

    comms = login(browser, base, "viestinta")
    comms.goto(f"{base}/admin/pages/add/home/newsletterissuepage/{archive.pk}/")
    comms.wait_for_load_state("networkidle")
    comms.fill("#id_title", "Uutiskirje kesäkuu 2026")
    comms.fill("#id_issue_date", "2026-06-15")
    comms.fill("#id_intro", "Kesän kokeilut ja tapahtumat.")
    comms.get_by_role("tab").nth(1).click()
    comms.locator("#id_slug").fill("uutiskirje-kesakuu-2026")
    with comms.expect_navigation():
        comms.locator('button[name="action-publish"]').dispatch_event("click")
    comms.wait_for_load_state("networkidle")
    issue = NewsletterIssuePage.objects.filter(title="Uutiskirje kesäkuu 2026").first()
    assert issue is not None and issue.live, comms.locator("main").inner_text()[:1500]

    comms.goto(f"{base}/admin/members/newsletter-sends/new/")
    comms.locator("[data-chooser-action-choose]").first.click()
    modal = comms.locator(".modal-content")
    # The chooser opens at the newsletter archive, where the issues are.
    modal.get_by_role("link", name="Uutiskirje kesäkuu 2026").wait_for()
    shot(comms, "newsletter-chooser")
    modal.get_by_role("link", name="Uutiskirje kesäkuu 2026").click()
    with comms.expect_navigation():
        comms.locator('button[type="submit"]').last.click()
    send = NewsletterSend.objects.get(issue=issue)
    comms.goto(base + _send_url(send.pk))
    with comms.expect_navigation():
        comms.locator('button[name="action"][value="test"]').click()
    with comms.expect_navigation():
        comms.locator('button[name="action"][value="start"]').click()
    shot(comms, "newsletter-send")

    for _ in range(2):  # a second worker pass sends nothing again
        call_command("run_worker", once=True, only="newsletter", stdout=io.StringIO())
        call_command("run_worker", once=True, only="mail", stdout=io.StringIO())
    sent = [m for m in delivered() if "kesäkuu 2026" in m.subject.lower()]
    recipients = [address for message in sent for address in message.to]
    staff_test = get_user_email("viestinta")
    assert sorted(recipients) == sorted([*confirmed, staff_test])  # each once, test included
    assert NewsletterSend.objects.get(pk=send.pk).status == "done"

    public = visitor(browser)
    public.goto(base + issue.url)
    assert "Kesän kokeilut ja tapahtumat." in public.content()


def _send_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("members_newsletter_send", args=[pk])


def get_user_email(username: str) -> str:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username).email


def test_communications_exports_funding_applications(fresh_install, browser):
    from pilots.models import FundingCallPage
    from tests.factories.pilots import FundingApplicationFactory

    base = fresh_install
    call = FundingCallPage.objects.filter(locale__language_code="fi").first()
    extra = {"call": call} if call is not None else {}
    FundingApplicationFactory(project_name='=HYPERLINK("http://x")', **extra)
    FundingApplicationFactory(project_name="Ikääntyneiden etähoito", **extra)

    comms = login(browser, base, "viestinta")
    comms.goto(f"{base}/admin/pilots/funding-applications/")
    shot(comms, "funding-applications")
    # "Lataa CSV" is in the header's "…" drop-down.
    comms.locator('#w-slim-header-buttons [data-w-dropdown-target="toggle"]').first.click()
    with comms.expect_download() as download_info:
        comms.locator('a[href*="export=csv"]').first.click()
    raw = Path(download_info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a UTF-8 BOM, for spreadsheet programs
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    projects = {cell for row in rows[1:] for cell in row}
    assert "Ikääntyneiden etähoito" in projects
    assert not any(cell.startswith("=") for cell in projects)  # formula cells neutralised
    assert rows[0][0] != "submitted_at"  # labels, not field names


def test_swedish_translator_and_reviewer_in_the_editor(fresh_install, browser, settings):
    """Communications starts a translation; the translator translates it in wagtail-localize's
    editor, submits; the reviewer asks for a change; the translator fixes it; approved → live."""
    from pilots.models import PilotUpdatePage

    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
    base = fresh_install
    pilot = _first_liaison_pilot()
    update = PilotUpdatePage(
        title="Heinäkuun tilannekatsaus", slug="heinakuun-tilannekatsaus", summary="Heinäkuu."
    )
    pilot.add_child(instance=update)
    update.save_revision().publish()
    swedish = Locale.objects.get(language_code="sv")

    comms = login(browser, base, "viestinta")
    comms.goto(f"{base}/admin/localize/submit/page/{update.pk}/")
    comms.locator(f'input[name="locales"][value="{swedish.pk}"]').check()
    with comms.expect_navigation():
        comms.locator('form button[type="submit"], form input[type="submit"]').last.click()
    sv_page = update.get_translation(swedish)
    assert not sv_page.live
    edit_url = f"{base}/admin/pages/{sv_page.pk}/edit/"

    translator = login(browser, base, "kaantaja-sv")
    translator.goto(f"{base}/admin/editorial/translations/")
    shot(translator, "translator-status")
    translator.goto(edit_url)
    translate_segment(translator, "Heinäkuun tilannekatsaus", "Lägesrapport juli")
    translate_segment(translator, "Heinäkuu.", "Juli.")
    panel = translator.locator(".editorial-review")
    panel.scroll_into_view_if_needed()  # the review panel above the texts
    panel.evaluate("element => element.scrollIntoView({block: 'start'})")
    shot(translator, "translator-editor")
    with translator.expect_navigation():
        panel.locator("button[data-review-submit]").click()
    assert translator.locator(".editorial-review").get_attribute("data-review-state") == "in_review"

    comms.goto(edit_url)
    review = comms.locator(".editorial-review")
    review.locator("textarea[name=comment]").first.fill("Rubriken: skriv ut året, juli 2026.")
    shot(comms, "reviewer-panel")
    with comms.expect_navigation():
        review.locator('form[data-action="reject"] button').click()

    translator.goto(edit_url)
    panel = translator.locator(".editorial-review")
    assert panel.get_attribute("data-review-state") == "changes_requested"
    assert "skriv ut året" in panel.inner_text()
    translate_segment(translator, "Heinäkuun tilannekatsaus", "Lägesrapport juli 2026")
    with translator.expect_navigation():
        translator.locator(".editorial-review button[data-resubmit]").click()

    comms.goto(edit_url)
    with comms.expect_navigation():
        comms.locator('.editorial-review form[data-action="approve"] button').first.click()
    sv_page = Page.objects.get(pk=sv_page.pk)
    assert sv_page.live

    public = visitor(browser)
    public.goto(base + sv_page.url)
    assert public.get_by_role("heading", level=1).inner_text() == "Lägesrapport juli 2026"
    assert public.locator("html").get_attribute("lang") == "sv"


def translate_segment(page, source: str, text: str) -> None:
    """In wagtail-localize's editor: open the segment showing ``source``, type, save (Enter)."""
    segment = page.locator("li", has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name=re.compile("Översätt|Redigera|Translate|Edit")).click()
    field = segment.locator("textarea")
    field.fill(text)
    with page.expect_response(lambda response: response.request.method in ("POST", "PUT")):
        field.press("Enter")
    segment.get_by_text(text, exact=True).wait_for()


def test_coordinator_approves_a_report_and_opens_the_register(fresh_install, browser):
    from coordination.models import LegislativeNeed, ProgressReport

    base = fresh_install
    liaison = login(browser, base, "yhteyshenkilo-1")
    public_text = "Kokeilun käyttäjämäärä kaksinkertaistui elokuussa."
    report_id = write_report(liaison, base, public_text, ("2024-08-01", "2024-08-31"), "42")

    coordinator = login(browser, base, "koordinaattori")
    coordinator.goto(f"{base}/admin/coordination/dashboard/")
    shot(coordinator, "coordinator-dashboard")
    coordinator.goto(f"{base}/admin/coordination/reports/?state=submitted")
    assert coordinator.locator(f'a[href*="/reports/{report_id}/review/"]').count()
    coordinator.goto(f"{base}/admin/coordination/reports/{report_id}/review/")
    with coordinator.expect_navigation():
        coordinator.locator('button[name="action"][value="approve"]').click()
    assert ProgressReport.objects.get(pk=report_id).state == "approved"

    coordinator.goto(f"{base}/admin/coordination/legislative-needs/")
    shot(coordinator, "legislative-needs")
    first = LegislativeNeed.objects.order_by("pk").first()
    assert first is not None and first.law in coordinator.content()

    assert_published_report(
        visitor(browser), base, _first_liaison_pilot(), "2024-08-31", "42", public_text
    )


def test_liaison_cannot_reach_another_pilot_by_any_admin_route(fresh_install, browser):
    """Every admin route to the second pilot (explorer, editor, add, history, preview, its
    reports, the page chooser and admin search) leads nowhere for the first pilot's liaison."""
    from coordination.models import ProgressReport
    from pilots.models import PilotPage

    base = fresh_install
    own = _first_liaison_pilot()
    other = PilotPage.objects.get(liaisons__username="yhteyshenkilo-2", locale__language_code="fi")
    other_report = ProgressReport.objects.filter(pilot=other).first()
    liaison = login(browser, base, "yhteyshenkilo-1")
    routes = [
        f"/admin/pages/{other.pk}/",  # the explorer: refused, back to the dashboard
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{other.pk}/add_subpage/",
        f"/admin/pages/{other.pk}/history/",
        f"/admin/pages/{other.pk}/edit/preview/",
        f"/admin/pages/{other.pk}/delete/",
        f"/admin/pages/{other.pk}/unpublish/",
    ]
    if other_report is not None:
        routes += [
            f"/admin/coordination/reports/{other_report.pk}/review/",
            f"/admin/coordination/reports/edit/{other_report.pk}/",
        ]
    for route in routes:
        response = liaison.goto(base + route)
        assert response.status in (403, 404) or liaison.url.rstrip("/").endswith("/admin"), route
        assert other.title not in liaison.locator("main").inner_text(), route
    # The explorer lists the way to the liaison's own pilot only, never the other one or its pages.
    liaison.goto(f"{base}/admin/pages/{own.get_parent().pk}/")
    assert f"/admin/pages/{own.pk}/edit/" in liaison.content()
    for page_id in [other.pk, *other.get_descendants().values_list("pk", flat=True)]:
        assert f"/admin/pages/{page_id}/" not in liaison.content()
        liaison.goto(f"{base}/admin/pages/{page_id}/")
        assert liaison.url.rstrip("/").endswith("/admin"), page_id
    liaison.goto(f"{base}/admin/pages/search/?q={other.title.split()[0]}")
    assert f"/admin/pages/{other.pk}/edit/" not in liaison.content()
    liaison.goto(f"{base}/admin/coordination/reports/new/")
    options = liaison.locator("#id_pilot option").all_inner_texts()
    assert own.title in options and other.title not in options
    liaison.goto(f"{base}/admin/pages/{own.pk}/edit/")
    assert liaison.get_by_role("heading", level=1).count()
