"""Pagination that treats a malformed ``?page=`` as the visitor's error, never a server error."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404, HttpRequest

MAX_PAGE_PARAM_LENGTH = 6


def paginate(request: HttpRequest, items: Sequence, per_page: int = 12) -> Page:
    """The requested page of ``items``: 400 for a non-number, 404 past the last page."""
    raw = request.GET.get("page", "1").strip() or "1"
    if len(raw) > MAX_PAGE_PARAM_LENGTH or not raw.isdigit():
        raise BadRequest("page must be a positive whole number")
    try:
        return Paginator(items, per_page).page(int(raw))
    except EmptyPage as exc:
        raise Http404("no such page") from exc
