"""Revision reminders: the pilot's liaisons hear 30 and 7 days before a record's revision date.

A reminder is (record family, revision date, days before, recipient). Each is logged in
``RevisionReminder`` and its mail queued (``EMAIL_BACKEND`` is the mail queue) in one
transaction; the unique constraint makes every reminder go once, however often the worker runs.
A worker that was down on the day still sends the 30-day reminder later, unless the 7-day one
is already due (then only that one goes). Moving the revision date starts a new pair.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.links import admin_url

from .models import REMINDER_DAYS, AIRecordPage, RevisionReminder


@dataclass
class Reminder:
    record: AIRecordPage
    days_before: int
    email: str
    user: Any = None


def _threshold(days_left: int) -> int | None:
    """The reminder that ``days_left`` calls for: the smallest threshold it has reached."""
    due = [days for days in REMINDER_DAYS if 0 <= days_left <= days]
    return min(due) if due else None


def recipients(record: AIRecordPage) -> list[tuple[str, Any]]:
    """The pilot's active liaisons with an e-mail; a record without a pilot: its contact."""
    pilot = record.pilot()
    if pilot is not None and hasattr(pilot, "liaisons"):
        users = pilot.liaisons.filter(is_active=True).exclude(email="")
        return [(user.email, user) for user in users.order_by("pk")]
    return [(record.contact_email, None)] if record.contact_email else []


def pending_reminders(today: dt.date) -> list[Reminder]:
    """The reminders today calls for (source-language records), before checking the log."""
    result = []
    records = AIRecordPage.objects.live().filter(
        locale=Locale.get_default(), revision_date__isnull=False
    )
    for record in records:
        threshold = _threshold((record.revision_date - today).days)
        if threshold is None:
            continue
        for email, user in recipients(record):
            result.append(Reminder(record, threshold, email, user))
    return result


def send_reminders(today: dt.date) -> int:
    """Send the reminders not yet sent; return how many were sent."""
    sent = 0
    for reminder in pending_reminders(today):
        try:
            with transaction.atomic():
                RevisionReminder.objects.create(
                    translation_key=reminder.record.translation_key,
                    revision_date=reminder.record.revision_date,
                    days_before=reminder.days_before,
                    email=reminder.email,
                    user=reminder.user,
                )
                _send(reminder)
        except IntegrityError:
            continue  # already sent
        sent += 1
    return sent


def _send(reminder: Reminder) -> None:
    record = reminder.record
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "name": record.title,
            "date": record.revision_date.isoformat(),
            "days": reminder.days_before,
        }
        subject = _("AI register record due for review: %(name)s") % values
        body = (
            _(
                "The AI register record %(name)s is to be reviewed by %(date)s (in %(days)s days "
                "or less). Please check that every attribute is still true, update the revision "
                "date and submit the record for review."
            )
            % values
        )
    url = admin_url(f"/admin/pages/{record.pk}/edit/")
    send_mail(subject, f"{body}\n\n{url}\n", None, [reminder.email])


def run_due_reminders() -> int:
    """Worker job: today's reminders (idempotent, so running it every hour sends each once)."""
    return send_reminders(timezone.localdate())
