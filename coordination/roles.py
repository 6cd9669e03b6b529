"""Who may do what in coordination, by Wagtail group name (groups come from the roles set-up)."""

from __future__ import annotations

from typing import Any

COMMUNICATIONS = "Communications"
COORDINATORS = "Coordinators"
#: Who approves or returns progress reports (and is told when one is submitted): the
#: coordinators, who follow the pilots' progress, and Communications, who publish its public part.
REPORT_REVIEWERS = {COMMUNICATIONS, COORDINATORS}


def _in_groups(user: Any, names: set[str]) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.groups.filter(name__in=names).exists()


def can_approve(user: Any) -> bool:
    """Superusers, coordinators and Communications approve and return progress reports."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return _in_groups(user, REPORT_REVIEWERS)


def is_coordinator(user: Any) -> bool:
    """Superusers, communications and coordinators see the dashboard and every report."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return _in_groups(user, {COMMUNICATIONS, COORDINATORS})


def liaison_pilot_ids(user: Any) -> set[int]:
    """The pilots (Finnish source pages) that ``user`` follows as a liaison."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.liaison_pilots.values_list("pk", flat=True))
