"""``{{ workflow.name|editorial_name }}``: a group, workflow or task name in the reader's language."""

from __future__ import annotations

from django import template

from ..names import display_name

register = template.Library()


@register.filter
def editorial_name(name: object) -> str:
    """The translated name (:func:`editorial.names.display_name`); other values unchanged."""
    return display_name(name) if isinstance(name, str) else name
