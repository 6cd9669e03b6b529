"""The member directory: A–Z groups in Finnish alphabetical order, filters, counts, relations.

All filtering happens in Python on the locale's public organisations (a few hundred rows), so the
page costs the same handful of queries whatever the filters or the number of members.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.apps import apps

from cms.models import Region
from cms.prefetch import prefetch_joined

from .forms import DirectoryFilterForm
from .models import MemberOrganisation, WorkingGroupPage

ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
OTHER = "#"
# Finnish collation: Å, Ä, Ö after Z; Ü sorts as Y, W as its own letter (modern Finnish usage).
_ORDER = {letter: index for index, letter in enumerate(ALPHABET)}
_FOLD = {"Ü": "Y", "É": "E", "È": "E", "Á": "A", "À": "A", "Ø": "Ö", "Æ": "Ä"}


def letter_of(name: str) -> str:
    first = (name.strip()[:1] or OTHER).upper()
    first = _FOLD.get(first, first)
    return first if first in _ORDER else OTHER


def sort_key(name: str) -> tuple:
    """Sort key that puts Å Ä Ö after Z as Finnish and Swedish readers expect."""
    key = []
    for ch in name.upper():
        ch = _FOLD.get(ch, ch)
        key.append((_ORDER.get(ch, -1 if not ch.isalpha() else 100), ch))
    return tuple(key)


def _pilots_by_org(locale, keys: set) -> dict[Any, list]:
    """Pilots led by each organisation (by translation key), through the string relation."""
    try:
        pilot_model = apps.get_model("pilots", "PilotPage")
    except LookupError:
        return {}
    result: dict[Any, list] = defaultdict(list)
    pilots = (
        pilot_model.objects.live()
        .filter(locale=locale, lead_organisation__translation_key__in=keys)
        .select_related("lead_organisation")
        .order_by("title")
    )
    for pilot in pilots:
        result[pilot.lead_organisation.translation_key].append(pilot)
    return result


def _groups_by_org(locale) -> dict[Any, list]:
    result: dict[Any, list] = defaultdict(list)
    groups = (
        WorkingGroupPage.objects.live()
        .filter(locale=locale)
        .select_related("chair")
        .prefetch_related(prefetch_joined(WorkingGroupPage, "memberships", "organisation"))
        .order_by("title")
    )
    for group in groups:
        keys = {m.organisation.translation_key for m in group.memberships.all()}
        if group.chair:
            keys.add(group.chair.translation_key)
        for key in keys:
            result[key].append(group)
    return result


def directory_context(page, request) -> tuple[dict[str, Any], int]:
    """Context for the directory page and the HTTP status (400 when a filter is invalid)."""
    locale = page.locale
    regions = list(Region.objects.filter(locale=locale).order_by("name"))
    form = DirectoryFilterForm(request.GET or None, regions=regions)
    status = 200
    query = type_ = region = ""
    if request.GET:
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
            type_ = form.cleaned_data["type"]
            region = form.cleaned_data["region"]
        else:
            status = 400
    all_orgs = list(
        MemberOrganisation.objects.filter(locale=locale, is_public=True)
        .select_related("region", "logo")
        .prefetch_related("logo__renditions")
    )
    type_counts = Counter(o.organisation_type for o in all_orgs)
    region_counts = Counter(o.region.slug for o in all_orgs if o.region)
    needle = query.casefold()
    orgs = [
        o
        for o in all_orgs
        if (not needle or needle in o.name.casefold())
        and (not type_ or o.organisation_type == type_)
        and (not region or (o.region and o.region.slug == region))
    ]
    orgs.sort(key=lambda o: sort_key(o.name))
    keys = {o.translation_key for o in orgs}
    pilots = _pilots_by_org(locale, keys)
    groups = _groups_by_org(locale)
    by_letter: dict[str, list] = defaultdict(list)
    for org in orgs:
        org.pilots = pilots.get(org.translation_key, [])
        org.working_groups = groups.get(org.translation_key, [])
        by_letter[letter_of(org.name)].append(org)
    letters = ALPHABET + ([OTHER] if OTHER in by_letter else [])
    type_options = [
        {"value": value, "label": label, "count": type_counts.get(value, 0)}
        for value, label in MemberOrganisation.OrganisationType.choices
    ]
    region_options = [
        {"value": r.slug, "label": r.name, "count": region_counts.get(r.slug, 0)}
        for r in regions
        if region_counts.get(r.slug)
    ]
    return (
        {
            "filter_form": form,
            "query": query,
            "selected_type": type_,
            "selected_region": region,
            "type_options": type_options,
            "region_options": region_options,
            "letters": [{"letter": x, "present": x in by_letter} for x in letters],
            "groups": [
                {"letter": x, "organisations": by_letter[x]} for x in letters if x in by_letter
            ],
            "result_count": len(orgs),
            "total_count": len(all_orgs),
            "filtered": bool(query or type_ or region),
        },
        status,
    )
