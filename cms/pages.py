"""``PublicPageMixin``: what every public page type shares, on Wagtail's own extension points.

Site search (``search.documents``) builds a page's document from what the page type declares:
its ``search_fields`` (Wagtail's own declaration, boosts included), and the three methods below
— the summary shown under the title, the facet values, and the things the page lists that
deserve a search result of their own (``SearchItem``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from cms.routing import may_have_view_restrictions


@dataclass
class SearchItem:
    """One thing a page lists (a use case, a legislative need…) as a search result of its own.

    ``anchor`` is the element id on the page (the result's URL is the page's URL plus
    ``#anchor``); ``key`` is unique among the page's items and stable across reindexing.
    """

    key: str
    title: str
    anchor: str
    summary: str = ""
    body: str = ""
    kind: str = ""  # the result type shown and faceted (``usecase``); the page's type if empty
    group: str = ""  # the search page's tab (see ``search_result_group``); the page's if empty
    facets: dict[str, list[str]] = field(default_factory=dict)
    #: False for entries of a long directory (member organisations): the name is ranked like a
    #: summary line, so the entry is found by its name without outranking the pages that carry
    #: the same words in their title ("hyvinvointialue" is in many members' names).
    title_ranked: bool = True


class PublicPageMixin:
    """Mixed into every page type, before ``Page``.

    ``get_view_restrictions`` is the public method Wagtail's ``check_view_restrictions`` hook
    calls on every page view. When no page at or above this one has a restriction and none of
    them is an alias (the cached lists in ``cms.routing``, invalidated with the page cache), the
    answer is "none" without the two queries; otherwise Wagtail's own lookup runs.
    """

    #: The field whose text is shown under the title in search results (and ranked as the
    #: summary); ``search_description`` when empty or blank.
    search_summary_field: str = ""
    #: The search page's tab of this type's results: ``pilots``, ``reports`` (reports and use
    #: cases), ``events``, ``news`` or ``other``.
    search_result_group: str = "other"
    #: Models whose saving changes ``search_items()``: saving one reindexes pages of this type.
    search_item_models: tuple[str, ...] = ()

    def get_view_restrictions(self):
        if not may_have_view_restrictions(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_summary(self) -> str:
        """The result's summary: the declared summary field, else the search description."""
        if self.search_summary_field:
            value = getattr(self, self.search_summary_field, "")
            text = " ".join(strip_tags(str(value or "")).split())
            if text:
                return text
        return (self.search_description or "").strip()

    def search_facets(self) -> dict[str, list[str]]:
        """Facet values (``theme``, ``region``, ``year``, ``report_type``…) of the page."""
        return {}

    def search_items(self) -> list[SearchItem]:
        """What the page lists that a visitor looks for by name (none by default)."""
        return []
