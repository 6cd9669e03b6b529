"""One way to build a public listing: declared filters → validated values → queryset → counts → page.

Every listing page (reports, pilots, events, news, the member directory, the use-case catalogue)
builds its context in ``get_context`` with :class:`Listing`, and mixes in
:class:`ListingPageMixin` so a bad query parameter is answered with HTTP 400 and a message next
to the form, never a server error and never silently ignored. Parameters a listing does not
declare (``utm_source``, a stale bookmark's leftovers) are ignored: only declared ones are checked.

Facet counts are computed by the database (one ``GROUP BY`` per facet) and only the shown page of
results is fetched, so the cost of a listing does not grow with the number of rows it lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Count, Expression, F, QuerySet
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.cache import cached_under_generation

MAX_PARAM_LENGTH = 100
MAX_PAGE_PARAM_LENGTH = 6
_KEY = "listing_key"
_LABEL = "listing_label"


@dataclass(frozen=True)
class Facet:
    """A filter whose values are counted: one ``<select>`` with "label (count)" options.

    ``expression`` is what a row's value is (an ORM lookup or expression; it may go through a
    relation, so one row can have several values). The options are the values present in the
    listing (or the fixed ``choices`` when given, shown even with a zero count). ``labels`` names
    the values (a mapping, or ``label_expression`` read from the same rows) and ``to_param``
    turns a database value into the URL value (e.g. a year into text, a name into a slug).
    """

    param: str
    label: Any
    expression: str | Expression
    label_expression: str | Expression | None = None
    labels: Mapping[Any, Any] | None = None
    choices: Callable[[], Iterable[tuple[Any, Any]]] | None = None
    to_param: Callable[[Any], str] = str
    newest_first: bool = False


@dataclass(frozen=True)
class Field:
    """A filter that is not counted: a date, a number or a free-text search.

    ``form_field`` validates the raw value (its error messages are what the visitor sees) and
    ``apply(queryset, value)`` narrows the results with the cleaned value.
    """

    param: str
    form_field: forms.Field
    apply: Callable[[QuerySet, Any], QuerySet]
    input_type: str = "text"


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class FacetState:
    """What a template needs of one facet: its options with counts and the selected value."""

    param: str
    label: Any
    options: list[Option] = field(default_factory=list)
    selected: str = ""

    @property
    def selected_label(self) -> str:
        return next((o.label for o in self.options if o.selected), "")


@dataclass
class FieldState:
    param: str
    label: Any
    value: str
    input_type: str
    cleaned: Any = None
    errors: list[str] = field(default_factory=list)


def _raw(data: QueryDict, param: str) -> str:
    return data.get(param, "").strip()[: MAX_PARAM_LENGTH + 1]


class Listing:
    """The filtered, counted and paginated rows of one listing page.

    ``Listing(request, queryset, facets=[...], fields=[...], per_page=12)``; read ``results``
    (the filtered queryset), ``page`` (the shown page, after :meth:`paginate`), ``facets`` and
    ``fields`` (for the filter form), ``errors`` and ``status``.
    """

    def __init__(
        self,
        request: HttpRequest,
        queryset: QuerySet,
        *,
        facets: Iterable[Facet] = (),
        fields: Iterable[Field] = (),
        per_page: int | None = 12,
        cache_key: str | None = None,
    ) -> None:
        self.request = request
        self.base = queryset
        # With a key (the page's, e.g. "reports:<pk>"), the facet counts over all rows — what
        # every unfiltered visit shows — are kept under the page-cache generation: they change
        # only when an editor publishes, and counting them is what grows with the rows.
        self.cache_key = cache_key
        self.errors: list[str] = []
        self._facets = list(facets)
        self._keys: dict[str, dict[str, list[Any]]] = {}
        self._counted: dict[str, dict[str, int]] = {}
        self._fields = {f.param: f for f in fields}
        self.fields = [self._field_state(f) for f in fields]
        raw = {facet.param: _raw(request.GET, facet.param) for facet in self._facets}
        narrowed = any(s.cleaned not in (None, "") and not s.errors for s in self.fields)
        self._narrowed = narrowed
        self.facets = [
            # With no other selection, one GROUP BY over all rows gives options and counts.
            self._facet_state(
                facet,
                raw[facet.param],
                count_now=not narrowed and not any(v for p, v in raw.items() if p != facet.param),
            )
            for facet in self._facets
        ]
        self.results = self._filtered(skip=None)
        self._count_facets()
        self.page: Page | None = None
        if per_page:
            self.page = self.paginate(self.results, per_page)

    # --- validation ------------------------------------------------------------------------
    def _group_all(self, facet: Facet) -> list[tuple[Any, str, int]]:
        """:meth:`_group` over all rows, cached under the generation when there is a key."""
        if self.cache_key is None:
            return self._group(self.base, facet)
        parts = (self.cache_key, facet.param, get_language() or "")
        return cached_under_generation(
            "listing-facet", parts, lambda: self._group(self.base, facet)
        )

    def _selection(self) -> tuple[str, ...] | None:
        """The valid facet selections as cache-key parts, or None when the rows may not be
        cached: no key, or a free-form field (a date, a text) is applied, whose values are
        unbounded. Facet values are checked against the known options, so there are few."""
        if self.cache_key is None or self._narrowed:
            return None
        return tuple(f"{s.param}={s.selected}" for s in self.facets if s.selected)

    def _group_selected(self, facet: Facet) -> list[tuple[Any, str, int]]:
        """:meth:`_group` over the rows the other selections leave; with a key and only facet
        selections, cached under the generation like the counts over all rows (a filtered
        visit then costs what an unfiltered one does, whatever the number of rows)."""
        selection = self._selection()

        def build() -> list[tuple[Any, str, int]]:
            return self._group(self._filtered(skip=facet.param), facet)

        if selection is None:
            return build()
        parts = (self.cache_key or "", facet.param, get_language() or "", "selected", *selection)
        return cached_under_generation("listing-facet", parts, build)

    def _group(self, rows: QuerySet, facet: Facet) -> list[tuple[Any, str, int]]:
        """(database value, label, number of rows) for each value of ``facet`` in ``rows``."""
        grouped = _plain(rows).annotate(**{_KEY: _expr(facet.expression)})
        names = [_KEY]
        if facet.label_expression is not None:
            grouped = grouped.annotate(**{_LABEL: _expr(facet.label_expression)})
            names.append(_LABEL)
        labels = facet.labels or {}
        return [
            (row[_KEY], str(row.get(_LABEL) or labels.get(row[_KEY], row[_KEY])), row["n"])
            for row in grouped.values(*names).annotate(n=Count("pk", distinct=True))
            if row[_KEY] not in (None, "")
        ]

    def _facet_state(self, facet: Facet, raw: str, count_now: bool) -> FacetState:
        """The facet's options (fixed choices or the values present) and its valid selection."""
        state = FacetState(param=facet.param, label=facet.label)
        if facet.choices is not None:
            options = [(key, str(label), 0) for key, label in facet.choices()]
        else:
            options = self._group_all(facet)
        keys: dict[str, list[Any]] = {}
        labels: dict[str, str] = {}
        counts: dict[str, int] = {}
        for key, label, count in options:
            value = facet.to_param(key)
            keys.setdefault(value, []).append(key)
            labels.setdefault(value, label)
            counts[value] = counts.get(value, 0) + count
        if count_now and facet.choices is None:
            self._counted[facet.param] = counts
        order = sorted(labels, key=lambda v: labels[v].casefold())
        if facet.newest_first:
            order = sorted(labels, reverse=True)
        elif facet.choices is not None:
            order = list(labels)
        self._keys[facet.param] = keys
        if raw and raw in keys:
            state.selected = raw
        elif raw:
            self.errors.append(
                _("%(filter)s: there is no choice “%(value)s”. Choose one from the list.")
                % {"filter": facet.label, "value": raw[:MAX_PARAM_LENGTH]}
            )
        state.options = [Option(v, labels[v], selected=v == state.selected) for v in order]
        return state

    def _field_state(self, spec: Field) -> FieldState:
        raw = _raw(self.request.GET, spec.param)
        state = FieldState(spec.param, spec.form_field.label, raw, spec.input_type)
        if raw:
            try:
                state.cleaned = spec.form_field.clean(raw)
            except forms.ValidationError as exc:
                state.errors = list(exc.messages)
                self.errors += [f"{spec.form_field.label}: {m}" for m in exc.messages]
        return state

    # --- filtering and counting -------------------------------------------------------------
    def _filtered(self, skip: str | None) -> QuerySet:
        """The base rows narrowed by every valid selection except ``skip``'s."""
        rows = self.base
        for facet, state in zip(self._facets, self.facets, strict=True):
            if facet.param == skip or not state.selected:
                continue
            keys = self._keys[facet.param][state.selected]
            matching = (
                _plain(self.base)
                .annotate(**{_KEY: _expr(facet.expression)})
                .filter(**{f"{_KEY}__in": keys})
                .values("pk")
            )
            rows = rows.filter(pk__in=matching)
        for state in self.fields:
            if state.cleaned not in (None, "") and not state.errors:
                rows = self._fields[state.param].apply(rows, state.cleaned)
        return rows

    def _count_facets(self) -> None:
        """Per option, how many rows it would give with the other selections kept (one query)."""
        for facet, state in zip(self._facets, self.facets, strict=True):
            by_value = self._counted.get(facet.param)
            if by_value is None:
                by_value = {}
                others = self._narrowed or any(
                    other.selected for other in self.facets if other.param != facet.param
                )
                grouped = self._group_selected(facet) if others else self._group_all(facet)
                for key, _label, count in grouped:
                    value = facet.to_param(key)
                    by_value[value] = by_value.get(value, 0) + count
            for option in state.options:
                option.count = by_value.get(option.value, 0)

    # --- pagination -------------------------------------------------------------------------
    def paginate(self, rows, per_page: int, param: str = "page") -> Page:
        """The requested page of ``rows``; a malformed number is a listing error (400), a page
        past the last one is 404."""
        raw = self.request.GET.get(param, "").strip() or "1"
        number = 1
        if len(raw) > MAX_PAGE_PARAM_LENGTH or not raw.isdigit() or int(raw) < 1:
            self.errors.append(_("Page: enter a page number such as 2."))
        else:
            number = int(raw)
        paginator = Paginator(rows, per_page)
        selection = self._selection() if rows is self.results else None
        if selection is not None:
            # The number of matching rows, like the facet counts, changes only on a publish.
            parts = (self.cache_key or "", "count", *selection)
            paginator.count = cached_under_generation("listing-count", parts, rows.count)
        try:
            return paginator.page(number)
        except EmptyPage as exc:
            raise Http404("no such page") from exc

    # --- for templates ----------------------------------------------------------------------
    @property
    def status(self) -> int:
        return 400 if self.errors else 200

    @property
    def active(self) -> list[FacetState]:
        return [state for state in self.facets if state.selected]

    @property
    def filtered(self) -> bool:
        return bool(self.active) or any(s.cleaned not in (None, "") for s in self.fields)

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.page is not None else self.results.count()

    def query_string(self) -> str:
        """The current query without the page number, for pagination links."""
        query = self.request.GET.copy()
        query.pop("page", None)
        return query.urlencode()


def _plain(rows: QuerySet) -> QuerySet:
    """``rows`` for an aggregate or subquery: no ordering, joins or prefetches to carry along."""
    return rows.order_by().select_related(None).prefetch_related(None)


def _expr(expression: str | Expression) -> Expression:
    return F(expression) if isinstance(expression, str) else expression


class ListingPageMixin:
    """For pages whose ``get_context`` puts a :class:`Listing` in ``context["listing"]``: the
    response is HTTP 400 when a query parameter was not valid (the page still renders, with
    the message beside the filter form)."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any):
        response = super().serve(request, *args, **kwargs)  # type: ignore[misc]
        listing = (getattr(response, "context_data", None) or {}).get("listing")
        if isinstance(listing, Listing) and request.method in ("GET", "HEAD"):
            response.status_code = listing.status
        return response
