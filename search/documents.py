"""What a page contributes to the search index.

Generic for any live, public Wagtail page: title, ``search_description``, a summary, the text of
every StreamField, rich-text and text field, and facets. A page model can refine this with
optional hooks:

- ``search_summary() -> str``: the text shown under the title (default: ``summary``, ``intro``,
  ``abstract``, ``lead`` or ``hero_text``, else ``search_description``);
- ``search_facets() -> dict[str, list[str]]``: facet values (default: ``region``/``regions``,
  ``themes``/``theme``, ``year``, ``report_type``, and a year from a date field);
- ``search_extra_text() -> str``: more body text, e.g. the text of attached PDFs.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

logger = logging.getLogger(__name__)

SUMMARY_FIELDS = ("summary", "intro", "abstract", "lead", "hero_text", "teaser", "description")
DATE_FIELDS = (
    "event_date",
    "start",
    "start_date",
    "starts_at",
    "date",
    "published",
    "published_on",
)
FACET_FIELDS = {
    "region": ("region", "regions"),
    "theme": ("themes", "theme"),
    "report_type": ("report_type",),
    "year": ("year",),
}
MAX_BODY_CHARS = 200_000
PAGE_FIELD_NAMES = {f.name for f in Page._meta.get_fields()}


@dataclass
class PageDocument:
    """The searchable content of one page, before analysis."""

    page_id: int
    lang: str
    url: str
    content_type: str
    title: str
    summary: str = ""
    body: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)


def content_type_key(page: Page) -> str:
    """A stable key of the page type (``pilotpage``), used as the ``type`` facet."""
    return page.specific_class._meta.model_name if page.specific_class else "page"


def is_indexable(page: Page) -> bool:
    """Live, public (no view restriction on it or its ancestors), below a site root."""
    if not page.live or page.depth <= 1:
        return False
    return not page.get_view_restrictions().exists()


def _text_of_field(page: Page, model_field: models.Field) -> str:
    value = getattr(page, model_field.attname, None)
    if value in (None, ""):
        return ""
    if isinstance(model_field, StreamField | RichTextField):
        return " ".join(str(t) for t in model_field.get_searchable_content(value) if t)
    if isinstance(model_field, models.SlugField | models.URLField | models.EmailField):
        return ""
    if isinstance(model_field, models.CharField | models.TextField):
        if model_field.choices:
            return ""
        return strip_tags(str(value))
    return ""


def _summary(page: Page) -> tuple[str, str | None]:
    hook = getattr(page, "search_summary", None)
    if callable(hook):
        return str(hook() or ""), None
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, str) and value.strip():
            return strip_tags(value).strip(), name
    return (page.search_description or "").strip(), None


def _names(value) -> list[str]:
    if value is None or value == "":
        return []
    if hasattr(value, "all"):  # a related manager
        return [str(v) for v in value.all()]
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _facets(page: Page) -> dict[str, list[str]]:
    hook = getattr(page, "search_facets", None)
    facets: dict[str, list[str]] = {}
    if callable(hook):
        facets = {k: [str(v) for v in vs if v not in (None, "")] for k, vs in hook().items()}
    else:
        for facet, names in FACET_FIELDS.items():
            for name in names:
                try:
                    values = _names(getattr(page, name, None))
                except (ValueError, AttributeError):
                    values = []
                if values:
                    facets[facet] = values
                    break
        if "year" not in facets:
            for name in DATE_FIELDS:
                value = getattr(page, name, None)
                if isinstance(value, datetime.date):
                    facets["year"] = [str(value.year)]
                    break
    facets["type"] = [content_type_key(page)]
    return {k: sorted(set(v))[:50] for k, v in facets.items() if v}


def build_document(page: Page) -> PageDocument | None:
    """The document of a page, or None when the page must not be found by search."""
    page = page.specific
    if not is_indexable(page):
        return None
    url = page.get_url()
    if not url:
        return None
    summary, summary_field = _summary(page)
    texts = []
    for model_field in page._meta.concrete_fields:
        if model_field.name in PAGE_FIELD_NAMES or model_field.name == summary_field:
            continue
        text = _text_of_field(page, model_field)
        if text:
            texts.append(text)
    if page.search_description and page.search_description.strip() != summary:
        texts.insert(0, page.search_description)
    extra = getattr(page, "search_extra_text", None)
    if callable(extra):
        try:
            texts.append(str(extra() or ""))
        except Exception:  # a broken attachment must not stop the page being found
            logger.exception("search_extra_text failed for page %s", page.pk)
    body = " ".join(" ".join(texts).split())[:MAX_BODY_CHARS]
    return PageDocument(
        page_id=page.pk,
        lang=page.locale.language_code,
        url=url,
        content_type=content_type_key(page),
        title=page.title,
        summary=summary,
        body=body,
        facets=_facets(page),
    )
