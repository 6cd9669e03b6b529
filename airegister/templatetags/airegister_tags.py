"""``{% ai_record_for pilot as record %}``: the pilot's published register record, if any.

Used by the pilot page's one-line include (``airegister/includes/pilot_record_link.html``), so
the pilots app needs no code of this app. The answer (the record's URL, or none) is cached under
the page-cache generation, which every publish bumps, so a repeat render of the pilot page costs
no query for it.
"""

from __future__ import annotations

from django import template

from cms.cache import cached_under_generation

register = template.Library()


@register.simple_tag
def ai_record_for(page) -> str:
    """The URL of the record under ``page`` ("" when it has none)."""

    def lookup() -> str:
        from airegister.models import AIRecordPage

        record = AIRecordPage.objects.live().public().child_of(page).order_by("path").first()
        return (record.get_url() or "") if record is not None else ""

    return cached_under_generation("airegister-pilot", (str(page.pk),), lookup)
