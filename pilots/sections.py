"""The front page's "latest pilot updates" section (registered in PilotsConfig.ready)."""

from __future__ import annotations

from wagtail.models import Locale


def latest_updates(locale: Locale, limit: int) -> list:
    """The newest live pilot updates in ``locale``, each with its pilot attached."""
    from .listing import attach_pilots
    from .models import PilotUpdatePage

    updates = list(
        PilotUpdatePage.objects.live().filter(locale=locale).order_by("-date", "-pk")[:limit]
    )
    return attach_pilots(updates)


def updates_url(locale: Locale) -> str | None:
    """The combined updates listing under the pilot index of ``locale``."""
    from .models import PilotIndexPage

    index = PilotIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return None
    return index.url + index.reverse_subpage("updates_route")
