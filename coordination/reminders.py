"""Report reminders: e-mail a pilot's liaisons when the period's report is due or overdue.

Each (pilot, period, kind, liaison) reminder is recorded in ``ReminderLog`` and its mail queued
(``EMAIL_BACKEND`` is the mail queue) in one transaction; the unique constraint means running the
command twice sends nothing the second time.
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

from cms.links import admin_url

from . import periods
from .models import ProgressReport, ReminderLog, default_locale_pilots, schedule_for


@dataclass
class Reminder:
    pilot: Any
    period: periods.Period
    kind: str
    user: Any


def pending_reminders(today: dt.date) -> list[Reminder]:
    """Reminders that today's date calls for, before checking what was already sent.

    The last complete period's report is "due" from the day after the period ends until its due
    date, and "overdue" after that, as long as no report has been submitted for it.
    """
    result = []
    for pilot in default_locale_pilots().prefetch_related("liaisons"):
        months, anchor = schedule_for(pilot)
        period = periods.last_complete_period(today, months, anchor)
        if period is None:
            continue
        done = ProgressReport.objects.filter(
            pilot=pilot,
            period_start=period.start,
            state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.APPROVED],
        ).exists()
        if done:
            continue
        kind = ReminderLog.Kind.OVERDUE if today > period.due else ReminderLog.Kind.DUE
        for user in pilot.liaisons.all():
            if user.is_active and user.email:
                result.append(Reminder(pilot, period, kind, user))
    return result


def send_reminders(today: dt.date) -> int:
    """Send the reminders not yet sent; return how many were sent."""
    sent = 0
    for reminder in pending_reminders(today):
        try:
            with transaction.atomic():
                ReminderLog.objects.create(
                    pilot=reminder.pilot,
                    period_start=reminder.period.start,
                    kind=reminder.kind,
                    user=reminder.user,
                )
                _send(reminder)
        except IntegrityError:
            continue  # already sent
        sent += 1
    return sent


def _send(reminder: Reminder) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "pilot": reminder.pilot.title,
            "period": str(reminder.period),
            "due": reminder.period.due.isoformat(),
        }
        if reminder.kind == ReminderLog.Kind.OVERDUE:
            subject = _("Progress report overdue: %(pilot)s") % values
            body = _(
                "The progress report of %(pilot)s for %(period)s was due on %(due)s. "
                "Please write and submit it in the admin."
            )
        else:
            subject = _("Progress report due: %(pilot)s") % values
            body = _(
                "The progress report of %(pilot)s for %(period)s is due on %(due)s. "
                "Please write and submit it in the admin."
            )
        url = admin_url("/admin/coordination/reports/")
        send_mail(subject, f"{body % values}\n\n{url}\n", None, [reminder.user.email])


def run_due_reminders() -> int:
    """Worker job: today's reminders (idempotent, so running it every hour sends each once)."""
    return send_reminders(timezone.localdate())
