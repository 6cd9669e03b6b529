"""One language at a time (issue 17): the Swedish and English version of every page type shows
none of the demo's Finnish-only names — milestones, indicator units, use-case categories, the
lead organisations, bylines and event organisers — nor its Finnish texts: the lessons-learned
updates, the funding call's categories and report bodies (a Finnish-only PDF's full text is read
on the Finnish page, linked from the others). The Finnish strings are read from the demo
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
    # Lessons learned: the progress reports' public updates ({fi, sv, en} in the data).
    texts = coordination["report_texts"]
    for status in ("on_track", "at_risk"):
        strings.update(_translated(texts[status]["public_update_text"]))
    for update in texts["on_track_public"]:
        strings.update(_translated(update))
    # The funding call's categories, one per line, and the report bodies (whose Finnish sentences
    # are also the sample PDFs' text): every Finnish source with its own translation.
    call = pilots["funding_call"]
    strings.update(call["categories_sought"])
    strings.update(_sentences(call["strings"]))
    # Events: every {fi, sv, en} text of the upcoming webinars (titles, speakers' organisations
    # and topics, agenda items).
    strings.update(_all_translated(data.load("events")["upcoming_webinars"]))
    reports = data.load("reports")
    for report in reports["reports"]:
        strings.update(_sentences(reports["report_strings"], report["abstract"]))
        strings.update(_sentences(reports["report_strings"], *report["recommendations"]))
        for section in report["sections"]:
            strings.update(
                _sentences(reports["report_strings"], section["heading"], section["text"])
            )
    return strings


def _all_translated(node) -> set[str]:
    """Every Finnish text of a {fi, sv, en} value anywhere under ``node``."""
    if hasattr(node, "get") and "fi" in node:
        return set(_translated(node))
    if hasattr(node, "values"):
        return set().union(*(_all_translated(v) for v in node.values()))
    if isinstance(node, list | tuple) or (hasattr(node, "__iter__") and not isinstance(node, str)):
        return set().union(*(_all_translated(v) for v in node))
    return set()


def _sentences(strings, *sources: str) -> set[str]:
    """The Finnish ``sources`` (all of ``strings``' sources when none is named) that are text,
    not a slug or a date, and that both translations change."""
    sv, en = strings.get("sv", {}), strings.get("en", {})
    found = set()
    for source in sources or set(sv) | set(en):
        if " " not in source and "-" in source:
            continue  # a slug: never visible text
        if not re.search(r"[a-zäö]", source):
            continue  # a date or an amount
        if sv.get(source, source) != source and en.get(source, source) != source:
            found.update(line.strip() for line in source.splitlines() if line.strip())
    return found


def visible_text(markup: str) -> str:
    """The text of ``<main>`` with its white space collapsed (a PDF's line breaks inside a
    sentence would otherwise hide it)."""
    main = markup.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


def test_the_demo_names_the_strings_to_look_for():
    strings = finnish_only_strings()
    assert {"vrk", "Hankesuunnitelma hyväksytty", "Helsingin kaupunki"} <= strings
    assert {
        "Ratkaisu otettiin käyttöön ensimmäisessä yksikössä ja henkilöstö koulutettiin.",
        "Oirearvio ja palveluohjaus",
        "Tekoälyä edistävä verkosto.",
        "Selvityksen tausta",
        "Pohjois-Savon hyvinvointialue",
    } <= strings


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_finnish_only_names_on_swedish_or_english_pages(client, language):
    strings = {" ".join(s.split()) for s in finnish_only_strings()}
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
