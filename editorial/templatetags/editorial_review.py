"""``{% translation_review_panel %}``: the review panel above wagtail-localize's editor."""

from __future__ import annotations

from typing import Any

from django import template

from ..translation_review import review_for

register = template.Library()


@register.inclusion_tag("editorial/translation_review_panel.html", takes_context=True)
def translation_review_panel(context: dict[str, Any], translation, instance) -> dict[str, Any]:
    request = context["request"]
    return {
        "review": review_for(translation, instance, request.user),
        "translation": translation,
        "page": instance,
        "csrf_token": context.get("csrf_token"),
    }
