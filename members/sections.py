"""The members app's front-page section: the newest member organisations."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.sections import FrontPageSection


def newest_members(locale: Locale, limit: int) -> Sequence:
    from .models import MemberOrganisation

    return list(
        MemberOrganisation.objects.filter(locale=locale, is_public=True, date_joined__isnull=False)
        .select_related("region")
        .order_by("-date_joined", "name")[:limit]
    )


def directory_url(locale: Locale) -> str | None:
    from .models import MemberDirectoryPage

    page = MemberDirectoryPage.objects.live().filter(locale=locale).first()
    return page.url if page else None


SECTION = FrontPageSection(
    key="new-members",
    title=_("New member organisations"),
    template="members/includes/front_members.html",
    items=newest_members,
    order=60,
    limit=4,
    more_url=directory_url,
)
