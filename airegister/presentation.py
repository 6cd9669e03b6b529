"""What the public record page shows: the standard's groups with their filled-in attributes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from .forms import FeedbackForm
from .history import change_history
from .standard import EXTENSIONS, GROUPS, Attribute, attributes_in


@dataclass
class Row:
    attribute: Attribute
    value: Any
    kind: str  # text, date, url, email, code

    @property
    def label(self):
        return self.attribute.label


def attribute_value(page, attribute: Attribute) -> Any:
    """The value a reader sees: the localised label of a code, the date, the text."""
    if attribute.name == "name":
        return page.title
    if attribute.name == "lang":
        return page.locale.get_display_name()
    if attribute.choices is not None and attribute.field:
        return getattr(page, f"get_{attribute.field}_display")()
    return getattr(page, attribute.field or attribute.name)


def rows_for(page, attributes: list[Attribute]) -> list[Row]:
    rows = []
    for attribute in attributes:
        if attribute.name in ("standard_version", "uuid"):
            continue  # shown once, in the machine-readable links
        value = attribute_value(page, attribute)
        if value in (None, ""):
            continue
        kind = attribute.kind if attribute.kind in ("date", "url", "email") else "text"
        rows.append(Row(attribute, value, kind))
    return rows


def record_context(page, feedback_form: FeedbackForm | None = None) -> dict:
    groups = [(group, rows_for(page, attributes_in(group.key))) for group in GROUPS]
    return {
        "groups": [(group, rows) for group, rows in groups if rows],
        "extension_rows": rows_for(page, EXTENSIONS),
        "history": change_history(page),
        "review_overdue": page.review_overdue(timezone.localdate()),
        "pilot": page.pilot(),
        "feedback_form": feedback_form or FeedbackForm(),
    }
