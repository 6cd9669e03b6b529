"""Page rights computed live from the content: pilot liaisons and locale translators.

Wagtail stores page rights as ``GroupPagePermission`` rows (group × page × action). Two of our
roles do not fit that shape:

* a **liaison** may add and edit pages only under the pilot(s) that name them in
  ``PilotPage.liaisons``; when they are removed from the pilot, the rights go with it;
* a **translator** may add and edit pages only in their own locale's tree, whose home page is
  created by wagtail-localize after the migrations have run.

Instead of syncing rows with signals, the rights are computed when a request asks for them, as
extra in-memory permission entries appended to the user's real ones. Every admin check (the
``PagePermissionTester`` behind edit/submit/publish/delete, the explorer, search, reports,
choosers, wagtail-localize's editor) reads the user's permissions through
``PagePermissionPolicy.get_cached_permissions_for_user``; Wagtail 7.4 offers no setting to swap
that policy, so :func:`install` wraps the policy class once, at start-up. The computed entries
never include publish, lock or delete-of-a-tree rights: those stay with Communications.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .roles import SUBTREE_ACTIONS, TRANSLATOR_LOCALES


@dataclass(frozen=True)
class ComputedPagePermission:
    """Duck-typed ``GroupPagePermission``: what Wagtail's policy reads (page, page_id, permission)."""

    page: Page
    permission: Permission
    reason: str

    @property
    def page_id(self) -> int:
        return self.page.pk


def _page_permissions(actions: list[str]) -> list[Permission]:
    codenames = [f"{action}_page" for action in actions]
    perms = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ).select_related("content_type")
    return sorted(perms, key=lambda p: codenames.index(p.codename))


def liaison_pilots(user: Any):
    """The pilot pages (any locale) that name ``user`` as a liaison: the live source of rights."""
    PilotPage = apps.get_model("pilots", "PilotPage")
    return PilotPage.objects.filter(liaisons=user).order_by("path")


def translator_locales(user: Any) -> list[str]:
    """Language codes of the translator groups ``user`` belongs to."""
    names = set(user.groups.filter(name__in=TRANSLATOR_LOCALES).values_list("name", flat=True))
    return sorted(TRANSLATOR_LOCALES[name] for name in names)


def computed_permissions_for_user(user: Any) -> list[ComputedPagePermission]:
    """The page rights that follow from pilots naming ``user`` and from translator groups."""
    if not user.is_active or user.is_anonymous or user.is_superuser:
        return []
    perms = _page_permissions(SUBTREE_ACTIONS)
    entries: list[ComputedPagePermission] = []
    for pilot in liaison_pilots(user):
        entries += [ComputedPagePermission(pilot, perm, "liaison") for perm in perms]
    codes = translator_locales(user)
    if codes:
        roots = Page.objects.filter(depth=2, locale__language_code__in=codes).order_by("path")
        for root in roots:
            entries += [ComputedPagePermission(root, perm, "translator") for perm in perms]
    return entries


def users_with_computed_rights_for(instance: Page, codenames: set[str]) -> Q:
    """A user filter matching liaisons/translators whose computed rights cover ``instance``."""
    if not codenames & {f"{action}_page" for action in SUBTREE_ACTIONS}:
        return Q(pk__in=[])
    PilotPage = apps.get_model("pilots", "PilotPage")
    ancestors = instance.get_ancestors(inclusive=True)
    pilot_ids = PilotPage.objects.filter(pk__in=ancestors.values("pk")).values("pk")
    q = Q(liaison_pilots__in=pilot_ids)
    locale_code = instance.locale.language_code if instance.locale_id else None
    groups = [name for name, code in TRANSLATOR_LOCALES.items() if code == locale_code]
    if groups and instance.depth > 1:
        q |= Q(groups__name__in=groups)
    return q


_installed = False


def install() -> None:
    """Make Wagtail's page permission policy include the computed rights (idempotent)."""
    global _installed
    if _installed:
        return
    original_all = PagePermissionPolicy.get_all_permissions_for_user
    original_users_for_instance = PagePermissionPolicy.users_with_any_permission_for_instance

    def get_all_permissions_for_user(self, user):
        base = original_all(self, user)
        computed = computed_permissions_for_user(user)
        if not computed:
            return base
        return list(base) + computed

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        users = original_users_for_instance(self, actions, instance, include_superusers)
        extra = users_with_computed_rights_for(
            instance, set(self._get_permission_codenames(set(actions)))
        )
        model = users.model
        computed = model._default_manager.filter(is_active=True).filter(extra)
        return model._default_manager.filter(
            Q(pk__in=users.values("pk")) | Q(pk__in=computed.values("pk"))
        )

    PagePermissionPolicy.get_all_permissions_for_user = get_all_permissions_for_user
    PagePermissionPolicy.users_with_any_permission_for_instance = (
        users_with_any_permission_for_instance
    )
    _installed = True
