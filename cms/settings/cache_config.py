"""How the Django caches are built from ``REDIS_URL`` (and ``REDIS_SECURITY_URL``).

Kept apart from ``base.py`` so that the Redis layout is read in one place: the ``default`` cache
holds pages, menus, per-site lookups and the page-cache generation; the ``security`` cache holds
login-lockout and rate-limit counters in another Redis database, so clearing or flushing the
page cache never resets them (see docs/deployment.md for Redis eviction settings).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"
# A Redis that stops answering must not hang every web worker until gunicorn kills it.
REDIS_CONNECT_TIMEOUT_SECONDS = 2
REDIS_SOCKET_TIMEOUT_SECONDS = 2
REDIS_DATABASES = 16  # Redis's default ``databases`` setting


def redis_cache(url: str, key_prefix: str) -> dict:
    """One ``CACHES`` entry for the Redis server and database in ``url``."""
    return {
        "BACKEND": REDIS_BACKEND,
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_CONNECT_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_SOCKET_TIMEOUT_SECONDS,
        },
    }


def redis_database(url: str) -> int:
    """The database number in a ``redis://host:port/N`` URL (0 when there is none)."""
    path = urlsplit(url).path.strip("/")
    if not path:
        return 0
    try:
        return int(path)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Bad Redis database in {url!r}: use redis://host:port/N"
        ) from exc


def next_redis_database(url: str) -> str:
    """``url`` with the next database number: the default home of the security counters.

    Only for ``redis://host:port/N`` and ``rediss://`` URLs; for a Unix socket or a ``?db=``
    query the security URL must be given (``REDIS_SECURITY_URL``) rather than guessed.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or "db=" in parts.query:
        raise ImproperlyConfigured(
            f"Cannot derive the security Redis database from REDIS_URL {parts.scheme}://…; "
            "set REDIS_SECURITY_URL (login lockouts and rate limits)."
        )
    number = redis_database(url) + 1
    if number >= REDIS_DATABASES:
        raise ImproperlyConfigured(
            f"REDIS_URL uses the last Redis database ({number - 1}); set REDIS_SECURITY_URL to "
            "the database (or server) for login lockouts and rate limits."
        )
    return urlunsplit(parts._replace(path=f"/{number}"))


def redis_caches(redis_url: str, security_url: str = "") -> dict[str, dict]:
    """``CACHES`` when Redis is configured: shared by every instance and worker."""
    return {
        "default": redis_cache(redis_url, "sotecms"),
        "security": redis_cache(security_url or next_redis_database(redis_url), "sotecms-security"),
    }
