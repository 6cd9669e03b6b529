"""Keep the index in step with the page tree.

Publishing (a translation's too) indexes the page; unpublishing and deleting remove it; a move,
a slug change or a view restriction re-indexes the subtree. Saving or deleting a model that a
page type lists as search items (its ``search_item_models``: use cases, legislative needs…)
re-indexes the live pages of that type. A failing backend never blocks an
editor: errors are logged and ``manage.py search_reindex`` repairs the index. A bulk writer
(the bench generator, an import) pauses all of this with :func:`indexing_paused` and re-indexes
once at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial, wraps

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import service
from .models import SearchDocument

logger = logging.getLogger(__name__)

_paused: ContextVar[bool] = ContextVar("search_indexing_paused", default=False)


@contextmanager
def indexing_paused() -> Iterator[None]:
    """Leave the index as it is while the block saves many pages or listed items.

    Each save of an item re-indexes every live page that lists it (the member directory lists
    every member organisation), so 900 saves in a row re-index those pages 900 times: quadratic.
    The caller re-indexes once afterwards (``manage.py search_reindex``); until then the index
    shows the state before the block.
    """
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _unless_paused(handler):
    """The signal handler, skipped inside :func:`indexing_paused`."""

    @wraps(handler)
    def run(*args, **kwargs) -> None:
        if not _paused.get():
            handler(*args, **kwargs)

    return run


def _safely(action, *args) -> None:
    try:
        action(*args)
    except Exception:
        logger.exception("search index update failed; run manage.py search_reindex")


def _page_url(page: Page) -> str | None:
    own = SearchDocument.objects.filter(page_id=page.pk, item="")
    return own.values_list("url", flat=True).first()


@_unless_paused
def on_published(sender, instance: Page, **kwargs) -> None:
    old_url = _page_url(instance)
    _safely(service.index_page, instance)
    new_url = _page_url(instance)
    if old_url and new_url and old_url != new_url and not instance.is_leaf():
        _safely(service.index_subtree, instance)


@_unless_paused
def on_unpublished(sender, instance: Page, **kwargs) -> None:
    _safely(service.remove_pages, [instance.pk])


@_unless_paused
def on_deleting(sender, instance, **kwargs) -> None:
    # Before the delete: the rows cascade with the page, the backend's copies must go too.
    if isinstance(instance, Page):
        _safely(service.remove_pages, [instance.pk])


@_unless_paused
def on_item_changed(page_model: type[Page], sender, instance, **kwargs) -> None:
    """An item that pages of ``page_model`` list changed: re-index those pages."""
    for page in page_model.objects.live().specific():
        _safely(service.index_page, page)


@_unless_paused
def on_moved(sender, instance: Page, **kwargs) -> None:
    _safely(service.index_subtree, instance)


@_unless_paused
def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _safely(service.index_subtree, page)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    pre_delete.connect(on_deleting, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved"
    )
    post_delete.connect(
        on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_deleted",
    )
    for page_model in get_page_models():
        for label in getattr(page_model, "search_item_models", ()):
            item_model = apps.get_model(label)
            handler = partial(on_item_changed, page_model)
            uid = f"search_items_{page_model._meta.label_lower}_{item_model._meta.label_lower}"
            post_save.connect(handler, sender=item_model, weak=False, dispatch_uid=uid + "_save")
            post_delete.connect(handler, sender=item_model, weak=False, dispatch_uid=uid + "_del")
