"""Is the shared cache (Redis) there? For start-up, ``check --deploy`` and ``/healthz``.

With ``REDIS_URL`` set, every instance relies on Redis for the page cache, the cache generation,
per-site lookups and the lockout/rate-limit counters. A web instance that cannot reach it would
answer every page with an error, so it must refuse to start instead, with a message that says
which setting points where.

Where the check runs, and why there:
- ``cms.wsgi`` calls :func:`require_shared_cache` when the WSGI application is built, so gunicorn
  (its workers fail to boot and the master stops with this message), any other WSGI server, and
  ``runserver`` (which loads the same application) refuse to start without Redis.
- ``manage.py check --deploy`` reports it (``cms.E010``), plus a warning (``cms.W011``) when the
  Redis holding the security counters may evict them under memory pressure.
- Not at settings import or ``AppConfig.ready``: build and maintenance commands
  (``collectstatic``, ``makemigrations``, ``compilemessages``) must work without Redis.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured

from cms.settings.cache_config import REDIS_BACKEND

PROBE_KEY = "shared-cache-probe"
SECURITY_ALIAS = "security"
# Policies under which Redis never drops a key that still has time to live.
SAFE_EVICTION_POLICIES = {"noeviction"}


def redis_aliases() -> list[str]:
    """The cache aliases that live in Redis (empty without ``REDIS_URL``)."""
    return [alias for alias, conf in settings.CACHES.items() if conf["BACKEND"] == REDIS_BACKEND]


def masked_url(url: str) -> str:
    """``url`` with any password replaced, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def redis_problem(alias: str) -> str | None:
    """Why the cache ``alias`` does not answer, or None when it does (one round trip)."""
    from redis.exceptions import RedisError

    try:
        caches[alias].has_key(PROBE_KEY)
    except RedisError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def shared_cache_status() -> str:
    """``ok``, ``unavailable`` or ``not configured``: for ``/healthz``."""
    aliases = redis_aliases()
    if not aliases:
        return "not configured"
    return "unavailable" if any(redis_problem(alias) for alias in aliases) else "ok"


def _unreachable() -> list[str]:
    problems = []
    for alias in redis_aliases():
        problem = redis_problem(alias)
        if problem:
            location = masked_url(settings.CACHES[alias]["LOCATION"])
            problems.append(f'cache "{alias}" at {location}: {problem}')
    return problems


def require_shared_cache() -> None:
    """Raise ImproperlyConfigured, saying what to fix, when a configured Redis does not answer."""
    problems = _unreachable()
    if problems:
        raise ImproperlyConfigured(
            "REDIS_URL is set but Redis does not answer ("
            + "; ".join(problems)
            + "). Start Redis, fix REDIS_URL / REDIS_SECURITY_URL, or unset REDIS_URL to use "
            "the local-memory cache (one process only)."
        )


def eviction_policy(alias: str) -> str:
    """The ``maxmemory-policy`` of the Redis server behind ``alias`` (from ``INFO memory``)."""
    import redis

    client = redis.Redis.from_url(
        settings.CACHES[alias]["LOCATION"], socket_connect_timeout=2, socket_timeout=2
    )
    try:
        return str(client.info("memory").get("maxmemory_policy", ""))
    finally:
        client.close()


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """``check --deploy``: Redis answers, and it keeps lockout and rate-limit counters."""
    aliases = redis_aliases()
    if not aliases:
        return []
    problems = _unreachable()
    if problems:
        return [
            checks.Error(
                "Redis does not answer: " + "; ".join(problems),
                hint="Start Redis or fix REDIS_URL / REDIS_SECURITY_URL.",
                id="cms.E010",
            )
        ]
    if SECURITY_ALIAS not in aliases:
        return []
    policy = eviction_policy(SECURITY_ALIAS)
    if policy and policy not in SAFE_EVICTION_POLICIES:
        return [
            checks.Warning(
                f"The Redis server holding login lockouts and rate limits evicts keys "
                f"(maxmemory-policy {policy}): page traffic can push the counters out.",
                hint="Use maxmemory-policy noeviction there, or point REDIS_SECURITY_URL at a "
                "separate Redis server that does not evict (docs/deployment.md).",
                id="cms.W011",
            )
        ]
    return []
