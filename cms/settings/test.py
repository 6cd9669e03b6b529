"""Tests: fast without hiding behaviour (cheap hasher, in-memory mail, plain static storage,
uploads in a temporary folder)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

# The demo content app (data files, sample files, load_demo_content): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail is queued as everywhere (EMAIL_BACKEND); the queue delivers into django.core.mail.outbox.
# TEST_EMAIL_BACKEND lets worker subprocesses of a test use a recording backend.
MAIL_DELIVERY_BACKEND = env_str(
    "TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# Uploaded files go to a throw-away folder per test process, on disk as in production: Wagtail
# serves documents from their file path, which an in-memory storage only pretends to have.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sotecms-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = env_str("LOG_LEVEL", "WARNING")  # noqa: F405

# Serve static files from the finders in dev and tests (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The anonymous page cache is off in tests so each request renders what it is testing; the page
# cache's own tests (tests/quality/test_page_cache.py and the warm checks) switch it on.
PAGE_CACHE_ENABLED = False
# One invalidation counter file per test process, so parallel test runs never share it.
PAGE_CACHE_GENERATION_FILE = str(
    Path(tempfile.gettempdir()) / f"sotecms-test-page-generation-{os.getpid()}"
)

# With REDIS_URL (`make test-postgres` and `make test-redis` run on two pytest-xdist workers)
# every worker after the first gets Redis databases of its own, four numbers further per worker:
# each test empties the cache (FLUSHDB), which must not empty the other worker's cache in the
# middle of its test.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _xdist_worker.startswith("gw") and _xdist_worker != "gw0":  # noqa: F405
    from .cache_config import next_redis_database, redis_caches

    _worker_url = REDIS_URL  # noqa: F405
    for _step in range(4 * int(_xdist_worker[2:])):
        _worker_url = next_redis_database(_worker_url)
    CACHES = redis_caches(_worker_url)
