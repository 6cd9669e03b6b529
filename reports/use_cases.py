"""Public helper for the pilots app: which catalogued use cases a pilot implements."""

from __future__ import annotations

from wagtail.models import Page


def for_pilot(pilot: Page) -> list:
    """Use cases (in the pilot's language when translated) that list ``pilot`` as implementing them.

    Use-case rows point at the Finnish source pilot; a translated pilot is matched through its
    translation key.
    """
    from .models import UseCase

    return list(
        UseCase.objects.filter(
            locale_id=pilot.locale_id, pilots__pilot__translation_key=pilot.translation_key
        )
        .select_related("category")
        .distinct()
        .order_by("category__sort_order", "name")
    )
