"""Abuse protection shared by every public form: a honeypot field and a per-IP rate limit.

Forms inherit ``HoneypotFormMixin``; views call ``rate_limited(request, scope)`` before handling a
POST and answer with ``too_many_requests(request)`` (HTTP 429 with a friendly page) when it says so.
The limit comes from ``FORM_RATE_LIMIT`` ("10/m" = ten posts a minute per IP and scope).

Every counter (these rate limits and the login lockout of ``cms.lockout``) lives in the
``"security"`` cache alias, reached only through ``security_cache()``: the page cache has its own
alias, so no amount of page traffic can evict a counter.
"""

from __future__ import annotations

import hashlib
import time

from django import forms
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

WINDOWS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
HONEYPOT_FIELD = "website_url"


def parse_rate(rate: str) -> tuple[int, int]:
    """``"10/m"`` → (10, 60). Raises ImproperlyConfigured on anything else."""
    try:
        count, window = rate.split("/")
        return int(count), WINDOWS[window.strip().lower()[0]]
    except (ValueError, KeyError, IndexError) as exc:
        raise ImproperlyConfigured(f"Bad rate {rate!r}: use COUNT/s|m|h|d, e.g. 10/m") from exc


SECURITY_CACHE_ALIAS = "security"


def security_cache() -> BaseCache:
    """The cache that holds lockout and rate-limit counters (never the page cache)."""
    return caches[SECURITY_CACHE_ALIAS]


def client_ip(request: HttpRequest) -> str:
    """The visitor's address.

    With ``TRUSTED_PROXY_COUNT = 0`` (no proxy) it is ``REMOTE_ADDR``. Behind N proxies that each
    append to X-Forwarded-For, the N-th entry from the right is the address the outermost trusted
    proxy saw; entries left of it are whatever the client chose to send and are never trusted.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hashed(value: str) -> str:
    """A short digest, so counters never store an address or an e-mail in clear."""
    return hashlib.sha256(value.encode()).hexdigest()[:24]


def increment(key: str, timeout: int) -> int:
    """Add one to the counter ``key`` (created with ``timeout`` seconds) and return its value."""
    cache = security_cache()
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def over_rate(key: str, rate: str) -> bool:
    """Count one event for ``key`` in the current window of ``rate``; True when over the limit."""
    limit, window = parse_rate(rate)
    bucket = int(time.time() // window)
    return increment(f"ratelimit:{key}:{bucket}", window + 5) > limit


def rate_limited(request: HttpRequest, scope: str, rate: str | None = None) -> bool:
    """Count this request against ``scope`` for the client's IP; True when over the limit."""
    return over_rate(f"{scope}:{hashed(client_ip(request))}", rate or settings.FORM_RATE_LIMIT)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "429.html", status=429)


class HoneypotFormMixin(forms.Form):
    """A field people never see (hidden by CSS, skipped by screen readers) but bots fill in."""

    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website_url(self) -> str:
        value = self.cleaned_data.get(HONEYPOT_FIELD, "")
        if value:
            raise forms.ValidationError(_("This form could not be sent. Please try again."))
        return value
