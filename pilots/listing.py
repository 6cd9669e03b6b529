"""The pilot pages' listings and context: the filtered index, the updates listing and a pilot's rows.

Every listing fetches its rows with a fixed set of queries (select_related/prefetch_related and
one lookup of parent pilots), so the SQL count does not grow with the number of pilots.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.models import Region
from cms.pagination import paginate

from . import charts
from .filters import FACETS, apply_filters, count_by, facet_definitions
from .models import PilotPage, PilotTheme

UPDATES_PER_PAGE = 20


def route_url(page, name: str) -> str:
    """The URL of one of ``page``'s RoutablePageMixin routes (e.g. its feeds)."""
    return page.url + page.reverse_subpage(name)


def feed_urls(page) -> dict[str, str]:
    return {"rss_url": route_url(page, "rss_route"), "atom_url": route_url(page, "atom_route")}


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


def pilot_index(request, page) -> TemplateResponse:
    """The pilot list with combinable GET filters, counts, a tile map and a theme chart."""
    result = apply_filters(list(pilots_of(page)), request.GET, facet_definitions(page.locale))
    notices = [
        _("Unknown %(filter)s “%(value)s” was ignored.")
        % {"filter": str(facet.label).lower(), "value": facet.invalid}
        for facet in result.invalid
    ]
    facets = {f.name: f for f in result.facets}
    region_counts = count_by(result.pilots, lambda p: [p.region_id] if p.region_id else [])
    regions = list(Region.objects.filter(locale=page.locale).exclude(kind=Region.Kind.NATIONAL))
    region_rows = [(r, region_counts.get(r.pk, 0)) for r in regions]
    theme_counts = count_by(result.pilots, lambda p: [t.slug for t in p.themes])
    theme_rows = [
        (o.label, theme_counts.get(o.value, 0), str(theme_counts.get(o.value, 0)))
        for o in facets["theme"].options
    ]
    context = page.get_context(request)
    context.update(
        {
            "filters": result,
            "pilots": result.pilots,
            "facets": result.facets,
            "is_filtered": bool(result.active),
            "tile_map": charts.tile_map(region_rows),
            "region_rows": [row for row in region_rows if row[1]],
            "theme_chart": charts.bar_chart(theme_rows),
            "theme_rows": theme_rows,
            "facet_names": FACETS,
            "filter_notices": notices,
            "updates_url": route_url(page, "updates_route"),
            **feed_urls(page),
        }
    )
    return TemplateResponse(request, "pilots/pilot_index_page.html", context)


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
    page_obj = paginate(request, page.updates(), UPDATES_PER_PAGE)
    context = page.get_context(request)
    context.update(
        {
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
