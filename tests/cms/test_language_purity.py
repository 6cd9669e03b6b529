"""One language at a time (issue 17): the Swedish and English version of every page type shows
none of the demo's Finnish-only names — milestones, indicator units, use-case categories, the
lead organisations, bylines and event organisers. The Finnish strings are read from the demo
data files, so a new milestone or organisation is checked without editing this test."""

from __future__ import annotations

import html
import re

import pytest

from demo import data
from tests.e2e.test_accessibility import PAGES

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def _translated(value) -> list[str]:
    """The Finnish text of a {fi, sv, en} value whose translations differ from it."""
    if not (hasattr(value, "get") and "fi" in value):
        return []
    differs = value.get("sv") != value["fi"] or value.get("en") != value["fi"]
    return [value["fi"]] if differs else []


def finnish_only_strings() -> set[str]:
    strings: set[str] = set()
    coordination = data.load("coordination")
    for milestone in coordination["milestones"]:
        strings.update(_translated(milestone["name"]))
    pilots = data.load("pilots")
    for lead in pilots["lead_organisations"].values():
        strings.update(_translated(lead["name"]))
    for pilot in pilots["pilots"]:
        if pilot.get("indicator"):
            strings.update(_translated(pilot["indicator"]["unit"]))
    for category in data.load("reports")["categories"]:
        strings.update(_translated(category["name"]))
    for organisation in data.load("members")["organisations"]:
        strings.update(_translated(organisation["name"]))
    publications = data.load("publications")
    strings.add(publications["default_author"])
    return strings


def visible_text(markup: str) -> str:
    main = markup.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def test_the_demo_names_the_strings_to_look_for():
    strings = finnish_only_strings()
    assert {"vrk", "Hankesuunnitelma hyväksytty", "Helsingin kaupunki"} <= strings


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_finnish_only_names_on_swedish_or_english_pages(client, language):
    strings = finnish_only_strings()
    words = [s for s in strings if len(s) <= 4]  # units: whole words only ("vrk")
    phrases = [s for s in strings if len(s) > 4]
    problems = []
    for page_type, urls in PAGES.items():
        response = client.get(urls[language])
        text = visible_text(response.content.decode())
        found = [s for s in phrases if s in text]
        found += [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
        if found:
            problems.append(f"{page_type} {urls[language]}: {sorted(found)}")
    assert not problems, "\n".join(problems)
