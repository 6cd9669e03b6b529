"""``{{ workflow.name|editorial_name }}``: a group, workflow or task name in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template

from ..names import display_name

register = template.Library()


@register.filter
def editorial_name(value: Any) -> Any:
    """The translated name (:func:`editorial.names.display_name`) of a name or of an object with
    a ``name`` (a workflow, task or group printed whole); anything else unchanged."""
    name = value if isinstance(value, str) else getattr(value, "name", None)
    return display_name(name) if isinstance(name, str) else value
