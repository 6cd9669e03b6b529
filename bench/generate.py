"""Fill a database with a large site for the benchmark: ``python -m bench.generate --scale N``.

Modular per app: this module generates what the core models allow (standard pages, pilot
projects under the pilot index), then calls ``<app>/bench.py:generate(scale)`` for every project
app that has one, so each app adds its own data (updates, events, reports, members…) as it grows.
Pages are created in Finnish with Swedish and English versions sharing the translation key,
like wagtail-localize makes them. Idempotent per scale: pages that exist are skipped.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time

PARAGRAPH = (
    "Tekoälyä kokeillaan sosiaali- ja terveydenhuollossa asiakaspalvelun, ammattilaisten työn "
    "ja johtamisen tukena. Pilotit tuottavat tietoa siitä, mikä toimii ja mikä ei. "
) * 3


def _homes():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    return {
        p.locale.language_code: p.specific for p in site.root_page.get_translations(inclusive=True)
    }


def _ensure_child(parent, model, slug: str, translation_key=None, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    if translation_key is not None:
        page.translation_key = translation_key
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def generate_core(scale: int) -> dict[str, int]:
    """Standard pages and pilot projects in three languages."""
    from home.models import StandardPage
    from pilots.models import PilotIndexPage, PilotPage

    homes = _homes()
    counts = {"standard pages": 0, "pilot pages": 0}
    body = [{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}] * 4
    fi_index = None
    for n in range(scale):
        key = None
        for code in ("fi", "sv", "en"):
            page = _ensure_child(
                homes[code],
                StandardPage,
                f"bench-sivu-{n}",
                key,
                title=f"Sivu {n} ({code})",
                intro="Johdanto",
                body=body,
            )
            key = page.translation_key
            counts["standard pages"] += 1
    indexes = {}
    key = None
    for code in ("fi", "sv", "en"):
        indexes[code] = PilotIndexPage.objects.child_of(homes[code]).first() or _ensure_child(
            homes[code], PilotIndexPage, "pilotit", key, title="Pilotit"
        )
        key = indexes[code].translation_key
    fi_index = indexes["fi"]
    for n in range(scale * 4):
        key = None
        for code in ("fi", "sv", "en"):
            page = _ensure_child(
                indexes[code],
                PilotPage,
                f"bench-pilotti-{n}",
                key,
                title=f"Pilotti {n} ({code})",
                summary=PARAGRAPH[:500],
            )
            key = page.translation_key
            counts["pilot pages"] += 1
    counts["pilot index"] = fi_index.pk
    return counts


def generate(scale: int) -> dict[str, int]:
    from django.conf import settings

    results = {"core": generate_core(scale)}
    for app in settings.PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.bench")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.bench":
                raise
            continue
        results[app] = module.generate(scale)
    return results


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
