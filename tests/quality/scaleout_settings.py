"""Production settings for the two-instance test (tests/quality/test_scaleout.py).

Everything is ``cms.settings.production`` (DEBUG off, production middleware, caches from
``REDIS_URL``) except static files, which are served from the app folders so that the test does
not need ``collectstatic`` first.
"""

from cms.settings.production import *  # noqa: F403

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
