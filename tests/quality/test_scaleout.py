"""Two real gunicorn instances on one PostgreSQL database and one Redis behave as one site.

Instance A and instance B run production settings (DEBUG off; static files from the app folders,
see ``scaleout_settings``) on their own loopback ports, with the test's PostgreSQL database and
the Redis at ``SCALEOUT_REDIS_URL`` (``make test-postgres`` sets it and starts Redis). The test
checks what a visitor and an editor rely on when a load balancer sends their requests to either
instance: a page cached by one is a hit on the other, a publish is visible on the next request
to the other, a sign-in session, a lockout and a rate limit on one hold on the other.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from wagtail.models import Site

from cms.settings.cache_config import redis_caches
from home.models import StandardPage
from members.mail import unsubscribe_url
from members.models import Subscriber
from tests.conftest import ensure_site_tree

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("SCALEOUT_REDIS_URL", "")
SECRET_KEY = secrets.token_urlsafe(60)  # one key for both instances, as in a real deployment
PASSWORD = "skaalaus-salasana-9"
# The proxy sends the site's own host name to every instance; page-cache keys include it.
PUBLIC_HOST = "sotecms.test"
LOCKED = "Too many failed sign-in attempts"

pytestmark = [pytest.mark.scaleout, pytest.mark.postgres]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the test database this process uses (pytest-django's ``test_…`` copy)."""
    conf = connection.settings_dict
    credentials = conf["USER"] + (f":{conf['PASSWORD']}" if conf["PASSWORD"] else "")
    host = conf["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{conf['PORT'] or 5432}/{conf['NAME']}"


def instance_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.quality.scaleout_settings",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; a TLS proxy is in front in production
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": REDIS_URL,
        "REDIS_SECURITY_URL": "",
        "PAGE_CACHE_ENABLED": "true",
        "FORM_RATE_LIMIT": "3/h",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "WARNING",
    }


@contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[str]:
    """One instance (one sync worker) on a free loopback port; yields its base URL."""
    port = free_port()
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"]
            + ["--access-logfile", "/dev/null", "--error-logfile", "-", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_healthy(base: str, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{base} did not become healthy:\n{log.read_text()[-3000:]}")


@dataclass
class Browser:
    """A visitor whose requests the proxy sends to either instance (with the public host name).
    Cookies are kept by hand: production marks them ``Secure`` and httpx would not send those
    over plain HTTP."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        headers = {"Host": PUBLIC_HOST, "Accept-Language": "en", **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = httpx.request(method, url, headers=headers, timeout=30, **kwargs)
        for raw in response.headers.get_list("set-cookie"):
            name, _, value = raw.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return response

    def get(self, url: str) -> httpx.Response:
        return self.request("GET", url)

    def post_form(self, url: str, data: dict[str, str]) -> httpx.Response:
        """GET the form for its CSRF token, then POST it."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url).text)
        assert token, f"no CSRF token in {url}"
        return self.request("POST", url, data={"csrfmiddlewaretoken": token.group(1), **data})


@pytest.fixture
def shared_redis(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("the two-instance test runs on PostgreSQL (make test-postgres)")
    if not REDIS_URL:
        if os.environ.get("CI") == "true":
            pytest.fail("SCALEOUT_REDIS_URL is not set (make test-postgres sets it)")
        pytest.skip("SCALEOUT_REDIS_URL is not set (make test-postgres sets it)")
    test_caches = redis_caches(REDIS_URL)
    with override_settings(CACHES=test_caches):  # this process talks to the same Redis
        for alias in test_caches:
            caches[alias].clear()
        yield


@pytest.fixture
def site(transactional_db, shared_redis):
    """Committed data both instances read: a page, an editor, a subscriber."""
    ensure_site_tree()
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = home.add_child(
        instance=StandardPage(title="Skaalaus alussa", slug="skaalaustesti", live=True)
    )
    page.save_revision().publish()
    user_model = get_user_model()
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):  # production's
        user_model.objects.create_superuser("paakayttaja", "p@example.org", PASSWORD)
        user_model.objects.create_user("lukittava", "l@example.org", PASSWORD, is_staff=True)
    subscriber = Subscriber.objects.create(email="tilaaja@example.org", language="fi")
    with override_settings(SECRET_KEY=SECRET_KEY):
        unsubscribe_path = urlsplit(unsubscribe_url(subscriber)).path
    return {"page": page, "unsubscribe": unsubscribe_path}


@pytest.fixture
def instances(site, tmp_path) -> Iterator[tuple[str, str]]:
    env = instance_env(tmp_path)
    with ExitStack() as stack:
        logs = [tmp_path / "a.log", tmp_path / "b.log"]
        bases = [stack.enter_context(gunicorn(env, log)) for log in logs]
        for base, log in zip(bases, logs, strict=True):
            wait_until_healthy(base, log)
        yield bases[0], bases[1]


def test_two_instances_behave_as_one_site(site, instances):
    a, b = instances
    visitor = Browser()
    page_path = "/fi/skaalaustesti/"

    # Both report the shared services.
    health = visitor.get(f"{b}/healthz").json()
    assert health == {"status": "ok", "database": "ok", "redis": "ok"}

    # A page rendered on A is a page-cache hit on B.
    first = visitor.get(a + page_path)
    assert first.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss"
    second = visitor.get(b + page_path)
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Skaalaus alussa" in second.text

    # A publish (here by the ORM, as a worker would) is visible on the next request to either.
    page = StandardPage.objects.get(pk=site["page"].pk)
    page.title = "Skaalaus julkaistu"
    page.save_revision().publish()
    after_publish = visitor.get(b + page_path)
    assert "Skaalaus julkaistu" in after_publish.text
    assert after_publish.headers["X-Page-Cache"] == "miss"
    assert visitor.get(a + page_path).headers["X-Page-Cache"] == "hit"

    # An editor signs in on A; the session holds on B, and unpublishing there is seen on A.
    editor = Browser()
    signed_in = editor.post_form(
        f"{a}/admin/login/", {"username": "paakayttaja", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert editor.get(f"{b}/admin/").status_code == 200
    unpublished = editor.post_form(f"{b}/admin/pages/{page.pk}/unpublish/", {})
    assert unpublished.status_code == 302
    assert visitor.get(a + page_path).status_code == 404

    # Five wrong passwords on A lock the account on B, even with the right password.
    guesser = Browser()
    for _ in range(5):
        wrong = guesser.post_form(f"{a}/admin/login/", {"username": "lukittava", "password": "x"})
        assert wrong.status_code == 200
        assert LOCKED not in wrong.text
    locked = guesser.post_form(f"{b}/admin/login/", {"username": "lukittava", "password": PASSWORD})
    assert locked.status_code == 200
    assert LOCKED in locked.text

    # The rate limit (3 posts an hour here) counts posts to both instances together.
    poster = Browser()
    for _ in range(3):
        assert poster.request("POST", a + site["unsubscribe"]).status_code == 200
    assert poster.request("POST", b + site["unsubscribe"]).status_code == 429
