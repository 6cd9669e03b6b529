"""Data rights: erasure on request and purging data past its retention period.

The members app holds most records of people, but not all: other apps add theirs through two
Wagtail hooks, so ``erase_person`` and ``purge_stale_data`` (and their commands) cover every
record without this module importing the other apps:

- ``erase_personal_data``: ``fn(email) -> {label: count}`` deletes (or anonymises) what the app
  stores about that address;
- ``purge_personal_data``: ``fn(now) -> {label: count}`` deletes what is past its retention.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from . import conf
from .models import (
    ConsentRecord,
    MembershipApplication,
    OutgoingEmail,
    Proposal,
    Subscriber,
)

ERASE_HOOK = "erase_personal_data"
PURGE_HOOK = "purge_personal_data"


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Remove everything stored about ``email``; consent records stay as anonymous proof."""
    email = email.strip()
    subscribers = Subscriber.objects.filter(email__iexact=email)
    applications = MembershipApplication.objects.filter(email__iexact=email)
    proposals = Proposal.objects.filter(email__iexact=email)
    anonymised = (
        ConsentRecord.objects.filter(subscriber__in=subscribers)
        | ConsentRecord.objects.filter(application__in=applications)
        | ConsentRecord.objects.filter(proposal__in=proposals)
    ).update(subscriber=None, application=None, proposal=None, ip_hash="", anonymised=True)
    counts = {
        "consent records anonymised": anonymised,
        "subscribers": subscribers.delete()[0],
        "applications": applications.delete()[0],
        "proposals": proposals.delete()[0],
        "queued mails": OutgoingEmail.objects.filter(to__iexact=email).delete()[0],
    }
    for erase in hooks.get_hooks(ERASE_HOOK):
        counts.update(erase(email))
    return counts


@transaction.atomic
def purge_stale_data() -> dict[str, int]:
    """Delete unconfirmed subscriptions, rejected applications and done proposals past retention."""
    now = timezone.now()

    def before(name: str):
        return now - timedelta(days=conf.setting_int(name))

    pending = Subscriber.objects.filter(
        status="pending", created__lt=before("PENDING_SUBSCRIPTION_RETENTION")
    )
    rejected = MembershipApplication.objects.filter(
        status="rejected", submitted_at__lt=before("REJECTED_APPLICATION_RETENTION")
    )
    done = Proposal.objects.filter(status="done", updated_at__lt=before("DONE_PROPOSAL_RETENTION"))
    for qs, field in ((pending, "subscriber"), (rejected, "application"), (done, "proposal")):
        ConsentRecord.objects.filter(**{f"{field}__in": qs}).update(
            **{field: None}, ip_hash="", anonymised=True
        )
    counts = {
        "unconfirmed subscriptions": pending.delete()[0],
        "rejected applications": rejected.delete()[0],
        "handled proposals": done.delete()[0],
        "sent mails": OutgoingEmail.objects.filter(
            status="sent", sent_at__lt=before("PENDING_SUBSCRIPTION_RETENTION")
        ).delete()[0],
    }
    for purge in hooks.get_hooks(PURGE_HOOK):
        counts.update(purge(now))
    return counts
