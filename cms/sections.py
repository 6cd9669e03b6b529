"""Front-page sections that domain apps contribute without the front page importing them.

Each app registers, in its ``AppConfig.ready()``, a function that returns the items for one
section of the front page ("latest pilot updates", "upcoming events", …). When an app is absent or
has nothing to show, its section simply renders nothing — the front page never shows fake items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from wagtail.models import Locale

from cms.cache import cached_under_generation


@dataclass(frozen=True)
class FrontPageSection:
    key: str
    title: Any  # a lazy translation string
    template: str
    items: Callable[[Locale, int], Sequence[Any]]
    order: int = 100
    limit: int = 3
    more_url: Callable[[Locale], str | None] | None = None


_sections: dict[str, FrontPageSection] = {}


def register_front_page_section(section: FrontPageSection) -> None:
    """Add (or replace, by key) a section of the front page."""
    _sections[section.key] = section


def _more_url(section: FrontPageSection, locale: Locale) -> str | None:
    """A section's "see all" link, cached until the next publish (it is an index page's URL)."""
    if section.more_url is None:
        return None
    return cached_under_generation(
        "sections", (section.key, str(locale.pk)), lambda: section.more_url(locale)
    )


def front_page_sections(locale: Locale) -> list[dict[str, Any]]:
    """The registered sections with their items for ``locale``, empty sections left out."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        items = list(section.items(locale, section.limit))
        if items:
            more = _more_url(section, locale)
            rendered.append({"section": section, "items": items, "more_url": more})
    return rendered
