"""Each role's main admin screens, in Finnish and in Swedish, show none of the project's own
strings untranslated.

The project's catalogues (``locale/`` and each app's ``locale/``) say which English source
strings have a Finnish or Swedish translation. A screen rendered in that language must not show
any of them as they are: every text node and every title/aria-label/placeholder of the HTML is
compared, whole, with those source strings (whole, so that "Report" does not match inside
"Reports"). A string the catalogue has not translated at all is not checked here (the catalogue
tests in tests/cms find those); a screen that shows a translated msgid untranslated means the
template or code does not pass it through gettext, or builds it before the language is known.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from editorial.roles import COMMUNICATIONS, COORDINATORS, LIAISONS, TRANSLATORS_SV
from tests.factories.base import home_page, translate
from tests.factories.coordination import LegislativeNeedFactory, ProgressReportFactory
from tests.factories.home import StandardPageFactory
from tests.factories.pilots import PilotPageFactory, PilotUpdatePageFactory
from tests.factories.users import UserFactory

ROOT = Path(__file__).resolve().parents[2]
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
SKIPPED_ELEMENTS = {"script", "style"}
#: Shown as they are on purpose, or not the project's to translate: language names are written
#: in their own language in language switches ("English", "Svenska"); Wagtail's slim header
#: labels its buttons with a hard-coded aria-label="Actions" (wagtailadmin/shared/headers).
NOT_OURS = {"English", "Svenska", "Suomi", "suomi", "svenska", "Actions"}


def translated_msgids(language: str) -> dict[str, str]:
    """The project's source strings that its ``language`` catalogues translate differently."""
    msgids: dict[str, str] = {}
    for po_file in sorted(ROOT.glob(f"*/locale/{language}/LC_MESSAGES/django.po")) + [
        ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    ]:
        for entry in polib.pofile(str(po_file)).translated_entries():
            text = entry.msgid.strip()
            if entry.msgid_plural or "%" in text or "{" in text or len(text) < 3:
                continue  # placeholders are filled in; too short to tell apart from data
            if entry.msgstr.strip() != text and text not in NOT_OURS:
                msgids.setdefault(text, entry.msgstr)
    return msgids


class _Texts(HTMLParser):
    """Every text node and labelling attribute of a page, whitespace-normalised."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_ELEMENTS:
            self._skipping += 1
        self.texts.extend(
            " ".join(value.split()) for name, value in attrs if name in ATTRIBUTES and value
        )

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_ELEMENTS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.texts.append(" ".join(data.split()))


#: Wagtail's workflow reports build their filter drop-downs' options from the stored workflow
#: and task names (``str(workflow)``) with no extension point short of replacing the views; the
#: report tables themselves are checked. A known gap, listed in docs/editors-guide.md.
STORED_NAME_FILTERS = {"/admin/reports/workflow/", "/admin/reports/workflow_tasks/"}
SELECT = re.compile(r"<select\b.*?</select>", re.DOTALL)


def untranslated(html: str, msgids: dict[str, str]) -> set[str]:
    parser = _Texts()
    parser.feed(html)
    found = set()
    for text in parser.texts:
        for candidate in (text, text.rstrip(":").strip()):
            if candidate in msgids:
                found.add(candidate)
    return found


@pytest.fixture
def site(locale_tree):
    """One pilot with a liaison, a report in review, a legislative need, a Swedish page."""
    liaison = UserFactory(username="yhteys", groups=[LIAISONS])
    pilot = PilotPageFactory(title="Kielikokeilu", liaisons=[liaison])
    update = PilotUpdatePageFactory(parent=pilot, title="Kielipäivitys")
    report = ProgressReportFactory(
        pilot=pilot, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 1, 31)
    )
    LegislativeNeedFactory(pilot=pilot)
    standard = StandardPageFactory(parent=home_page("fi"), title="Kielisivu")
    swedish = translate(standard, "sv", title="Språksida")
    return {
        "pilot": pilot,
        "update": update,
        "report": report,
        "swedish": swedish,
        "liaison": liaison,
        "communications": UserFactory(username="viestinta", groups=[COMMUNICATIONS]),
        "translator": UserFactory(username="kaantaja", groups=[TRANSLATORS_SV]),
        "coordinator": UserFactory(username="koordinaattori", groups=[COORDINATORS]),
    }


def screens(role: str, site: dict) -> list[str]:
    """The admin screens a role works in every day."""
    pilot, report = site["pilot"], site["report"]
    common = [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]
    return (
        common
        + {
            "communications": [
                reverse("wagtailadmin_explore", args=[pilot.pk]),
                reverse("wagtailadmin_pages:edit", args=[pilot.pk]),
                reverse("wagtailadmin_pages:edit", args=[site["update"].pk]),
                reverse("coordination_reports:index"),
                reverse("coordination_reports:edit", args=[report.pk]),
                reverse("coordination_report_review", args=[report.pk]),
                reverse("coordination_legislative_needs:index"),
                reverse("coordination_legislative_needs:add"),
                reverse("coordination_dashboard"),
                reverse("members_newsletter_sends:index"),
                reverse("members_newsletter_sends:add"),
                reverse("pilots_funding_applications:index"),
                reverse("events_registrations:index"),
                reverse("editorial_translations"),
                reverse("wagtailadmin_reports:workflow"),
                reverse("wagtailadmin_reports:workflow_tasks"),
            ],
            "liaison": [
                reverse("wagtailadmin_explore", args=[pilot.pk]),
                reverse("wagtailadmin_pages:edit", args=[pilot.pk]),
                reverse("wagtailadmin_pages:edit", args=[site["update"].pk]),
                reverse("coordination_reports:index"),
                reverse("coordination_reports:add"),
                reverse("coordination_reports:edit", args=[report.pk]),
                reverse("coordination_report_review", args=[report.pk]),
            ],
            "translator": [
                reverse("editorial_translations"),
                reverse("wagtailadmin_pages:edit", args=[site["swedish"].pk]),
            ],
            "coordinator": [
                reverse("coordination_dashboard"),
                reverse("coordination_reports:index"),
                reverse("coordination_report_review", args=[report.pk]),
                reverse("coordination_legislative_needs:index"),
                reverse("coordination_legislative_needs:add"),
            ],
        }[role]
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("role", ["communications", "liaison", "translator", "coordinator"])
def test_role_screens_show_no_untranslated_project_string(client, site, role, language):
    user = site[role]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    msgids = translated_msgids(language)
    problems = {}
    for url in screens(role, site):
        response = client.get(url)
        assert response.status_code == 200, f"{role} cannot open {url} ({response.status_code})"
        assert f'<html lang="{language}"' in response.content.decode()
        html = response.content.decode()
        if url in STORED_NAME_FILTERS:
            html = SELECT.sub("", html)
        if leftovers := untranslated(html, msgids):
            problems[url] = sorted(leftovers)
    assert not problems, f"untranslated for {role} in {language}: {problems}"


def test_the_check_finds_an_untranslated_string():
    """The comparison itself: a whole text node equal to a translated msgid is reported."""
    msgids = {"Report": "Raportti", "Overall status": "Kokonaistilanne"}
    html = '<th>Report</th><th title="Overall status">Reports</th><script>"Report"</script>'
    assert untranslated(html, msgids) == {"Report", "Overall status"}
