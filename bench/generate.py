"""Fill a database with a large site for the benchmark: ``python -m bench.generate --scale N``.

Pages are created under the demo content's index pages in Finnish with Swedish and English
versions sharing the translation key, like wagtail-localize makes them, then the search index is
rebuilt. Idempotent per scale: pages that exist are skipped.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import sys
import time

PARAGRAPH = (
    "Tekoälyä kokeillaan sosiaali- ja terveydenhuollossa asiakaspalvelun, ammattilaisten työn "
    "ja johtamisen tukena. Pilotit tuottavat tietoa siitä, mikä toimii ja mikä ei. "
) * 3


LANGUAGES = ("fi", "sv", "en")


def _homes():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    return {
        p.locale.language_code: p.specific for p in site.root_page.get_translations(inclusive=True)
    }


def _ensure_child(parent, model, slug: str, translation_key=None, **fields):
    """A live child page, created without a revision: the benchmark reads pages, never edits
    them, and skipping revisions makes a 10,000-page site take a minute instead of ten."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, live=True, **fields)
    if translation_key is not None:
        page.translation_key = translation_key
    page.locale = parent.locale
    parent.add_child(instance=page)
    return page


def _translated(parents: dict, model, slug: str, fields) -> dict:
    """The same page in fi, sv and en under ``parents[code]``, sharing one translation key.

    ``fields(code)`` gives each language's field values."""
    pages, key = {}, None
    for code in LANGUAGES:
        pages[code] = _ensure_child(parents[code], model, slug, key, **fields(code))
        key = pages[code].translation_key
    return pages


def _index(model, fallback_slug: str) -> dict:
    """The demo content's index page of ``model`` per language (created if missing)."""
    homes, indexes, key = _homes(), {}, None
    for code in LANGUAGES:
        indexes[code] = model.objects.filter(locale__language_code=code).first() or (
            _ensure_child(homes[code], model, fallback_slug, key, title=fallback_slug.title())
        )
        key = indexes[code].translation_key
    return indexes


def _cycle(options: list, n: int):
    return options[n % len(options)]


def generate_standard_pages(scale: int) -> int:
    from home.models import StandardPage

    homes = _homes()
    body = [{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}] * 4
    for n in range(scale):
        _translated(
            homes,
            StandardPage,
            f"bench-sivu-{n}",
            lambda code, n=n: {"title": f"Sivu {n} ({code})", "intro": "Johdanto", "body": body},
        )
    return scale * 3


def generate_pilots(scale: int) -> dict[str, int]:
    """``scale`` pilots (spread over regions, statuses and categories), each with 40 updates."""
    from cms.models import Region
    from pilots.choices import Category, Status
    from pilots.models import PilotIndexPage, PilotPage, PilotUpdatePage

    indexes = _index(PilotIndexPage, "kokeilut")
    regions = {
        code: list(Region.objects.filter(locale__language_code=code).order_by("translation_key"))
        for code in LANGUAGES
    }
    statuses, categories = list(Status.values), list(Category.values)
    updates = 0
    for n in range(scale):
        pilots = _translated(
            indexes,
            PilotPage,
            f"bench-pilotti-{n}",
            lambda code, n=n: {
                "title": f"Pilotti {n} ({code})",
                "summary": PARAGRAPH[:500],
                "region": _cycle(regions[code], n) if regions[code] else None,
                "status": _cycle(statuses, n),
                "category": _cycle(categories, n),
            },
        )
        for u in range(40):
            _translated(
                pilots,
                PilotUpdatePage,
                f"paivitys-{u}",
                lambda code, n=n, u=u: {
                    "title": f"Pilotin {n} päivitys {u} ({code})",
                    "summary": PARAGRAPH[:300],
                    "date": datetime.date(2025, 1, 1) + datetime.timedelta(days=u * 7),
                },
            )
            updates += 3
    return {"pilot pages": scale * 3, "pilot updates": updates}


def generate_reports(scale: int) -> int:
    from reports.models import ReportIndexPage, ReportPage

    indexes = _index(ReportIndexPage, "selvitykset")
    types = list(ReportPage.ReportType.values)
    for n in range(scale * 10):
        _translated(
            indexes,
            ReportPage,
            f"bench-raportti-{n}",
            lambda code, n=n: {
                "title": f"Selvitys {n} ({code})",
                "abstract": PARAGRAPH,
                "report_type": _cycle(types, n),
                "publication_date": datetime.date(2022 + n % 4, 1 + n % 12, 1),
            },
        )
    return scale * 30


def generate_events(scale: int) -> int:
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage

    indexes = _index(EventIndexPage, "tapahtumat")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(scale * 20):
        # Half in the past (the archive), half upcoming (the listing).
        start = now + datetime.timedelta(days=n - scale * 10, hours=9)
        _translated(
            indexes,
            EventPage,
            f"bench-tapahtuma-{n}",
            lambda code, n=n, start=start: {
                "title": f"AI-aamu {n} ({code})",
                "intro": PARAGRAPH[:400],
                "start": start,
                "end": start + datetime.timedelta(hours=1),
            },
        )
    return scale * 60


def generate_members(scale: int) -> int:
    from wagtail.models import Locale

    from members.models import MemberOrganisation

    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    types = list(MemberOrganisation.OrganisationType.values)
    for n in range(scale * 6):
        key = None
        for code in LANGUAGES:
            org, _ = MemberOrganisation.objects.get_or_create(
                slug=f"bench-jasen-{n}",
                locale=locales[code],
                defaults={
                    "name": f"Jäsenorganisaatio {n}",
                    "organisation_type": _cycle(types, n),
                    "description": PARAGRAPH[:200],
                    "date_joined": datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
                    **({"translation_key": key} if key else {}),
                },
            )
            key = org.translation_key
    return scale * 18


def generate_articles(scale: int) -> dict[str, int]:
    """``scale * 4`` news items and as many blog posts, one a week back from 2026."""
    from home.news import BlogIndexPage, BlogPage, NewsIndexPage, NewsPage

    counts = {}
    for label, index_model, model, slug in (
        ("news items", NewsIndexPage, NewsPage, "bench-uutinen"),
        ("blog posts", BlogIndexPage, BlogPage, "bench-blogi"),
    ):
        indexes = _index(index_model, slug + "t")
        for n in range(scale * 4):
            _translated(
                indexes,
                model,
                f"{slug}-{n}",
                lambda code, n=n: {
                    "title": f"Tekoälyuutinen {n} ({code})",
                    "intro": PARAGRAPH[:400],
                    "date": datetime.date(2026, 1, 1) - datetime.timedelta(days=n * 7),
                },
            )
        counts[label] = scale * 12
    return counts


def generate_groups_and_partners(scale: int) -> dict[str, int]:
    """``scale // 2`` working groups and as many partners: their index pages list them all."""
    from members.models import (
        PartnerIndexPage,
        PartnerPage,
        WorkingGroupIndexPage,
        WorkingGroupPage,
    )

    count = scale // 2
    groups, partners = (
        _index(WorkingGroupIndexPage, "tyoryhmat"),
        _index(PartnerIndexPage, "kumppanit"),
    )
    for n in range(count):
        _translated(
            groups,
            WorkingGroupPage,
            f"bench-tyoryhma-{n}",
            lambda code, n=n: {"title": f"Työryhmä {n} ({code})", "purpose": PARAGRAPH[:400]},
        )
        _translated(
            partners,
            PartnerPage,
            f"bench-kumppani-{n}",
            lambda code, n=n: {"title": f"Kumppani {n} ({code})", "summary": PARAGRAPH[:400]},
        )
    return {"working groups": count * 3, "partners": count * 3}


def generate(scale: int) -> dict[str, int]:
    """At the default scale 50: 150 standard pages, 150 pilots with 6,000 updates, 1,500
    reports, 3,000 events, 600 news items, 600 blog posts, 75 working groups, 75 partners
    (about 12,000 pages) and 900 member organisations, counted over fi/sv/en."""
    from django.core.management import call_command

    from cms.planner_statistics import refresh_planner_statistics
    from search.signals import indexing_paused

    # One re-index at the end instead of one per save: each member organisation saved would
    # otherwise re-index the directory pages that list all the others (quadratic).
    with indexing_paused():
        counts = {"standard pages": generate_standard_pages(scale)}
        counts.update(generate_pilots(scale))
        counts["reports"] = generate_reports(scale)
        counts["events"] = generate_events(scale)
        counts.update(generate_articles(scale))
        counts.update(generate_groups_and_partners(scale))
        counts["member organisations"] = generate_members(scale)
    call_command("search_reindex", verbosity=0, stdout=io.StringIO())
    refresh_planner_statistics()  # as the worker does daily: a new site's first day included
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    started = time.monotonic()
    results = generate(args.scale)
    print(f"generated in {time.monotonic() - started:.0f} s: {results}")


if __name__ == "__main__":
    main()
