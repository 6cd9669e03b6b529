"""Drafts stay with the people who may edit them.

A page that is not live, or has unpublished changes, carries a draft title that only its editors
should read (a liaison must not learn another pilot's coming news). Wagtail's page choosers and
page listings (the explorer search and the "pages using this type" report) show every page's
draft title, so the ``construct_page_chooser_queryset`` and ``construct_explorer_page_queryset``
hooks (editorial/wagtail_hooks.py) narrow them with ``without_others_drafts``. Live pages
without pending changes show only what the public site shows, so they stay choosable by all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

EDITING_ACTIONS = ["change", "publish"]


def without_others_drafts(pages: QuerySet, user: Any) -> QuerySet:
    """``pages`` minus drafts (unpublished pages, pending changes) that ``user`` may not edit."""
    if not getattr(user, "is_authenticated", False):
        return pages.none()
    if user.is_superuser:
        return pages
    editable = page_permission_policy.instances_user_has_any_permission_for(user, EDITING_ACTIONS)
    # Drafts are few; excluding their ids (a plain list) also works on search querysets, whose
    # backends filter only on indexed fields such as ``id``.
    others_drafts = (
        Page.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(pk__in=editable.values("pk"))
        .values_list("pk", flat=True)
    )
    hidden = list(others_drafts)
    return pages.exclude(pk__in=hidden) if hidden else pages


def may_explore(page: Page, user: Any) -> bool:
    """Whether ``user`` may open ``page`` in the page explorer.

    Wagtail lists only explorable pages (those a user holds a right on, their descendants and
    ancestors), but opens any page under the user's explorable root when its id is typed in the
    address: a liaison, whose pilot exists in three languages and whose explorable root is
    therefore the tree root, could open another pilot's explorer page and read its (draft) title,
    status and translations. This is Wagtail's own explorable set, applied to the opened page too.
    """
    if page.is_root() or user.is_superuser:
        return True
    return page_permission_policy.explorable_instances(user).filter(pk=page.pk).exists()
