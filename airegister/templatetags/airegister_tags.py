"""``{% ai_record_for pilot as record %}``: the pilot's published register record, if any.

Used by the pilot page's one-line include (``airegister/includes/pilot_record_link.html``), so
the pilots app needs no code of this app.
"""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def ai_record_for(page):
    from airegister.models import AIRecordPage

    return AIRecordPage.objects.live().public().child_of(page).order_by("path").first()
