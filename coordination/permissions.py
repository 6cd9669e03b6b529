"""Who may see and change progress reports in the admin.

- Superusers and the communications group: everything (they approve and return).
- Coordinators: read every report.
- Liaisons: add reports, and view and change those of the pilots they follow, while the
  report is a draft or returned; never another pilot's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from .roles import COMMUNICATIONS, COORDINATORS, can_approve, is_coordinator, liaison_pilot_ids

LIAISON_ACTIONS = {"add", "change", "view"}


class ProgressReportPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user: Any, action: str) -> bool:
        if can_approve(user):
            return True
        if action == "view" and is_coordinator(user):
            return True
        return action in LIAISON_ACTIONS and bool(liaison_pilot_ids(user))

    def user_has_any_permission(self, user: Any, actions: list[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        if can_approve(user):
            return True
        if action == "view" and is_coordinator(user):
            return True
        if instance.pilot_id not in liaison_pilot_ids(user):
            return False
        if action == "view":
            return True
        return action == "change" and instance.is_editable_by_liaison

    def user_has_any_permission_for_instance(self, user: Any, actions: list[str], instance) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user: Any, actions: list[str]) -> QuerySet:
        qs = self.model._default_manager.all()
        if can_approve(user) or ("view" in actions and is_coordinator(user)):
            return qs
        if not set(actions) & LIAISON_ACTIONS:
            return qs.none()
        return qs.filter(pilot_id__in=liaison_pilot_ids(user))

    def instances_user_has_permission_for(self, user: Any, action: str) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission(self, actions: list[str]) -> QuerySet:
        groups = {COMMUNICATIONS} | ({COORDINATORS} if "view" in actions else set())
        query = Q(is_superuser=True) | Q(groups__name__in=groups)
        if set(actions) & LIAISON_ACTIONS:
            query |= Q(liaison_pilots__isnull=False)
        return get_user_model().objects.filter(query, is_active=True).distinct()

    def users_with_permission(self, action: str) -> QuerySet:
        return self.users_with_any_permission([action])
