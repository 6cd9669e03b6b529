"""The register index: every published record of one language, with facet filters and counts.

One query fetches the language's records with their regions; filtering and counting happen in
Python (a register has tens of records), so the page costs the same number of queries however
many records and filters there are. Filters are plain GET parameters (no JavaScript needed);
an unknown value answers 400, like the other listings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import BadRequest
from django.utils.translation import gettext_lazy as _

from .standard import BY_NAME

#: GET parameter → (label, how to read a record's value and label).
FACETS: list[tuple[str, Any]] = [
    ("status", BY_NAME["status"].label),
    ("risk_category", BY_NAME["risk_category"].label),
    ("region", _("Region")),
    ("algorithm_type", BY_NAME["algorithm_type"].label),
    ("type", BY_NAME["type"].label),
]


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
    options: list[Option] = field(default_factory=list)
    selected: str = ""


def facet_value(record, name: str, region_names: dict | None = None) -> tuple[str, str]:
    """(value in the URL, label shown) of ``record`` for the facet ``name``. A region is named
    in the reader's language (``region_names``: slug → name): the record's region is synchronised
    from the Finnish record, so it is the Finnish snippet in every language."""
    if name == "region":
        region = record.region
        if region is None:
            return "", ""
        return region.slug, (region_names or {}).get(region.slug, region.name)
    attribute = BY_NAME[name]
    code = getattr(record, attribute.field)
    return code, (str(getattr(record, f"get_{attribute.field}_display")()) if code else "")


def filter_records(
    records: list, query, region_names: dict | None = None
) -> tuple[list[Facet], list]:
    selected = {name: (query.get(name) or "").strip() for name, _label in FACETS}
    facets = []
    for name, label in FACETS:
        # Each facet counts the records that match every *other* selected filter.
        others = [
            r
            for r in records
            if all(
                not value or facet_value(r, other)[0] == value
                for other, value in selected.items()
                if other != name
            )
        ]
        options: dict[str, Option] = {}
        for record in records:
            value, option_label = facet_value(record, name, region_names)
            if value and value not in options:
                options[value] = Option(value, option_label)
        for record in others:
            value, _option_label = facet_value(record, name)
            if value:
                options[value].count += 1
        if name != "region":
            order = [str(code) for code in BY_NAME[name].choices.values]
            ordered = sorted(options.values(), key=lambda o: order.index(o.value))
        else:
            ordered = sorted(options.values(), key=lambda o: o.label)
        if selected[name] and selected[name] not in options:
            raise BadRequest(f"unknown {name}")
        for option in ordered:
            option.selected = option.value == selected[name]
        facets.append(Facet(name, label, ordered, selected[name]))
    matching = [
        r
        for r in records
        if all(not value or facet_value(r, name)[0] == value for name, value in selected.items())
    ]
    return facets, matching


def register_context(request, index_page) -> dict:
    from cms.models import Region

    from .models import AIRecordPage

    records = list(
        AIRecordPage.objects.live()
        .public()
        .filter(locale_id=index_page.locale_id)
        .select_related("region")
        .order_by("title")
    )
    region_names = dict(
        Region.objects.filter(locale_id=index_page.locale_id).values_list("slug", "name")
    )
    facets, matching = filter_records(records, request.GET, region_names)
    for record in matching:
        record.region_name = facet_value(record, "region", region_names)[1]
    return {
        "facets": facets,
        "records": matching,
        "total": len(records),
        "filtered": any(facet.selected for facet in facets),
    }
