"""``{% pilot_coordination_sections page %}``: a pilot's milestones, measurements and needs."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from coordination.public import pilot_sections

register = template.Library()


@register.inclusion_tag("coordination/includes/pilot_sections.html", takes_context=True)
def pilot_coordination_sections(context: dict, page: Any) -> dict[str, Any]:
    today = timezone.localdate()
    sections = pilot_sections(page)
    timeline = [(m, m.effective_status(today)) for m in sections["milestones"]]
    return {
        "request": context.get("request"),
        "page": page,
        "timeline": timeline,
        "measurements": sections["measurements"],
        "needs": sections["needs"],
    }
