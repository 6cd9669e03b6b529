"""Whole-site page cache for anonymous visitors, invalidated by a site-wide "generation".

Why one generation number instead of per-page dependency tracking: a page shows much more than
itself (menus, footers, listings on the front page, the sitemap, feeds, other pages' titles in
cards), so tracking what each cached page depends on is error-prone. Instead every cache key
contains the current generation, and any change an editor makes that can be visible to visitors
(publishing, unpublishing, moving or deleting a page, saving a snippet, a setting, an image or
a document) bumps it: every cached page is invalidated at once and the next visitor sees the
change. The trade-off — a publish also throws away pages that did not change — is cheap here:
editors publish a few times an hour, and a page is re-rendered once per generation.

Where the generation lives: with a shared cache (Redis via ``REDIS_URL``) it is a counter that
every instance increments atomically (Redis ``INCR`` through ``cache.incr``); with
the process-local memory cache every gunicorn worker has its own cache, so the generation is a
small file instead (``PAGE_CACHE_GENERATION_FILE``) that all workers read — otherwise a publish
handled by one worker would leave the other workers serving the old page.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
MENU_PREFIX = "menucache"


def _uses_file_generation() -> bool:
    mode = getattr(settings, "PAGE_CACHE_GENERATION_STORE", "")
    if mode:
        return mode == "file"
    # ``cache`` is a proxy: look at the real backend object behind it.
    return isinstance(caches["default"], LocMemCache)


def generation_file() -> Path:
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", "")
    if configured:
        return Path(configured)
    # One file per project checkout and database, so separate sites on one host never share it
    # (sharing would only cause extra invalidations, never stale pages).
    db = settings.DATABASES["default"]
    ident = f"{settings.BASE_DIR}|{db.get('ENGINE')}|{db.get('NAME')}|{db.get('HOST', '')}"
    digest = hashlib.sha256(ident.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"sotecms-page-generation-{digest}"


def get_generation() -> str:
    """The current generation token; every cached page and menu key includes it."""
    if _uses_file_generation():
        path = generation_file()
        try:
            return path.read_text().strip() or "0"
        except FileNotFoundError:
            return "0"
        except OSError:  # unreadable: never serve from cache rather than risk stale pages
            return uuid.uuid4().hex
    value = cache.get(GENERATION_KEY)
    if value is None:
        _seed_shared_generation()
        value = cache.get(GENERATION_KEY, 0)
    return str(value)


def _seed_shared_generation() -> None:
    """Start the shared counter at the clock, in nanoseconds, if it does not exist.

    Never at 0 or 1: if Redis lost the counter (restart, eviction), counting again from a small
    number could reach a generation whose pages are still cached and serve them stale.
    """
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def _bump_shared_generation() -> None:
    """One atomic increment (Redis ``INCR``): instances bumping at once never lose a bump."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or it was lost): seed it, then count this bump
        _seed_shared_generation()
        cache.incr(GENERATION_KEY)


def _bump() -> None:
    if _uses_file_generation():
        token = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        path = generation_file()
        tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            tmp.write_text(token)
            os.replace(tmp, path)  # atomic: readers see the old or the new token, never half
        except OSError:
            logger.exception("Could not write the page cache generation file %s", path)
    else:
        _bump_shared_generation()


def bump_generation() -> None:
    """Invalidate every cached page and menu now, and again when the transaction commits.

    The second bump closes a race: a visitor request that read the old data while the publish
    was still uncommitted could otherwise store it under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)


def page_cache_enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", True))


def cache_key(prefix: str, *parts: str, generation: str | None = None) -> str:
    """A cache key for ``parts`` under ``generation`` (default: the current one)."""
    raw = "|".join(parts)
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"{prefix}:{generation or get_generation()}:{digest}"


_MISSING = object()


def cached_under_generation(prefix: str, parts: tuple[str, ...], build, timeout: int = 3600):
    """``build()`` stored in the cache until the next change an editor makes (the generation).

    For data every page reads that changes only when editors publish or save something (sites,
    menus, view restrictions, language versions): the page-cache invalidation then also
    invalidates these, so they cannot go stale.
    """
    key = cache_key(prefix, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


# --- What invalidates: signal handlers, connected from CmsConfig.ready(). ---


def _is_invalidating_model(model: type) -> bool:
    """Models whose changes can show on public pages (pages, snippets, settings, media)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    if model._meta.label in getattr(settings, "PAGE_CACHE_INVALIDATING_MODELS", ()):
        return True
    if issubclass(
        model,
        (
            Page,
            BaseSiteSetting,
            BaseGenericSetting,
            AbstractImage,
            AbstractDocument,
            BaseViewRestriction,
            Site,
            Locale,
        ),
    ):
        return True
    return model in get_snippet_models()


def _on_page_event(sender, instance=None, **kwargs) -> None:
    bump_generation()


def _on_model_saved(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if kwargs.get("raw") or not _is_invalidating_model(sender):
        return
    if isinstance(instance, Page) and not instance.live:
        return  # a page that is not live is on no public page (unpublishing has its signal)
    bump_generation()
    if not isinstance(instance, Page):
        transaction.on_commit(purge_frontend_cache_everything)


def _on_model_deleted(sender, instance=None, **kwargs) -> None:
    if _is_invalidating_model(sender):
        bump_generation()
        transaction.on_commit(purge_frontend_cache_everything)


def purge_frontend_cache_everything() -> None:
    """Tell the CDN (when one is configured) to drop every live page after a snippet change.

    Wagtail's frontend-cache app already purges a page when it is published or unpublished; a
    snippet or setting can be on any page, so all live page URLs are purged in batches.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().filter(depth__gt=1).specific(defer=True))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break saving in the admin
        logger.exception("Frontend cache purge failed")


def connect_signals() -> None:
    """Connect the invalidation handlers (called once from ``CmsConfig.ready``)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_on_page_event, dispatch_uid="pagecache_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="pagecache_moved")
    post_save.connect(_on_model_saved, dispatch_uid="pagecache_saved")
    post_delete.connect(_on_model_deleted, dispatch_uid="pagecache_deleted")


# --- Time-bounded pages --------------------------------------------------------------------
# A page whose content changes with the clock (an event leaves "upcoming" when it ends) says
# when, and the middleware keeps it in the cache no longer than that.
_expires_at: contextvars.ContextVar[datetime.datetime | None] = contextvars.ContextVar(
    "page_cache_expires_at", default=None
)


def expire_page_cache_at(moment: datetime.datetime | None) -> None:
    """Ask that the page being rendered is not served from the cache after ``moment``."""
    if moment is None:
        return
    current = _expires_at.get()
    if current is None or moment < current:
        _expires_at.set(moment)


def reset_page_expiry() -> None:
    _expires_at.set(None)


def seconds_until_page_expires(now: datetime.datetime | None = None) -> float | None:
    """Seconds the page being rendered may stay cached, or None when it does not say."""
    moment = _expires_at.get()
    if moment is None:
        return None
    from django.utils import timezone

    return (moment - (now or timezone.now())).total_seconds()
