"""Apply the role table (:mod:`editorial.roles`) to the database: groups and their rights.

Every function takes an app registry, so data migrations call them with their historical
models (``apps``) and receivers with the live one. All look rows up by natural keys
(group name; app label + codename; the tree root; a locale's top-level pages) and are
idempotent: running them twice changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from .roles import (
    ALL_GROUPS,
    COLLECTION_PERMISSIONS,
    MODEL_PERMISSIONS,
    PAGE_PERMISSIONS,
    WAGTAIL_DEFAULT_GROUPS,
)

DEFAULT_WORKFLOW = "Moderators approval"


def _ensure_permission_rows(apps: Any, labels: set[str], using: str) -> None:
    """Create the content types and permissions of ``labels`` now.

    Django creates them after ``migrate`` (``post_migrate``), which is too late for a data
    migration in the same run; these are Django's own functions, given the historical models.
    """
    for label in sorted(labels):
        try:
            app_config = global_apps.get_app_config(label)
        except LookupError:
            continue
        create_permissions(app_config, apps=apps, verbosity=0, using=using)


def _permissions(apps: Any, perms: list[str]) -> list[Any]:
    """The Permission rows for ``app_label.codename`` strings that exist in this state.

    A right for a model that a later migration creates is skipped here and applied by the later
    editorial migration that depends on it (see the module docstring of ``editorial.roles``).
    """
    Permission = apps.get_model("auth", "Permission")
    rows = []
    for perm in perms:
        app_label, codename = perm.split(".", 1)
        row = (
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            .order_by("pk")
            .first()
        )
        if row is not None:
            rows.append(row)
    return rows


def _page_permission(apps: Any, action: str) -> Any:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    perm, _created = Permission.objects.get_or_create(
        content_type=page_type, codename=f"{action}_page", defaults={"name": f"Can {action} page"}
    )
    return perm


def _pages_for_scope(apps: Any, scope: str) -> list[Any]:
    Page = apps.get_model("wagtailcore", "Page")
    if scope == "root":
        return list(Page.objects.filter(depth=1).order_by("path")[:1])
    code = scope.removeprefix("locale:")
    return list(Page.objects.filter(depth=2, locale__language_code=code).order_by("path"))


def set_group_page_rights(apps: Any, group: Any, pages: list[Any], actions: list[str]) -> None:
    """Make ``group``'s page rights exactly ``actions`` on each of ``pages`` (nothing elsewhere)."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = {(page.pk, _page_permission(apps, action).pk) for page in pages for action in actions}
    existing = GroupPagePermission.objects.filter(group=group)
    for row in existing:
        if (row.page_id, row.permission_id) not in wanted:
            row.delete()
    have = set(existing.values_list("page_id", "permission_id"))
    for page_id, permission_id in sorted(wanted - have):
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def grant_locale_pages(apps: Any, page: Any) -> None:
    """Give translator groups their rights on a new top-level page of their locale (additive)."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    scope = f"locale:{page.locale.language_code}"
    for name, (group_scope, actions) in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group_scope != scope or group is None:
            continue
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=_page_permission(apps, action)
            )


def apply_role_table(apps: Any = global_apps, schema_editor: Any = None) -> None:
    """Create every group of the table and set its model, collection and page rights to it."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    every_perm = [
        perm
        for table in (MODEL_PERMISSIONS, COLLECTION_PERMISSIONS)
        for perms in table.values()
        for perm in perms
    ]
    using = schema_editor.connection.alias if schema_editor is not None else "default"
    _ensure_permission_rows(apps, {perm.split(".", 1)[0] for perm in every_perm}, using)

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    for name in ALL_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, MODEL_PERMISSIONS.get(name, [])))

        if root_collection is not None:
            wanted = {p.pk for p in _permissions(apps, COLLECTION_PERMISSIONS.get(name, []))}
            rows = GroupCollectionPermission.objects.filter(group=group)
            rows.exclude(collection=root_collection, permission_id__in=wanted).delete()
            have = set(rows.values_list("permission_id", flat=True))
            for permission_id in sorted(wanted - have):
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission_id=permission_id
                )

        scope, actions = PAGE_PERMISSIONS.get(name, ("", []))
        pages = _pages_for_scope(apps, scope) if scope else []
        set_group_page_rights(apps, group, pages, actions)


def remove_unused_wagtail_groups(apps: Any = global_apps, schema_editor: Any = None) -> None:
    """Delete Wagtail's default Moderators/Editors groups while nobody belongs to them.

    Their rights overlap Communications' and nothing in the project refers to them; a group that
    someone was put into by hand is kept (its members would otherwise lose access silently).
    Wagtail's "Moderators approval" workflow (replaced by "Communications review") is
    deactivated when it is assigned nowhere, so it is not offered in the workflow list.
    """
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if not group.user_set.exists():
            group.delete()
    workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    if workflow is not None and not workflow.workflow_pages.exists():
        workflow.active = False
        workflow.save(update_fields=["active"])
        Task.objects.filter(name=DEFAULT_WORKFLOW).update(active=False)
