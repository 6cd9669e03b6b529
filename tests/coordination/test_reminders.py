"""Reminders: due, then overdue, each sent once however often the command runs."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from coordination.models import ProgressReport, ReminderLog
from tests.mailqueue import delivered

pytestmark = pytest.mark.django_db


def _run(day: str) -> str:
    out = io.StringIO()
    call_command("send_report_reminders", today=day, stdout=out)
    delivered()  # the mail worker sends what the command queued
    return out.getvalue()


def test_each_reminder_is_sent_once(make_pilot, liaison, other_liaison):
    pilot = make_pilot("Muistutuskokeilu", liaisons=[liaison, other_liaison])
    done = make_pilot("Valmis kokeilu", liaisons=[liaison])
    ProgressReport.objects.create(pilot=done, period_start=dt.date(2025, 3, 1), state="submitted")
    mail.outbox.clear()

    _run("2025-04-03")  # March has ended, its report is due by 2025-04-07
    due = [m for m in mail.outbox if pilot.title in m.subject]
    assert sorted(m.to[0] for m in due) == [liaison.email, other_liaison.email]
    # Mail goes out in the site's language (Finnish).
    assert all(m.subject == f"Tilanneraportti erääntyy: {pilot.title}" for m in due)
    assert not [m for m in mail.outbox if done.title in m.subject]

    mail.outbox.clear()
    _run("2025-04-03")
    _run("2025-04-05")
    assert not [m for m in mail.outbox if pilot.title in m.subject]

    _run("2025-04-08")  # now overdue: one more reminder per liaison
    _run("2025-04-09")
    overdue = [m for m in mail.outbox if pilot.title in m.subject]
    assert len(overdue) == 2
    assert all(m.subject == f"Tilanneraportti myöhässä: {pilot.title}" for m in overdue)
    assert ReminderLog.objects.filter(pilot=pilot).count() == 4


def test_bad_date_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        _run("2025-02-31")
