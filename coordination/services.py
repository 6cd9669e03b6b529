"""Report state changes (submit, approve, return) and applying approved measurements.

Each change is written to Wagtail's audit log, so the report's history shows who did what.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from .models import ProgressReport
from .roles import REPORT_REVIEWERS, can_approve, liaison_pilot_ids

logger = logging.getLogger(__name__)

# The members app's mail queue (stores first, then sends; retried by its command).
QUEUE_EMAIL = "members.mail.queue_email"

# The pilots app's public function (contract in docs/coordination.md):
# record_measurement(pilot, indicator_name, date, value, note) -> object
RECORD_MEASUREMENT = "pilots.indicators.record_measurement"


class TransitionError(Exception):
    """The report is not in a state that allows this action."""


def can_edit(user: Any, report: ProgressReport) -> bool:
    if can_approve(user):
        return True
    return report.pilot_id in liaison_pilot_ids(user) and report.is_editable_by_liaison


def can_submit(user: Any, report: ProgressReport) -> bool:
    if report.state not in (ProgressReport.State.DRAFT, ProgressReport.State.RETURNED):
        return False
    return can_approve(user) or report.pilot_id in liaison_pilot_ids(user)


def can_review(user: Any, report: ProgressReport) -> bool:
    return report.state == ProgressReport.State.SUBMITTED and can_approve(user)


def submit(report: ProgressReport, user: Any) -> ProgressReport:
    if not (can_approve(user) or report.pilot_id in liaison_pilot_ids(user)):
        raise PermissionDenied
    if report.state not in (ProgressReport.State.DRAFT, ProgressReport.State.RETURNED):
        raise TransitionError(report.state)
    report.state = ProgressReport.State.SUBMITTED
    report.submitted_at = timezone.now()
    report.save(update_fields=["state", "submitted_at"])
    log(report, "coordination.report.submit", user=user)
    notify_reviewers(report, user)
    return report


def notify_reviewers(report: ProgressReport, submitted_by: Any) -> int:
    """Mail every reviewer (Communications, coordinators) that ``report`` waits for them, in
    their own language.

    Mails go through the mail queue: stored now, sent after the submission is committed, so a
    slow mail server never holds up or loses the submission. Returns how many were queued.
    """
    queue = import_string(QUEUE_EMAIL)
    reviewers = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=REPORT_REVIEWERS)
        .exclude(email="")
        .distinct()
    )
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    url = base + reverse("coordination_report_review", args=[report.pk])
    name = submitted_by.get_full_name() or submitted_by.get_username()
    queued = 0
    for reviewer in reviewers:
        language = UserProfile.get_for_user(reviewer).get_preferred_language()
        with translation.override(language):
            subject = _("Progress report to review: %(report)s") % {"report": report}
            text = _(
                "%(name)s submitted the progress report %(report)s for review.\n\n"
                "Approve it or return it with a comment: %(url)s"
            ) % {"name": name, "report": report, "url": url}
        queue(reviewer.email, subject, text, purpose="coordination.report")
        queued += 1
    return queued


@transaction.atomic
def approve(report: ProgressReport, user: Any) -> ProgressReport:
    if not can_approve(user):
        raise PermissionDenied
    if report.state != ProgressReport.State.SUBMITTED:
        raise TransitionError(report.state)
    report.state = ProgressReport.State.APPROVED
    report.approved_at = timezone.now()
    report.return_comment = ""
    report.save(update_fields=["state", "approved_at", "return_comment"])
    log(report, "coordination.report.approve", user=user)
    apply_measurements(report)
    return report


def return_report(report: ProgressReport, user: Any, comment: str) -> ProgressReport:
    if not can_approve(user):
        raise PermissionDenied
    if report.state != ProgressReport.State.SUBMITTED:
        raise TransitionError(report.state)
    report.state = ProgressReport.State.RETURNED
    report.return_comment = comment
    report.save(update_fields=["state", "return_comment"])
    log(report, "coordination.report.return", user=user, data={"comment": comment})
    return report


def _recorder():
    path = getattr(settings, "COORDINATION_RECORD_MEASUREMENT", RECORD_MEASUREMENT)
    try:
        return import_string(path)
    except ImportError:
        return None


def apply_measurements(report: ProgressReport) -> int:
    """Hand an approved report's unapplied measurements to the pilots app; return how many.

    The pilots app owns indicators; it exposes ``record_measurement``. Until it does, the
    measurements stay unapplied (``applied_at`` empty) and a later approval or this function,
    called again, applies them.
    """
    if report.state != ProgressReport.State.APPROVED:
        return 0
    record = _recorder()
    pending = list(report.measurements.filter(applied_at__isnull=True))
    if not pending:
        return 0
    if record is None:
        logger.warning(
            "%s is not available: %d measurement(s) of report %s left unapplied.",
            RECORD_MEASUREMENT,
            len(pending),
            report.pk,
        )
        return 0
    applied = 0
    now = timezone.now()
    for measurement in pending:
        try:
            record(
                report.pilot,
                measurement.indicator_name,
                measurement.date,
                measurement.value,
                measurement.note,
            )
        except LookupError as exc:  # the pilot has no indicator of that name
            logger.warning(
                "Measurement %s of report %s left unapplied: %s", measurement.pk, report.pk, exc
            )
            continue
        measurement.applied_at = now
        measurement.save(update_fields=["applied_at"])
        applied += 1
    return applied
