"""The anonymous page cache as middleware (see ``cms.cache`` for how invalidation works).

It sits just below SecurityMiddleware and WhiteNoise, so a cache hit skips sessions, auth,
locale and the view entirely, while the security headers are still added to every response
(the CSP and X-Frame-Options headers are stored with the cached response).

A response is cached only when it is the same for every anonymous visitor:
- the request is a GET without a session cookie or Authorization header (editors have a
  session, so they always get a fresh page);
- the response is a 200, not streamed, sets no cookie (a page with a CSRF token sets the CSRF
  cookie, so form pages are never cached), carries no CSP nonce, and does not ask for
  ``private``/``no-cache``/``no-store``;
- the view did not opt out with ``cms.middleware.no_page_cache`` (or ``request.page_cache = False``);
- every query parameter in the URL is one the page reads (``cms.query_keys``): the key holds
  only those, so random or tracking query strings never make new entries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

from cms.cache import (
    cache_key,
    cache_set,
    get_generation,
    page_cache_enabled,
    request_cache_scope,
    reset_page_expiry,
    seconds_until_page_expires,
)
from cms.query_keys import (
    is_tracking_param,
    names_the_page_reads,
    normalised_query,
    start_tracking,
)

logger = logging.getLogger(__name__)
ALLOWED_VARY = {"cookie", "accept", "accept-language", "accept-encoding"}
MAX_QUERY_LENGTH = 512


def no_page_cache(view: Callable) -> Callable:
    """Decorator for views whose output must never be stored in the page cache."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.page_cache = False
        return view(request, *args, **kwargs)

    return wrapped


def _setting(name: str, default):
    return getattr(settings, name, default)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Every request, cached or not, reads the generation and each shared lookup once.
        with request_cache_scope():
            return self.serve(request)

    def serve(self, request: HttpRequest) -> HttpResponse:
        if not self.request_may_use_cache(request):
            response = self.get_response(request)
            self.mark_personal(request, response)
            return response

        generation = get_generation()
        base = self.base_parts(request)
        params_key = cache_key("pagecache-params", *base, generation=generation)
        known_names, cached = self.lookup(request, base, params_key, generation)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached

        reset_page_expiry()
        tracked = start_tracking(request)
        response = self.get_response(request)
        timeout = _setting("PAGE_CACHE_TIMEOUT", 600)
        expires_in = seconds_until_page_expires()
        if expires_in is not None:
            timeout = min(timeout, int(expires_in))
        names = names_the_page_reads(request, tracked)
        if names is not None and timeout > 0 and self.response_is_cacheable(request, response):
            names = names | frozenset(known_names or ())
            self.add_public_headers(response)
            query = normalised_query(tracked, names)
            # Both writes go out with the request's other cache writes when it ends.
            page_key = cache_key("pagecache", *base, query, generation=generation)
            cache_set(page_key, response, timeout)
            cache_set(params_key, names, max(timeout, _setting("PAGE_CACHE_TIMEOUT", 600)))
            response["X-Page-Cache"] = "miss"  # a hit overwrites it on the stored copy
        else:
            self.mark_personal(request, response)
        return response

    @staticmethod
    def lookup(
        request: HttpRequest, base: tuple[str, ...], params_key: str, generation: str
    ) -> tuple[frozenset[str] | None, HttpResponse | None]:
        """The names the page is known to read and the stored response, in one round trip.

        The stored page's key holds the URL's parameters the page reads. When it reads every
        parameter in this URL (the usual case: none, or a filter form's) that is the key of the
        URL's own parameters, so it is fetched together with the names; otherwise the key of the
        parameters it does read is fetched after them.
        """
        present = {name for name in request.GET if not is_tracking_param(name)}
        guess = cache_key(
            "pagecache", *base, normalised_query(request.GET, present), generation=generation
        )
        found = cache.get_many([params_key, guess])
        known_names = found.get(params_key)
        if known_names is None:
            return None, None
        if present <= known_names:
            return known_names, found.get(guess)
        query = normalised_query(request.GET, known_names)
        return known_names, cache.get(cache_key("pagecache", *base, query, generation=generation))

    @staticmethod
    def request_may_use_cache(request: HttpRequest) -> bool:
        if not page_cache_enabled() or request.method != "GET":
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return False
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
            return False
        path = request.path_info
        prefixes = _setting(
            "PAGE_CACHE_EXCLUDE_PREFIXES",
            ["/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/healthz"],
        )
        return not any(path.startswith(prefix) for prefix in prefixes)

    @staticmethod
    def base_parts(request: HttpRequest) -> tuple[str, ...]:
        """What every key of this URL shares; the query part comes from ``cms.query_keys``."""
        # The language is in the URL for every page; Accept and Accept-Language are part of the
        # key too because the API varies on Accept and unprefixed URLs on the browser language.
        return (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("HTTP_ACCEPT", ""),
            request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
        )

    @staticmethod
    def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
        if getattr(request, "page_cache", True) is False:
            return False
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        if "nonce-" in response.get("Content-Security-Policy", ""):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        return vary <= ALLOWED_VARY

    @staticmethod
    def add_public_headers(response: HttpResponse) -> None:
        patch_cache_control(
            response,
            public=True,
            max_age=_setting("PAGE_CACHE_BROWSER_MAX_AGE", 0),
            s_maxage=_setting("PAGE_CACHE_CDN_MAX_AGE", 60),
        )
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def mark_personal(request: HttpRequest, response: HttpResponse) -> None:
        """Pages rendered for a signed-in user or with a form token must not be shared."""
        if response.has_header("Cache-Control"):
            return
        user = getattr(request, "user", None)
        if response.cookies or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_vary_headers(response, ("Cookie",))


class MalformedAdminPostMiddleware:
    """A malformed admin POST answers 400, not 500.

    Wagtail's edit forms read structural fields (a StreamField's ``body-count``, an inline
    panel's ``TOTAL_FORMS``) straight from the POST: a hand-made or truncated request without
    them raises ``MultiValueDictKeyError`` (or ``ValueError`` for a count that is not a number)
    deep inside the form. That is the client's fault, so it gets a 400; it is still logged.
    """

    MALFORMED = (MultiValueDictKeyError, ValueError)

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.method != "POST" or not request.path_info.startswith("/admin/"):
            return None
        if not isinstance(exception, self.MALFORMED):
            return None
        logger.warning("Malformed admin POST to %s", request.path_info, exc_info=exception)
        return HttpResponseBadRequest(
            _("The form data was incomplete. Reload the page and try again.")
        )
