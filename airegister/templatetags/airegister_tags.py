"""``{% ai_record_for pilot as url %}``: the URL of the pilot's published register record.

Used by the pilot page's one-line include (``airegister/includes/pilot_record_link.html``), so
the pilots app needs no code of this app. The record is a child of the pilot, so its URL is the
pilot's plus its slug: one query on a cache miss, and the answer is cached under the page-cache
generation (every publish bumps it), so a repeat render of the pilot page costs none.
"""

from __future__ import annotations

from django import template

from cms.cache import cached_under_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def ai_record_for(context, page) -> str:
    """The URL of the record under ``page`` ("" when it has none)."""

    def lookup() -> str:
        from airegister.models import AIRecordPage

        slug = (
            AIRecordPage.objects.live()
            .public()
            .child_of(page)
            .order_by("path")
            .values_list("slug", flat=True)
            .first()
        )
        base = page.get_url(context.get("request")) if slug else ""
        return f"{base}{slug}/" if slug and base else ""

    return cached_under_generation("airegister-pilot", (str(page.pk),), lookup)
