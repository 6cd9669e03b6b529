"""What a page contributes to the search index: built from what its page type declares.

- **Text**: the page type's ``search_fields`` (Wagtail's own declaration). The title is the
  title; a ``SearchField`` with ``boost`` of at least ``HEAD_BOOST`` is ranked with the summary,
  any other ``SearchField`` (and those inside ``RelatedFields``, e.g. an event's speakers) is
  body text. A field that is not declared is not searchable, whatever its name.
- **Summary**: ``search_summary()`` (``PublicPageMixin``: the declared ``search_summary_field``,
  else the search description).
- **Facets**: ``search_facets()``, plus the result ``type`` and ``group`` (the page type's
  ``search_result_group``: the tab of the search page it is shown under).
- **Items**: ``search_items()`` — what a page lists that visitors look for by name (each use case
  of the catalogue, each public legislative need, each member organisation) becomes a result of
  its own, at the page's URL plus the item's anchor.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

logger = logging.getLogger(__name__)

HEAD_BOOST = 2
DEFAULT_GROUP = "other"
# The result types of listed items (``SearchItem.kind``), as the search page names them.
ITEM_KIND_LABELS = {
    "usecase": _("use case"),
    "legislativeneed": _("legislative need"),
    "lessons": _("Lessons learned"),
    "memberorganisation": _("member organisation"),
}
MAX_BODY_CHARS = 200_000
MAX_FACET_VALUES = 50


@dataclass
class PageDocument:
    """The searchable content of one result (a page, or an item it lists), before analysis."""

    page_id: int
    lang: str
    url: str
    content_type: str
    title: str
    summary: str = ""
    body: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    item: str = ""  # empty for the page itself
    head: str = ""  # boosted declared text, ranked with the summary but not shown
    title_ranked: bool = True  # False: the title is ranked as summary text (SearchItem)


def content_type_key(page: Page) -> str:
    """A stable key of the page type (``pilotpage``), used as the ``type`` facet."""
    return page.specific_class._meta.model_name if page.specific_class else "page"


def is_indexable(page: Page) -> bool:
    """Live, public (no view restriction on it or its ancestors), below a site root."""
    if not page.live or page.depth <= 1:
        return False
    return not page.get_view_restrictions().exists()


def _flatten(value: Any) -> list[str]:
    """The text of a declared field's value (strings, lists of them, related objects)."""
    if value is None or value == "" or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [strip_tags(value)]
    if isinstance(value, list | tuple | set):
        return [text for v in value for text in _flatten(v)]
    if hasattr(value, "all"):  # a related manager outside RelatedFields
        return [str(v) for v in value.all()]
    return []


def _related(value: Any) -> list[Any]:
    if value is None:
        return []
    if hasattr(value, "all"):
        return list(value.all())
    return [value]


def declared_text(obj: Any, fields: Iterable[Any], skip: set[str]) -> tuple[list[str], list[str]]:
    """(Boosted, other) texts of the ``SearchField``s declared in ``fields`` for ``obj``."""
    head: list[str] = []
    body: list[str] = []
    for declared in fields:
        if declared.field_name in skip:
            continue
        if isinstance(declared, index.RelatedFields):
            for related in _related(declared.get_value(obj)):
                more_head, more_body = declared_text(related, declared.fields, set())
                head += more_head
                body += more_body
            continue
        if not isinstance(declared, index.SearchField):
            continue
        try:
            texts = _flatten(declared.get_value(obj))
        except Exception:  # a broken attachment must not stop the page being found
            logger.exception("search field %s failed for %r", declared.field_name, obj)
            continue
        boosted = (declared.boost or 1) >= HEAD_BOOST
        (head if boosted else body).extend(t for t in texts if t.strip())
    return head, body


def _squash(texts: Iterable[str], limit: int = MAX_BODY_CHARS) -> str:
    return " ".join(" ".join(texts).split())[:limit]


def _facets(facets: dict[str, list[Any]], kind: str, group: str) -> dict[str, list[str]]:
    cleaned = {
        name: sorted({str(v) for v in values if v not in (None, "")})[:MAX_FACET_VALUES]
        for name, values in facets.items()
    }
    cleaned["type"] = [kind]
    cleaned["group"] = [group or DEFAULT_GROUP]
    return {name: values for name, values in cleaned.items() if values}


def _page_document(page: Page, url: str) -> PageDocument:
    summary_hook = getattr(page, "search_summary", None)
    summary = str(summary_hook() or "") if callable(summary_hook) else page.search_description
    skip = {"title", getattr(page, "search_summary_field", "")}
    head, body = declared_text(page, page.get_search_fields(), skip)
    description = (page.search_description or "").strip()
    if description and description != summary:
        body.insert(0, description)
    facets_hook = getattr(page, "search_facets", None)
    kind = content_type_key(page)
    return PageDocument(
        page_id=page.pk,
        lang=page.locale.language_code,
        url=url,
        content_type=kind,
        title=page.title,
        summary=summary.strip(),
        body=_squash(body),
        head=_squash(head),
        facets=_facets(
            facets_hook() if callable(facets_hook) else {},
            kind,
            getattr(page, "search_result_group", DEFAULT_GROUP),
        ),
    )


def _item_documents(page: Page, url: str) -> list[PageDocument]:
    items_hook = getattr(page, "search_items", None)
    if not callable(items_hook):
        return []
    documents = []
    for item in items_hook():
        kind = item.kind or content_type_key(page)
        documents.append(
            PageDocument(
                page_id=page.pk,
                item=item.key[:120],
                lang=page.locale.language_code,
                url=f"{url}#{item.anchor}",
                content_type=kind,
                title=item.title,
                summary=_squash([strip_tags(item.summary)]),
                body=_squash([strip_tags(item.body)]),
                title_ranked=item.title_ranked,
                facets=_facets(
                    item.facets,
                    kind,
                    item.group or getattr(page, "search_result_group", DEFAULT_GROUP),
                ),
            )
        )
    return documents


def build_documents(page: Page) -> list[PageDocument]:
    """The page's document and those of its items; empty when search must not find them."""
    page = page.specific
    if not is_indexable(page):
        return []
    url = page.get_url()
    if not url:
        return []
    return [_page_document(page, url), *_item_documents(page, url)]


def build_document(page: Page) -> PageDocument | None:
    """The page's own document, or None when the page must not be found by search."""
    documents = build_documents(page)
    return documents[0] if documents else None
