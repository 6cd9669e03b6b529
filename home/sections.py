"""The "latest news" section of the front page."""

from __future__ import annotations

from wagtail.models import Locale

from cms.prefetch import prefetch_joined


def latest_news(locale: Locale, limit: int) -> list:
    from .news import NewsPage

    return list(
        NewsPage.objects.live()
        .filter(locale=locale)
        .prefetch_related(prefetch_joined(NewsPage, "topics", "theme"))
        .order_by("-date", "-pk")[:limit]
    )


def news_index_url(locale: Locale) -> str | None:
    from .news import NewsIndexPage

    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    return index.url if index else None
