"""Who is a liaison of which pilot and a translator of which locale (read-only helpers).

Page rights themselves are Wagtail's own ``GroupPagePermission`` rows: translators hold them on
their locale's home page (:mod:`editorial.grants`), liaisons through their pilot's group
(:mod:`editorial.liaisons`). These helpers only feed the dashboards and the status view.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from .roles import TRANSLATOR_LOCALES


def liaison_pilots(user: Any):
    """The pilot pages (any locale) that name ``user`` as a liaison."""
    PilotPage = apps.get_model("pilots", "PilotPage")
    return PilotPage.objects.filter(liaisons=user).order_by("path")


def translator_locales(user: Any) -> list[str]:
    """Language codes of the translator groups ``user`` belongs to."""
    names = set(user.groups.filter(name__in=TRANSLATOR_LOCALES).values_list("name", flat=True))
    return sorted(TRANSLATOR_LOCALES[name] for name in names)
