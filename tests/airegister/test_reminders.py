"""Revision reminders go to the pilot's liaisons 30 and 7 days before, once each (clock moved)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from airegister.jobs import send_revision_reminders
from airegister.reminders import send_reminders
from cms.worker import jobs
from tests.factories import AIRecordPageFactory, RegisterIndexPageFactory
from tests.mailqueue import delivered

pytestmark = pytest.mark.django_db

REVIEW = dt.date(2027, 3, 31)


@pytest.fixture
def record():
    record = AIRecordPageFactory(revision_date=REVIEW)
    pilot = record.get_parent().specific.get_latest_revision_as_object()
    for name in ("anna", "bertil"):
        user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
        pilot.liaisons.add(user)
    pilot.liaisons.add(get_user_model().objects.create_user("nomail", "", "pw"))
    pilot.save_revision().publish()
    return record


def _mail_to(day: dt.date) -> list[tuple[str, str]]:
    send_reminders(day)
    return sorted((m.to[0], m.subject) for m in delivered())


def test_thirty_and_seven_days_before_once_each(record, mailoutbox):
    assert send_reminders(REVIEW - dt.timedelta(days=31)) == 0
    assert send_reminders(REVIEW - dt.timedelta(days=30)) == 2
    assert sorted(m.to[0] for m in delivered()) == ["anna@example.org", "bertil@example.org"]
    assert record.title in delivered()[0].subject
    assert "/admin/pages/" in delivered()[0].body
    mailoutbox.clear()
    for days in (29, 20, 8):  # the worker runs every day: nothing new
        assert send_reminders(REVIEW - dt.timedelta(days=days)) == 0
    assert send_reminders(REVIEW - dt.timedelta(days=7)) == 2
    assert send_reminders(REVIEW - dt.timedelta(days=7)) == 0  # the hourly run again
    assert send_reminders(REVIEW - dt.timedelta(days=1)) == 0
    assert send_reminders(REVIEW + dt.timedelta(days=1)) == 0  # overdue: the flag, no mail
    assert len(delivered()) == 2


def test_missed_thirty_day_run_sends_only_the_seven_day_one(record):
    """The worker was down for weeks: 5 days before, one reminder (the 7-day one), not two."""
    from airegister.models import RevisionReminder

    assert send_reminders(REVIEW - dt.timedelta(days=5)) == 2  # two liaisons
    assert set(RevisionReminder.objects.values_list("days_before", flat=True)) == {7}


def test_a_worker_late_for_the_thirty_day_reminder_still_sends_it(record):
    from airegister.models import RevisionReminder

    assert send_reminders(REVIEW - dt.timedelta(days=12)) == 2
    assert set(RevisionReminder.objects.values_list("days_before", flat=True)) == {30}


def test_a_new_revision_date_starts_a_new_pair(record):
    assert send_reminders(REVIEW - dt.timedelta(days=7)) == 2
    record.revision_date = REVIEW + dt.timedelta(days=365)
    record.save_revision().publish()
    assert send_reminders(record.revision_date - dt.timedelta(days=30)) == 2


def test_record_without_pilot_reminds_its_contact():
    index = RegisterIndexPageFactory()
    AIRecordPageFactory(parent=index, revision_date=REVIEW, contact_email="owner@example.org")
    assert send_reminders(REVIEW - dt.timedelta(days=30)) == 1
    assert [m.to for m in delivered()] == [["owner@example.org"]]


def test_registered_as_a_worker_job(record, monkeypatch):
    assert jobs()["ai-register-reminders"].run is send_revision_reminders
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: REVIEW - dt.timedelta(days=30)
    )
    assert send_revision_reminders() == 2
