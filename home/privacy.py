"""Accessibility feedback in the project's data-rights tooling (``members.privacy``'s hooks).

A visitor's feedback holds a name and an e-mail address. ``erase_person`` deletes every piece
of feedback sent from the address; ``purge_stale_data`` deletes answered feedback once it is
older than ``ACCESSIBILITY_FEEDBACK_RETENTION`` days after the answer (default 365: long enough
to follow up a complaint to the supervisory authority). Unanswered feedback is never purged:
it still owes the visitor an answer.
"""

from __future__ import annotations

import datetime as dt
import os

from django.conf import settings

from .accessibility import AccessibilityFeedback

RETENTION_SETTING = "ACCESSIBILITY_FEEDBACK_RETENTION"
DEFAULT_RETENTION_DAYS = 365


def retention_days() -> int:
    """Days answered feedback is kept: the setting, then the environment, then 365."""
    if hasattr(settings, RETENTION_SETTING):
        return int(getattr(settings, RETENTION_SETTING))
    raw = os.environ.get(RETENTION_SETTING, "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_RETENTION_DAYS


def erase_feedback(email: str) -> dict[str, int]:
    """Delete the accessibility feedback sent from ``email`` (any letter case)."""
    deleted = AccessibilityFeedback.objects.filter(email__iexact=email.strip()).delete()[0]
    return {"accessibility feedback": deleted}


def purge_feedback(now: dt.datetime) -> dict[str, int]:
    """Delete answered feedback whose answer is older than the retention period."""
    cutoff = now - dt.timedelta(days=retention_days())
    stale = AccessibilityFeedback.objects.filter(
        status=AccessibilityFeedback.Status.ANSWERED, answered_at__lt=cutoff
    )
    return {"answered accessibility feedback": stale.delete()[0]}
