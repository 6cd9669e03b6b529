"""Admin-side behaviour: approving an application creates the member organisation."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from .models import MemberOrganisation, MembershipApplication, Status


def unique_member_slug(name: str, locale: Locale) -> str:
    base = slugify(name)[:180] or "jasen"
    taken = set(
        MemberOrganisation.objects.filter(locale=locale, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def approve(application: MembershipApplication) -> MemberOrganisation:
    """Approve an application: create (once) the Finnish-locale member organisation."""
    if application.member_id:
        return application.member
    locale = Locale.get_default()
    region = application.region
    if region is not None and region.locale_id != locale.pk:
        region = region.get_translation_or_none(locale)
    org = MemberOrganisation.objects.create(
        locale=locale,
        name=application.organisation_name,
        slug=unique_member_slug(application.organisation_name, locale),
        organisation_type=application.organisation_type,
        region=region,
        website=application.website,
        date_joined=timezone.localdate(),
        is_public=True,
    )
    application.member = org
    application.status = Status.APPROVED
    application.decided_at = timezone.now()
    application.save(update_fields=["member", "status", "decided_at"])
    return org


def reject(application: MembershipApplication) -> None:
    application.status = Status.REJECTED
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])


class MembershipApplicationForm(WagtailAdminModelForm):
    """Saving with status "approved" creates the member; "rejected" stamps the decision time."""

    def save(self, commit: bool = True):
        application = super().save(commit=commit)
        if commit and "status" in self.changed_data:
            if application.status == Status.APPROVED:
                approve(application)
            elif application.status == Status.REJECTED:
                reject(application)
        return application
