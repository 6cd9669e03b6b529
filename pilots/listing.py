"""The pilot pages' listings and context: the filtered index, the updates listing and a pilot's rows.

Every listing fetches its rows with a fixed set of queries (select_related/prefetch_related and
one lookup of parent pilots), so the SQL count does not grow with the number of pilots.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.listing import Facet, Listing
from cms.models import Region, Theme

from . import charts
from .choices import Category, Status, Technology
from .models import PilotPage, PilotTheme

UPDATES_PER_PAGE = 20
# Pilot cards per page of the index; the map and the theme chart count every matching pilot.
PILOTS_PER_PAGE = 24


def route_url(page, name: str) -> str:
    """The URL of one of ``page``'s RoutablePageMixin routes (e.g. its feeds)."""
    return page.url + page.reverse_subpage(name)


def feed_urls(page) -> dict[str, str]:
    """The page's feeds, by the one convention every listing follows (``feed/rss/``,
    ``feed/atom/``), for ``components/feed_links.html``."""
    return {"feeds": {"rss": route_url(page, "rss"), "atom": route_url(page, "atom")}}


def pilots_of(index_page) -> QuerySet:
    """Live pilots under ``index_page`` with what listings show, prefetched."""
    return (
        PilotPage.objects.live()
        .child_of(index_page)
        .select_related("region")
        .prefetch_related(
            Prefetch("theme_links", queryset=PilotTheme.objects.select_related("theme"))
        )
        .order_by("title")
    )


def pilot_facets(locale, regions: list) -> list[Facet]:
    """Region, theme, category, technology and status: every choice shown, zero counts too."""
    themes = Theme.objects.filter(locale=locale)
    return [
        Facet(
            "region",
            _("Region"),
            "region__slug",
            choices=lambda: [(r.slug, r.name) for r in regions],
        ),
        Facet(
            "theme",
            _("Theme"),
            "theme_links__theme__slug",
            choices=lambda: [(t.slug, t.name) for t in themes],
        ),
        Facet("category", _("Use-case category"), "category", choices=lambda: Category.choices),
        Facet("technology", _("Technology"), "technology", choices=lambda: Technology.choices),
        Facet("status", _("Status"), "status", choices=lambda: Status.choices),
    ]


def pilot_index_context(page, request) -> dict[str, Any]:
    """The pilot list with combinable GET filters, counts, a tile map and a theme chart.

    Only the shown page of pilots is fetched; the map and the chart count every matching pilot
    in the database (one ``GROUP BY`` each), so the cost does not grow with the number of pilots.
    """
    regions = list(Region.objects.filter(locale=page.locale).exclude(kind=Region.Kind.NATIONAL))
    listing = Listing(
        request,
        pilots_of(page),
        facets=pilot_facets(page.locale, regions),
        per_page=PILOTS_PER_PAGE,
        cache_key=f"pilots:{page.pk}",
    )
    facets = {f.param: f for f in listing.facets}
    if listing.filtered:
        matching = listing.results.order_by().select_related(None).prefetch_related(None)
        by_region = {
            row["region_id"]: row["n"]
            for row in matching.exclude(region=None)
            .values("region_id")
            .annotate(n=Count("pk", distinct=True))
        }
        theme_counts = {
            row["theme__slug"]: row["n"]
            for row in PilotTheme.objects.filter(page__in=matching.values("pk"))
            .values("theme__slug")
            .annotate(n=Count("page_id", distinct=True))
        }
    else:
        # Unfiltered, the facets' own counts (over every pilot, cached) are the map's and chart's.
        by_slug = {o.value: o.count for o in facets["region"].options}
        by_region = {r.pk: by_slug.get(r.slug, 0) for r in regions}
        theme_counts = {o.value: o.count for o in facets["theme"].options}
    region_rows = [(r, by_region.get(r.pk, 0)) for r in regions]
    theme_rows = [
        (o.label, theme_counts.get(o.value, 0), str(theme_counts.get(o.value, 0)))
        for o in facets["theme"].options
    ]
    return {
        "listing": listing,
        "pilots": listing.page,
        "tile_map": charts.tile_map(region_rows),
        "region_rows": [row for row in region_rows if row[1]],
        "theme_chart": charts.bar_chart(theme_rows),
        "theme_rows": theme_rows,
        "updates_url": route_url(page, "updates_route"),
        **feed_urls(page),
    }


def attach_pilots(updates: list) -> list:
    """Set ``update.pilot`` on each update with one query for all their parent pilots."""
    steplen = PilotPage.steplen
    paths = {u.path[:-steplen] for u in updates}
    pilots = {p.path: p for p in PilotPage.objects.filter(path__in=paths)}
    for update in updates:
        update.pilot = pilots.get(update.path[:-steplen])
    return updates


def updates_listing(request, page) -> TemplateResponse:
    """Every pilot's updates in the index's language, newest first, paginated."""
    # The key keeps the number of updates under the page-cache generation (no COUNT over all).
    listing = Listing(
        request, page.updates(), per_page=UPDATES_PER_PAGE, cache_key=f"pilot-updates:{page.pk}"
    )
    page_obj = listing.page
    # Wagtail's base context only: the index's own get_context would build the pilot listing.
    context = Page.get_context(page, request)
    context.update(
        {
            "listing": listing,
            "updates": attach_pilots(list(page_obj.object_list)),
            "page_obj": page_obj,
            **feed_urls(page),
        }
    )
    return TemplateResponse(request, "pilots/updates_listing.html", context)


def _rows(manager, *related: str):
    """``manager.all()``, with select_related when it is a database queryset (not a preview)."""
    rows = manager.all()
    if isinstance(rows, QuerySet) and related:
        rows = rows.select_related(*related)
    return rows


def pilot_context(page) -> dict[str, Any]:
    """Indicators with their measurements and charts, themes, partners, links and updates."""
    indicators = page.indicators.all()
    if isinstance(indicators, QuerySet):
        indicators = indicators.prefetch_related("measurements")
    indicator_rows = []
    for indicator in indicators:
        measurements = indicator.sorted_measurements()
        progress = indicator.progress_percent()
        indicator_rows.append(
            {
                "indicator": indicator,
                "measurements": measurements,
                "latest": measurements[-1] if measurements else None,
                "progress": progress,
                "chart": charts.indicator_chart(indicator, measurements),
                "table": charts.indicator_table(indicator, measurements),
            }
        )
    updates = list(page.updates()) if page.pk else []
    return {
        "themes": [link.theme for link in _rows(page.theme_links, "theme")],
        "partners": list(_rows(page.partners, "organisation")),
        "links": list(page.links.all()),
        "indicator_rows": indicator_rows,
        "updates": updates,
        **(feed_urls(page) if page.pk and page.url else {}),
    }
