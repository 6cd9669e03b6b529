"""Keep the index in step with the page tree.

Publishing (a translation's too) indexes the page; unpublishing and deleting remove it; a move,
a slug change or a view restriction re-indexes the subtree. A failing backend never blocks an
editor: errors are logged and ``manage.py search_reindex`` repairs the index.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import service
from .models import SearchDocument

logger = logging.getLogger(__name__)


def _safely(action, *args) -> None:
    try:
        action(*args)
    except Exception:
        logger.exception("search index update failed; run manage.py search_reindex")


def on_published(sender, instance: Page, **kwargs) -> None:
    old_url = SearchDocument.objects.filter(pk=instance.pk).values_list("url", flat=True).first()
    _safely(service.index_page, instance)
    new_url = SearchDocument.objects.filter(pk=instance.pk).values_list("url", flat=True).first()
    if old_url and new_url and old_url != new_url and not instance.is_leaf():
        _safely(service.index_subtree, instance)


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    _safely(service.remove_pages, [instance.pk])


def on_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        _safely(service.remove_pages, [instance.pk])


def on_moved(sender, instance: Page, **kwargs) -> None:
    _safely(service.index_subtree, instance)


def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _safely(service.index_subtree, page)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved"
    )
    post_delete.connect(
        on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_deleted",
    )
