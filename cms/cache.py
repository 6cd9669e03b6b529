"""Whole-site page cache for anonymous visitors, invalidated by a site-wide "generation".

Why one generation number instead of per-page dependency tracking: a page shows much more than
itself (menus, footers, listings on the front page, the sitemap, feeds, other pages' titles in
cards), so tracking what each cached page depends on is error-prone. Instead every cache key
contains the current generation, and any change an editor makes that can be visible to visitors
(publishing, unpublishing, moving or deleting a page, saving a model an app registered as public
with ``register_public_models``: taxonomies, settings, images, documents…) bumps it: every cached page is invalidated at once and the next visitor sees the
change. The trade-off — a publish also throws away pages that did not change — is cheap here:
editors publish a few times an hour, and a page is re-rendered once per generation.

Where the generation lives: with a shared cache (Redis via ``REDIS_URL``) it is a counter that
every instance increments atomically (Redis ``INCR`` through ``cache.incr``); with
the process-local memory cache every gunicorn worker has its own cache, so the generation is a
small file instead (``PAGE_CACHE_GENERATION_FILE``) that all workers read — otherwise a publish
handled by one worker would leave the other workers serving the old page.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import hashlib
import logging
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    """The current generation token; every cached page and menu key includes it.

    Inside a request (``request_cache_scope``) it is read once, when first needed, and the
    request keeps using that value: every lookup of one render then belongs to one generation,
    and a page-cache miss does not ask Redis for the generation again before each lookup.
    """
    scope = _scope.get()
    if scope is None:
        return _read_generation()
    if scope.generation is None:
        scope.generation = _read_generation()
    return scope.generation


def _read_generation() -> str:
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


def _bump_shared_generation() -> str:
    """One atomic increment (Redis ``INCR``): instances bumping at once never lose a bump."""
    try:
        return str(cache.incr(GENERATION_KEY))
    except ValueError:  # no counter yet (or it was lost): seed it, then count this bump
        _seed_shared_generation()
        return str(cache.incr(GENERATION_KEY))


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
            token = None
    else:
        token = _bump_shared_generation()
    scope = _scope.get()
    if scope is not None:  # the rest of this request (an editor's publish) sees the change
        scope.generation = token


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
    invalidates these, so they cannot go stale. Inside a request the value is read from the
    shared cache once and kept for the rest of the request (``request_cache_scope``).
    """
    return cache_get_or_build(cache_key(prefix, *parts), build, timeout)


def cache_get_or_build(key: str, build, timeout: int):
    """The value under ``key``, or ``build()`` stored there: once per request inside a scope."""
    value = cache_get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache_set(key, value, timeout)
    return value


def cache_get(key: str, default=None):
    """``cache.get``; inside a request scope each key is read from the shared cache once."""
    scope = _scope.get()
    if scope is not None and key in scope.values:
        return scope.values[key]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        return default
    if scope is not None:
        scope.values[key] = value
    return value


def cache_set(key: str, value, timeout: int) -> None:
    """``cache.set``; inside a request scope the write waits for the end of the request and
    goes with the request's other writes (one round trip per timeout)."""
    scope = _scope.get()
    if scope is None:
        cache.set(key, value, timeout)
        return
    scope.values[key] = value
    scope.pending.setdefault(timeout, {})[key] = value


# --- One request's view of the shared cache --------------------------------------------------
# With Redis every cache read is a network round trip. A page render asks for the same few
# lookups (the site, the locales, the front pages, the restricted paths) again and again from
# templates, tags and routing; before this scope a page-cache miss sent about 50 commands, half
# of them reads of the generation. Inside a request the generation is read once, each lookup is
# read once, and the lookups a miss builds are written together when the response is ready.
@dataclass
class RequestCacheScope:
    generation: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    pending: dict[int, dict[str, Any]] = field(default_factory=dict)

    def flush(self) -> None:
        """Write the pending values: one ``set_many`` (one pipelined round trip) per timeout."""
        for timeout, values in self.pending.items():
            cache.set_many(values, timeout)
        self.pending.clear()


_scope: contextvars.ContextVar[RequestCacheScope | None] = contextvars.ContextVar(
    "request_cache_scope", default=None
)


@contextlib.contextmanager
def request_cache_scope() -> Iterator[RequestCacheScope]:
    """Serve one request's cache lookups from one generation read and one read per key.

    Opened by ``cms.middleware.PageCacheMiddleware`` around every request. The pending writes
    are made when the response is ready, also when the view raised (what was built is valid).
    """
    scope = RequestCacheScope()
    token = _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(token)
        try:
            scope.flush()
        except Exception:  # a cache outage must not turn a rendered page into an error
            logger.exception("Could not store the request's cached lookups")


# --- What invalidates: an explicit registry of what appears on public pages. ---
# Each app declares its own public models from its ``AppConfig.ready()`` through
# ``register_public_models`` (cms never imports domain apps). Pages are Wagtail's and always
# count. Anything not registered never invalidates: visitor submissions, registrations, the
# mail queue, consent records, newsletter sends and deliveries are private records, and a
# newsletter sent to 1,000 people must not throw the page cache away 1,000 times.
_public_model_labels: set[str] = set()


def register_public_models(*models: type | str) -> None:
    """Declare models whose saved or deleted rows can show on public pages.

    Accepts model classes or ``"app_label.ModelName"`` labels. A change to any of them bumps the
    page-cache generation and purges the CDN once the transaction commits.
    """
    for model in models:
        label = model if isinstance(model, str) else model._meta.label
        _public_model_labels.add(label.lower())


def public_model_labels() -> frozenset[str]:
    """The registered labels (lower case), for tests and documentation."""
    return frozenset(_public_model_labels)


def register_wagtail_public_models() -> None:
    """What Wagtail itself contributes to public pages: sites, locales, privacy, media."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    register_public_models(
        "wagtailcore.Site",
        "wagtailcore.Locale",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.CollectionViewRestriction",
        get_image_model(),
        get_document_model(),
    )


def is_public_model(model: type) -> bool:
    """True for pages and for the models an app registered as shown on public pages."""
    from wagtail.models import Page

    if issubclass(model, Page):
        return True
    label = model._meta.label.lower()
    if label in _public_model_labels:
        return True
    return any(
        parent._meta.label.lower() in _public_model_labels
        for parent in model._meta.get_parent_list()
    )


def invalidate_public_pages() -> None:
    """For code that changes what visitors see without saving a registered model or publishing
    a page (e.g. a figure written straight into a live page's inline rows)."""
    bump_generation()
    transaction.on_commit(purge_frontend_cache_everything)


def _on_page_event(sender, instance=None, **kwargs) -> None:
    bump_generation()


def _on_model_saved(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if kwargs.get("raw") or not is_public_model(sender):
        return
    if isinstance(instance, Page) and not instance.live:
        return  # a page that is not live is on no public page (unpublishing has its signal)
    if isinstance(instance, Page):
        bump_generation()  # Wagtail's frontend-cache app purges the page itself
    else:
        invalidate_public_pages()


def _on_model_deleted(sender, instance=None, **kwargs) -> None:
    if is_public_model(sender):
        invalidate_public_pages()


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
    register_wagtail_public_models()
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
