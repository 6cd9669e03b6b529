"""Faceted filtering of the pilot index, done in Python on one prefetched list of pilots.

There are a few dozen pilots at most, so counting every option of every facet in memory keeps
the page at a constant number of SQL queries however many pilots there are. Filters are plain
GET parameters (no JavaScript); an unknown value is ignored and reported, never an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cms.models import Region, Theme

from .choices import Category, Status, Technology

FACETS = ("region", "theme", "category", "technology", "status")


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: Any
    options: list[Option]
    selected: str = ""
    invalid: str = ""

    @property
    def selected_label(self) -> str:
        return next((o.label for o in self.options if o.selected), "")


@dataclass
class FilterResult:
    facets: list[Facet]
    pilots: list
    all_pilots: list
    invalid: list[Facet] = field(default_factory=list)

    @property
    def active(self) -> list[Facet]:
        return [f for f in self.facets if f.selected]


def _pilot_values(pilot) -> dict[str, set[str]]:
    """What each facet sees of a pilot (sets, because a pilot has several themes)."""
    return {
        "region": {pilot.region.slug} if pilot.region_id and pilot.region else set(),
        "theme": {theme.slug for theme in pilot.themes},
        "category": {pilot.category},
        "technology": {pilot.technology} if pilot.technology else set(),
        "status": {pilot.status},
    }


def facet_definitions(locale) -> list[tuple[str, Any, list[tuple[str, str]]]]:
    """(name, label, [(value, option label)]) for every facet, in the page's language."""
    regions = Region.objects.filter(locale=locale).exclude(kind=Region.Kind.NATIONAL)
    themes = Theme.objects.filter(locale=locale)
    return [
        ("region", _("Region"), [(r.slug, r.name) for r in regions]),
        ("theme", _("Theme"), [(t.slug, t.name) for t in themes]),
        ("category", _("Use-case category"), list(Category.choices)),
        ("technology", _("Technology"), list(Technology.choices)),
        ("status", _("Status"), list(Status.choices)),
    ]


def apply_filters(
    pilots: Sequence,
    params: QueryDict,
    definitions: list[tuple[str, Any, list[tuple[str, str]]]],
) -> FilterResult:
    """Filter ``pilots`` by the GET ``params`` and count, per option, the pilots it would give."""
    values = [(pilot, _pilot_values(pilot)) for pilot in pilots]
    facets: list[Facet] = []
    invalid: list[Facet] = []
    for name, label, choices in definitions:
        facet = Facet(
            name=name, label=label, options=[Option(str(v), str(lbl)) for v, lbl in choices]
        )
        raw = params.get(name, "").strip()[:100]
        if raw:
            if any(o.value == raw for o in facet.options):
                facet.selected = raw
            else:
                facet.invalid = raw
                invalid.append(facet)
        facets.append(facet)

    def matches(pilot_values: dict[str, set[str]], skip: str | None = None) -> bool:
        return all(
            f.selected in pilot_values[f.name] for f in facets if f.selected and f.name != skip
        )

    for facet in facets:
        others: list[dict[str, set[str]]] = [v for _p, v in values if matches(v, skip=facet.name)]
        for option in facet.options:
            option.selected = option.value == facet.selected
            option.count = sum(1 for v in others if option.value in v[facet.name])
    chosen = [pilot for pilot, v in values if matches(v)]
    return FilterResult(facets=facets, pilots=chosen, all_pilots=list(pilots), invalid=invalid)


def count_by(pilots: Sequence, key: Callable[[Any], Sequence[Any]]) -> dict[Any, int]:
    counts: dict[Any, int] = {}
    for pilot in pilots:
        for value in key(pilot):
            counts[value] = counts.get(value, 0) + 1
    return counts
