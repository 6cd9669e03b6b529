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
    use_cases = list(
        UseCase.objects.filter(locale_id=pilot.locale_id, translation_key__in=keys)
        .select_related("category")
        .order_by("category__sort_order", "name")
    )
    catalogue = catalogue_url(pilot.locale_id) if use_cases else None
    for use_case in use_cases:
        # where the pilot page links to: the catalogue card of this use case
        use_case.catalogue_url = f"{catalogue}#{use_case.slug}" if catalogue else None
    return use_cases


def catalogue_url(locale_id: int) -> str | None:
    """URL of the live use-case catalogue page in the given locale, if there is one."""
    from .models import UseCaseCatalogPage

    page = UseCaseCatalogPage.objects.live().filter(locale_id=locale_id).first()
    return page.url if page else None
