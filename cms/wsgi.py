"""WSGI entry point (gunicorn ``cms.wsgi``); production settings unless told otherwise.

The application refuses to start when ``REDIS_URL`` is set and Redis does not answer
(``cms.shared_cache``): gunicorn's workers then fail to boot and it stops with that message.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from cms.shared_cache import require_shared_cache  # noqa: E402  (needs the settings loaded)

require_shared_cache()

from search.morphology import warm_up  # noqa: E402

# The analysers load while the worker boots, not during a visitor's first search (pyvoikko's
# transducer takes 1–2 s when the system Voikko library is missing).
warm_up()
