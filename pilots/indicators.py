"""Public functions for recording indicator measurements from outside the page editor.

The coordination app calls ``record_measurement`` when a progress report is approved, so the
period's figures become the pilot's measurements on the public page in every language.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from cms.cache import invalidate_public_pages

from .models import Indicator, Measurement, PilotPage


def _find_indicator(page: PilotPage, name: str) -> Indicator | None:
    wanted = name.strip().casefold()
    return next((i for i in page.indicators.all() if i.name.strip().casefold() == wanted), None)


def _upsert(indicator: Indicator, date: datetime.date, value: Decimal, note: str) -> None:
    Measurement.objects.update_or_create(
        indicator=indicator, date=date, defaults={"value": value, "note": note}
    )


@transaction.atomic
def record_measurement(
    pilot: PilotPage, indicator_name: str, date: datetime.date, value, note: str = ""
) -> Indicator:
    """Add (or correct) the measurement of ``indicator_name`` on ``date`` for the pilot.

    Written to the live pilot and to each published translation (matched by the indicator's
    translation key), so the public pages show it at once; an editor's pending draft is
    updated too, so publishing that draft later does not drop the figure.
    Raises LookupError when the pilot has no indicator of that name.
    """
    live = PilotPage.objects.get(pk=pilot.pk)
    indicator = _find_indicator(live, indicator_name)
    if indicator is None:
        raise LookupError(f"{live.title!r} has no indicator named {indicator_name!r}")
    value = Decimal(str(value))
    _upsert(indicator, date, value, note)
    translated = Indicator.objects.filter(translation_key=indicator.translation_key).exclude(
        pk=indicator.pk
    )
    for other in translated:
        _upsert(other, date, value, note)
    if live.has_unpublished_changes:
        draft = live.get_latest_revision_as_object()
        draft_indicator = _find_indicator(draft, indicator_name)
        if draft_indicator is not None:
            kept = [m for m in draft_indicator.measurements.all() if m.date != date]
            draft_indicator.measurements = [*kept, Measurement(date=date, value=value, note=note)]
            draft.save_revision(changed=False, clean=False)
    invalidate_public_pages()  # the figure is on the live pilot page now
    return indicator


def progress_summary(pilot: PilotPage) -> str:
    """One line per indicator, e.g. "Odotusaika: 62 %", for the coordinator's dashboard."""
    parts = []
    for indicator in pilot.indicators.all():
        progress = indicator.progress_percent()
        parts.append(f"{indicator.name}: {'—' if progress is None else f'{progress} %'}")
    return "; ".join(parts)
