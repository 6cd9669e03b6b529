"""What visitors see: the legislative-needs register, lessons learned, a pilot's own sections.

Only public data is read here: legislative needs marked public, milestones, and approved
reports' ``public_update_text`` and measurements. Nothing in this module reads a report's
internal fields, which keeps them off every public page.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.apps import apps
from django.core.exceptions import BadRequest
from django.http import HttpRequest
from wagtail.models import Locale

from cms.localize import localized_pages
from cms.pagination import paginate
from cms.prefetch import prefetch_joined

from .models import LegislativeNeed, ProgressReport, ReportMeasurement, default_locale_pilots

MAX_PARAM_LENGTH = 100


def localized_by_pk(pages: list[Any], locale: Locale) -> dict[int, Any]:
    """Each live page's translation in ``locale`` (or the page itself), by the page's pk."""
    by_key = {p.translation_key: p for p in localized_pages(pages, locale)}
    return {p.pk: by_key[p.translation_key] for p in pages if p.translation_key in by_key}


def _choice(request: HttpRequest, name: str, allowed: set[str]) -> str:
    value = request.GET.get(name, "").strip()
    if len(value) > MAX_PARAM_LENGTH or (value and value not in allowed):
        raise BadRequest(f"unknown {name}")
    return value


def legislative_register_context(request: HttpRequest, locale: Locale) -> dict[str, Any]:
    """Public needs in ``locale`` filtered by ?topic=, ?status= and ?pilot= (a pilot's slug)."""
    base = LegislativeNeed.objects.filter(locale=locale, is_public=True).select_related("pilot")
    all_needs = list(base)
    pilots = {n.pilot.slug: n.pilot for n in all_needs if n.pilot is not None}
    topic = _choice(request, "topic", set(LegislativeNeed.Topic.values))
    status = _choice(request, "status", set(LegislativeNeed.HandlingStatus.values))
    pilot = _choice(request, "pilot", set(pilots))

    needs = [
        n
        for n in all_needs
        if (not topic or n.topic == topic)
        and (not status or n.handling_status == status)
        and (not pilot or (n.pilot is not None and n.pilot.slug == pilot))
    ]
    local = localized_by_pk(list(pilots.values()), locale)
    for need in all_needs:
        need.local_pilot = local.get(need.pilot_id) if need.pilot_id else None
    topic_counts = Counter(n.topic for n in all_needs)
    status_counts = Counter(n.handling_status for n in all_needs)
    return {
        "needs": paginate(request, needs, 20),
        "result_count": len(needs),
        "total_count": len(all_needs),
        "topics": [
            (value, label, topic_counts.get(value, 0))
            for value, label in LegislativeNeed.Topic.choices
        ],
        "statuses": [
            (value, label, status_counts.get(value, 0))
            for value, label in LegislativeNeed.HandlingStatus.choices
        ],
        "pilot_choices": sorted(
            ((slug, local[p.pk]) for slug, p in pilots.items()), key=lambda c: c[1].title
        ),
        "selected": {"topic": topic, "status": status, "pilot": pilot},
    }


def source_pilot(page: Any) -> Any:
    """The Finnish source version of a pilot page (milestones and reports hang on it)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def pilot_sections(page: Any, locale: Locale | None = None) -> dict[str, Any]:
    """A pilot's milestones, approved measurements and public legislative needs."""
    locale = locale or page.locale
    source = source_pilot(page)
    milestones = list(source.milestones.all()) if hasattr(source, "milestones") else []
    if milestones and source.pk != page.pk:
        # Dates and status are the source's (always current); the name and note are the
        # language version's translation when it has one.
        translated = {m.translation_key: m for m in page.milestones.all()}
        for milestone in milestones:
            own = translated.get(milestone.translation_key)
            if own is not None:
                milestone.name, milestone.note = own.name, own.note
    needs = list(LegislativeNeed.objects.filter(pilot_id=source.pk, locale=locale, is_public=True))
    measurements = list(
        ReportMeasurement.objects.filter(
            report__pilot_id=source.pk, report__state=ProgressReport.State.APPROVED
        ).order_by("indicator_name", "date")
    )
    if measurements and source.pk != page.pk and hasattr(page, "indicators"):
        # Reported figures carry the source indicator's Finnish name and unit: show the
        # language version's own (matched through the indicator's translation key).
        keys = {i.name: i.translation_key for i in source.indicators.all()}
        own = {i.translation_key: i for i in page.indicators.all()}
        for measurement in measurements:
            indicator = own.get(keys.get(measurement.indicator_name))
            if indicator is not None:
                measurement.indicator_name, measurement.unit = indicator.name, indicator.unit
    return {"milestones": milestones, "needs": needs, "measurements": measurements}


def lessons_by_theme(locale: Locale) -> list[dict[str, Any]]:
    """Each theme with its pilots' lessons and the public updates of their approved reports."""
    theme_model = apps.get_model("cms", "Theme")
    sources = list(
        default_locale_pilots()
        .live()
        .prefetch_related(
            prefetch_joined(apps.get_model("pilots", "PilotPage"), "theme_links", "theme")
        )
        .order_by("title")
    )
    local = localized_by_pk(sources, locale)
    updates: dict[int, list[ProgressReport]] = {}
    for report in (
        ProgressReport.objects.filter(pilot__in=sources, state=ProgressReport.State.APPROVED)
        .exclude(public_update_text="")
        .order_by("-period_start")
    ):
        report.public_text, report.public_language = report.public_update(locale.language_code)
        updates.setdefault(report.pilot_id, []).append(report)

    local_themes = {t.translation_key: t for t in theme_model.objects.filter(locale=locale)}
    groups: dict[Any, dict[str, Any]] = {}
    for pilot in sources:
        page = local[pilot.pk]
        lessons = getattr(page, "lessons_learned", None) or getattr(pilot, "lessons_learned", None)
        item = {
            "pilot": page,
            "lessons": lessons,
            "updates": updates.get(pilot.pk, []),
            "anchor": f"lessons-{page.slug}",  # search results link here (one id per page)
        }
        if not lessons and not item["updates"]:
            continue
        themes = list(pilot.themes) or [None]
        for index, theme in enumerate(themes):
            shown = local_themes.get(theme.translation_key, theme) if theme else None
            key = theme.translation_key if theme else None
            group = groups.setdefault(
                key, {"theme": shown, "order": theme.sort_order if theme else 999, "items": []}
            )
            group["items"].append(item if index == 0 else {**item, "anchor": ""})
    return sorted(groups.values(), key=lambda g: (g["order"], str(g["theme"] or "")))
