"""Redis as the shared cache: layout, start-up refusal, /healthz, the generation counter.

The tests marked ``redis`` run again with ``REDIS_URL`` set (``make test-redis``); the ones that
need a real Redis skip without it. The tests about an unreachable Redis point the caches at a
closed port, so they run everywhere.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from cms import cache as page_cache
from cms.settings.cache_config import next_redis_database, redis_caches
from cms.shared_cache import check_shared_cache, masked_url, redis_aliases, require_shared_cache

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def closed_port() -> int:
    """A loopback port nothing listens on (bound once by us, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down():
    """Every cache alias pointed at a Redis that does not answer."""
    url = f"redis://:hunter2@127.0.0.1:{closed_port()}/3"
    with override_settings(CACHES=redis_caches(url)):
        yield url


@pytest.fixture
def real_redis():
    if "default" not in redis_aliases():
        pytest.skip("REDIS_URL is not set (make test-postgres and make test-redis set it)")


# --- Layout of the caches -------------------------------------------------------------------


def test_security_counters_get_the_next_redis_database_by_default():
    caches_conf = redis_caches("redis://cache.internal:6379/3")
    assert caches_conf["default"]["LOCATION"] == "redis://cache.internal:6379/3"
    assert caches_conf["security"]["LOCATION"] == "redis://cache.internal:6379/4"
    assert next_redis_database("redis://:pw@h:6380") == "redis://:pw@h:6380/1"


def test_a_separate_security_redis_is_used_when_given():
    caches_conf = redis_caches("redis://a:6379/0", "redis://b:6379/0")
    assert caches_conf["security"]["LOCATION"] == "redis://b:6379/0"


@pytest.mark.parametrize(
    "url", ["redis://h:6379/15", "unix:///run/redis.sock", "redis://h:6379?db=2"]
)
def test_an_underivable_security_database_must_be_given(url):
    with pytest.raises(ImproperlyConfigured, match="REDIS_SECURITY_URL"):
        redis_caches(url)
    assert redis_caches(url, "redis://other:6379/0")["security"]["LOCATION"] == (
        "redis://other:6379/0"
    )


def test_passwords_never_appear_in_messages():
    assert masked_url("redis://:s3cret@h:6379/2") == "redis://:***@h:6379/2"
    assert masked_url("redis://user:s3cret@h/2") == "redis://user:***@h/2"
    assert masked_url("redis://h:6379/2") == "redis://h:6379/2"


# --- An unreachable Redis -------------------------------------------------------------------


def test_start_up_is_refused_with_a_clear_message_when_redis_does_not_answer(redis_down):
    with pytest.raises(ImproperlyConfigured) as excinfo:
        require_shared_cache()
    message = str(excinfo.value)
    assert "REDIS_URL is set but Redis does not answer" in message
    assert masked_url(redis_down) in message
    assert "hunter2" not in message


def test_deploy_check_reports_an_unreachable_redis(redis_down):
    assert [message.id for message in check_shared_cache()] == ["cms.E010"]


def test_healthz_answers_503_naming_redis_when_it_is_down(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "redis": "unavailable"}


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_healthz_says_when_redis_is_not_used(client):
    assert client.get("/healthz").json()["redis"] == "not configured"


def test_gunicorn_stops_with_the_message_when_redis_does_not_answer(tmp_path):
    """The real server: its workers fail to boot and the master exits, naming Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{closed_port()}/1",
        "REDIS_SECURITY_URL": "",
    }
    server = subprocess.run(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application"]
        + ["--bind", f"127.0.0.1:{closed_port()}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert server.returncode != 0
    assert "REDIS_URL is set but Redis does not answer" in server.stderr


# --- A real Redis (make test-redis) ---------------------------------------------------------


def test_healthz_reports_redis_ok(client, real_redis):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_concurrent_bumps_are_all_counted(real_redis):
    """Two instances publishing at once must both move the generation (Redis INCR)."""
    start = int(page_cache.get_generation())

    def bump_many():
        for _ in range(25):
            page_cache._bump()

    threads = [threading.Thread(target=bump_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert int(page_cache.get_generation()) == start + 200


def test_a_lost_generation_restarts_above_every_earlier_one(real_redis):
    """After a Redis restart the counter must not come back to a value with cached pages."""
    before = int(page_cache.get_generation())
    cache.delete(page_cache.GENERATION_KEY)
    assert int(page_cache.get_generation()) > before
    cache.delete(page_cache.GENERATION_KEY)
    page_cache._bump()
    assert int(page_cache.get_generation()) > before


def test_clearing_the_page_cache_keeps_lockout_and_rate_limit_counters(real_redis):
    security = caches["security"]
    security.set("loginfail:test", 4, timeout=60)
    cache.clear()  # what an operator or a restore does to drop every cached page
    assert security.get("loginfail:test") == 4
    security.delete("loginfail:test")


def test_deploy_check_warns_when_the_security_redis_may_evict(real_redis):
    with mock.patch("cms.shared_cache.eviction_policy", return_value="allkeys-lru"):
        assert [message.id for message in check_shared_cache()] == ["cms.W011"]
    with mock.patch("cms.shared_cache.eviction_policy", return_value="noeviction"):
        assert check_shared_cache() == []
