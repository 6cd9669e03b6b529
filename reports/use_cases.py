"""Public helper for the pilots app: which catalogued use cases a pilot implements."""

from __future__ import annotations

from wagtail.models import Page


def for_pilot(pilot: Page) -> list:
    """Use cases (in the pilot's language when translated) that list ``pilot`` as implementing them.

    The relation may be recorded on any language version of the use case (usually the Finnish
    source) and point at any language version of the pilot, so both are matched through their
    translation keys: a pilot added to the Finnish use case shows up on the English pilot page
    before the use case's translation is synchronised.
    """
    from .models import UseCase, UseCasePilot

    keys = UseCasePilot.objects.filter(pilot__translation_key=pilot.translation_key).values(
        "use_case__translation_key"
    )
    return list(
        UseCase.objects.filter(locale_id=pilot.locale_id, translation_key__in=keys)
        .select_related("category")
        .order_by("category__sort_order", "name")
    )
