"""The search page (one path per language) and the JSON API."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import get_page_models

from cms.pagination import paginate
from cms.query_keys import declare_query_params

from . import service
from .backends import BackendUnavailable

logger = logging.getLogger(__name__)

PER_PAGE = 10
FACET_NAMES = ("type", "theme", "region", "year", "report_type")
SIDEBAR_FACETS = ("theme", "region", "year", "report_type")
MAX_FACET_VALUES = 20
LANGS = {code for code, _name in settings.LANGUAGES}


def search_url(lang: str | None = None) -> str:
    """The search page of a language (``/fi/haku/``, ``/sv/sok/``, ``/en/search/``)."""
    from django.utils import translation

    lang = lang if lang in LANGS else settings.LANGUAGE_CODE
    with translation.override(lang):
        return reverse(f"search:search_{lang}")


def requested_facets(request: HttpRequest) -> dict[str, list[str]]:
    """Known facet parameters only, each value cut to a sane size, without control characters
    (PostgreSQL refuses NUL in text)."""
    facets = {}
    for name in FACET_NAMES:
        cleaned = ("".join(ch for ch in v if ch >= " ")[:200] for v in request.GET.getlist(name))
        values = [v for v in cleaned if v.strip()][:MAX_FACET_VALUES]
        if values:
            facets[name] = values
    return facets


def type_labels() -> dict[str, str]:
    return {m._meta.model_name: str(m._meta.verbose_name_plural) for m in get_page_models()}


def facet_labels() -> dict[str, str]:
    return {
        "type": _("Content type"),
        "theme": _("Theme"),
        "region": _("Region"),
        "year": _("Year"),
        "report_type": _("Report type"),
    }


class LazyResults:
    """A sequence for the paginator that asks the backend only for the page it shows."""

    def __init__(self, text: str, lang: str, facets: dict[str, list[str]], correct: bool = True):
        self.text, self.lang, self.facets, self.correct = text, lang, facets, correct
        self.outcome: service.SearchOutcome | None = None
        self._offset = 0

    def _run(self, offset: int) -> service.SearchOutcome:
        if self.outcome is None or self._offset != offset:
            self.outcome = service.search(
                self.text, self.lang, self.facets, offset, PER_PAGE, correct=self.correct
            )
            self._offset = offset
        return self.outcome

    def __len__(self) -> int:
        return self._run(self._offset).count

    def __getitem__(self, item):
        if isinstance(item, slice):
            return self._run(item.start or 0).results
        raise TypeError("LazyResults only supports slices")


def _exact(request: HttpRequest) -> bool:
    """``exact=1``: search for the words as typed (the "Search instead for" link), uncorrected."""
    return request.GET.get("exact", "") == "1"


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1").strip() or "1"
    if len(raw) > 6 or not raw.isdigit() or int(raw) < 1:
        raise BadRequest("page must be a positive whole number")
    return int(raw)


@require_GET
def search_page(request: HttpRequest, lang: str) -> HttpResponse:
    """The search page of one language; other languages' paths redirect to their own."""
    current = get_language() or settings.LANGUAGE_CODE
    if current != lang:
        target = search_url(current)
        query = request.GET.urlencode()
        return redirect(f"{target}?{query}" if query else target)
    # Its links repeat every parameter (``_link``): only these make a different page.
    declare_query_params(request, ("q", "page", "exact", *FACET_NAMES))
    text = request.GET.get("q", "")
    facets = requested_facets(request)
    context = {
        "query": text,
        "search_url": search_url(lang),
        "facet_labels": facet_labels(),
        "type_labels": type_labels(),
    }
    if text.strip():
        results = LazyResults(text, lang, facets, correct=not _exact(request))
        try:
            page = paginate(request, results, PER_PAGE)
        except BackendUnavailable:
            logger.exception("search backend unavailable")
            return render(request, "search/unavailable.html", context, status=503)
        outcome = results.outcome
        context.update(_page_context(request, outcome, facets, page))
    return render(request, "search/search_page.html", context)


def _link(request: HttpRequest, **changes) -> str:
    params = {k: request.GET.getlist(k) for k in request.GET}
    params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value if isinstance(value, list) else [value]
    return "?" + urlencode(params, doseq=True)


def _page_context(request, outcome, facets, page) -> dict:
    labels = type_labels()
    counts = outcome.facets if outcome else {}
    tabs = [
        {
            "label": labels.get(key, key),
            "count": count,
            "url": _link(request, type=key),
            "active": key in facets.get("type", []),
        }
        for key, count in sorted(counts.get("type", {}).items(), key=lambda kv: -kv[1])
    ]
    groups = []
    for name in SIDEBAR_FACETS:
        values = counts.get(name, {})
        if values:
            groups.append(
                {
                    "name": name,
                    "label": facet_labels()[name],
                    "values": [
                        {"value": v, "count": c, "checked": v in facets.get(name, [])}
                        for v, c in sorted(values.items())
                    ],
                }
            )
    results = list(page.object_list) if page else []
    for result in results:
        result.type_label = labels.get(result.content_type, result.content_type)
    return {
        "outcome": outcome,
        "page_obj": page,
        "results": results,
        "tabs": tabs,
        "all_tab_url": _link(request, type=None),
        "facet_groups": groups,
        "active_facets": facets,
        "suggestion_url": (
            _link(request, q=outcome.suggestion) if outcome and outcome.suggestion else ""
        ),
        "original_query_url": (
            _link(request, q=request.GET.get("q", ""), exact="1")
            if outcome and outcome.corrected_query
            else ""
        ),
        "previous_url": _link(request, page=str(page.number - 1))
        if page and page.has_previous()
        else "",
        "next_url": _link(request, page=str(page.number + 1)) if page and page.has_next() else "",
    }


def _json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    """``/api/search/?q=…&lang=fi|sv|en[&type=…&theme=…&page=N&exact=1]`` → results as JSON.

    ``snippet`` is HTML: escaped text with matches in ``<mark>``.
    """
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in LANGS:
        return _json_error("lang must be one of: " + ", ".join(sorted(LANGS)), 400)
    try:
        number = _page_number(request)
    except BadRequest as exc:
        return _json_error(str(exc), 400)
    text = request.GET.get("q", "")
    facets = requested_facets(request)
    try:
        outcome = service.search(
            text, lang, facets, (number - 1) * PER_PAGE, PER_PAGE, correct=not _exact(request)
        )
    except BackendUnavailable:
        logger.exception("search backend unavailable")
        return _json_error("search is temporarily unavailable", 503)
    return JsonResponse(
        {
            "query": outcome.query.text,
            "lang": lang,
            "count": outcome.count,
            "page": number,
            "operator": outcome.operator,
            "truncated": outcome.query.truncated,
            "suggestion": outcome.suggestion,
            # The query found nothing or little, so the corrected one ran instead (exact=1 asks
            # for the words as typed).
            "correction": (
                {"query": outcome.corrected_query, "original": outcome.original_query}
                if outcome.corrected_query
                else None
            ),
            "message": _message(outcome, text),
            "results": [
                {
                    "title": r.title,
                    "url": r.url,
                    "type": r.content_type,
                    "snippet": str(r.snippet),
                    "score": r.score,
                }
                for r in outcome.results
            ],
            "facets": {
                name: [{"value": v, "count": c} for v, c in sorted(values.items())]
                for name, values in outcome.facets.items()
            },
        }
    )


def _message(outcome: service.SearchOutcome, text: str) -> str:
    if not text.strip():
        return "Type something to search for."
    if outcome.query.is_empty:
        return "The search has no words to look for."
    if outcome.fell_back_to_or:
        return "No result contained every word; showing results with any of them."
    if outcome.count == 0:
        return "Nothing found."
    return ""


@require_GET
def api_autocomplete(request: HttpRequest) -> JsonResponse:
    """``/api/search/autocomplete/?q=…&lang=…`` → page titles starting with the text."""
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in LANGS:
        return _json_error("lang must be one of: " + ", ".join(sorted(LANGS)), 400)
    return JsonResponse({"results": service.autocomplete(request.GET.get("q", ""), lang)})
