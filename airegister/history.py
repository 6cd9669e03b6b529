"""The record's public change history: one line per publish, with the attributes it changed.

Read from Wagtail's own audit log (``wagtail.publish`` entries and the revision each published),
so the history is exactly what was published, and two queries whatever its length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from .standard import ATTRIBUTES, EXTENSIONS

#: Page fields whose change a reader should hear about, with the label they know them by.
_TRACKED = [("title", a.label) if a.name == "name" else (a.field, a.label) for a in ATTRIBUTES]
_TRACKED = [(field, label) for field, label in _TRACKED if field]
_TRACKED += [(a.field, a.label) for a in EXTENSIONS] + [("summary", None)]

MAX_ENTRIES = 30


@dataclass
class Change:
    date: dt.date
    first: bool
    changed: list[str]


def change_history(page) -> list[Change]:
    """Newest first: each publish of ``page`` and which attributes differed from the previous."""
    entries = list(
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    changes: list[Change] = []
    previous: dict | None = None
    for entry in entries:
        content = entry.revision.content or {}
        if previous is None:
            changes.append(Change(_day(entry.timestamp), True, []))
        else:
            changed = [
                str(label) if label else _("Plain-language summary")
                for field, label in _TRACKED
                if content.get(field) != previous.get(field)
            ]
            if changed:
                changes.append(Change(_day(entry.timestamp), False, changed))
        previous = content
    return list(reversed(changes))[:MAX_ENTRIES]


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()
