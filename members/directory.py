"""The member directory: A–Z groups in Finnish alphabetical order, filters, counts, relations.

The directory is a :class:`cms.listing.Listing` (name search, type and region facets counted by
the database). Up to ``DIRECTORY_ONE_PAGE_LIMIT`` matching organisations are shown on one page,
grouped A–Z with jump links; beyond that the page shows one letter at a time (``?letter=K``),
paginated, so the page costs the same few queries with thirty members or three thousand.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.apps import apps
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.listing import Facet, Field, Listing
from cms.prefetch import prefetch_joined

from .models import MemberOrganisation, WorkingGroupPage

ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
OTHER = "#"
# Finnish collation: Å, Ä, Ö after Z; Ü sorts as Y, W as its own letter (modern Finnish usage).
_ORDER = {letter: index for index, letter in enumerate(ALPHABET)}
_FOLD = {"Ü": "Y", "É": "E", "È": "E", "Á": "A", "À": "A", "Ø": "Ö", "Æ": "Ä"}
# More matching organisations than this and the directory shows one letter per page.
DIRECTORY_ONE_PAGE_LIMIT = 150
PER_LETTER_PAGE = 60


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


def _initials(letter: str) -> list[str]:
    """The first characters (both cases) that file a name under ``letter``."""
    upper = [letter] + [k for k, v in _FOLD.items() if v == letter]
    return upper + [c.lower() for c in upper]


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


def _groups_by_org(locale, keys: set) -> dict[Any, list]:
    """Working groups each shown organisation chairs or belongs to (by translation key); only
    groups of the shown organisations are fetched, however many groups there are."""
    result: dict[Any, list] = defaultdict(list)
    groups = (
        WorkingGroupPage.objects.live()
        .filter(locale=locale)
        .filter(
            pk__in=WorkingGroupPage.objects.filter(
                Q(memberships__organisation__translation_key__in=keys)
                | Q(chair__translation_key__in=keys)
            ).values("pk")
        )
        .select_related("chair")
        .prefetch_related(prefetch_joined(WorkingGroupPage, "memberships", "organisation"))
        .order_by("title")
    )
    for group in groups:
        group_keys = {m.organisation.translation_key for m in group.memberships.all()}
        if group.chair:
            group_keys.add(group.chair.translation_key)
        for key in group_keys:
            result[key].append(group)
    return result


def directory_listing(page, request) -> Listing:
    """The directory's declared filters over the locale's public organisations."""
    locale = page.locale
    organisations = MemberOrganisation.objects.filter(locale=locale, is_public=True)
    return Listing(
        request,
        organisations,
        fields=[
            Field(
                "q",
                forms.CharField(label=gettext_lazy("Search by name"), max_length=100),
                lambda rows, text: rows.filter(name__icontains=text.strip()),
                input_type="search",
            )
        ],
        facets=[
            Facet(
                "type",
                gettext_lazy("Type of organisation"),
                "organisation_type",
                choices=lambda: MemberOrganisation.OrganisationType.choices,
            ),
            Facet(
                "region",
                gettext_lazy("Region"),
                "region__slug",
                label_expression="region__name",
            ),
        ],
        per_page=None,
        cache_key=f"members:{page.pk}",
    )


def _letter_counts(rows: QuerySet) -> dict[str, int]:
    """How many of ``rows`` file under each letter, counted by the database."""
    counts: dict[str, int] = defaultdict(int)
    initials = (
        rows.order_by()
        .annotate(initial=Substr("name", 1, 1))
        .values("initial")
        .annotate(n=Count("pk"))
    )
    for row in initials:
        counts[letter_of(row["initial"] or "")] += row["n"]
    return counts


def _of_letter(rows: QuerySet, letter: str) -> QuerySet:
    rows = rows.annotate(initial=Substr("name", 1, 1))
    if letter == OTHER:
        return rows.exclude(initial__in=[c for x in ALPHABET for c in _initials(x)])
    return rows.filter(initial__in=_initials(letter))


def directory_context(page, request) -> dict[str, Any]:
    """The directory's context: the listing, A–Z groups, letter links and (when long) pages."""
    listing = directory_listing(page, request)
    counts = _letter_counts(listing.results)
    total = sum(counts.values())
    letters = ALPHABET + ([OTHER] if counts.get(OTHER) else [])
    per_letter = total > DIRECTORY_ONE_PAGE_LIMIT
    current = ""
    letter_page = None
    rows = listing.results
    if per_letter:
        raw = request.GET.get("letter", "").strip().upper()[:2]
        present = [x for x in letters if counts.get(x)]
        if raw and raw not in letters:
            listing.errors.append(
                _("Letter: there is no letter “%(value)s”. Choose one from the list.")
                % {"value": raw}
            )
        current = raw if raw in letters else present[0]
        # (pk, name) of the letter's organisations, sorted in Finnish order, then one page
        names = sorted(
            _of_letter(rows, current).values_list("pk", "name"), key=lambda r: sort_key(r[1])
        )
        letter_page = listing.paginate(names, PER_LETTER_PAGE)
        rows = rows.filter(pk__in=[pk for pk, _name in letter_page.object_list])
    orgs = sorted(
        rows.select_related("region", "logo").prefetch_related("logo__renditions"),
        key=lambda o: sort_key(o.name),
    )
    locale = page.locale
    pilots = _pilots_by_org(locale, {o.translation_key for o in orgs})
    groups = _groups_by_org(locale, {o.translation_key for o in orgs})
    by_letter: dict[str, list] = defaultdict(list)
    for org in orgs:
        org.pilots = pilots.get(org.translation_key, [])
        org.working_groups = groups.get(org.translation_key, [])
        by_letter[letter_of(org.name)].append(org)
    query = request.GET.copy()
    for name in ("letter", "page"):
        query.pop(name, None)
    return {
        "listing": listing,
        "per_letter": per_letter,
        "current_letter": current,
        "letter_page": letter_page,
        "letter_query": query.urlencode(),
        "letters": [
            {"letter": x, "present": bool(counts.get(x)), "count": counts.get(x, 0)}
            for x in letters
        ],
        "groups": [{"letter": x, "organisations": by_letter[x]} for x in letters if x in by_letter],
        "result_count": total,
        "total_count": MemberOrganisation.objects.filter(locale=locale, is_public=True).count(),
    }
