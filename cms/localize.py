"""Show related pages in the reader's language with one query, however many there are."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Locale, Page


def localized_pages(pages: Iterable[Page], locale: Locale) -> list[Page]:
    """Live translations of ``pages`` in ``locale``, falling back to the page itself if untranslated.

    Related-page rows are synchronised across translations (they point at the Finnish source);
    calling ``.localized`` on each would cost queries per item, so this batches them.
    """
    pages = [p for p in pages if p is not None]
    if not pages:
        return []
    keys = {p.translation_key for p in pages}
    translated = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(translation_key__in=keys, locale=locale)
        .specific()
        .select_related("locale")
    }
    result = []
    for page in pages:
        candidate = translated.get(page.translation_key)
        if candidate is not None:
            result.append(candidate)
        elif page.live:
            result.append(page)
    return result
