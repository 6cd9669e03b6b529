"""Abuse protection shared by every public form: a honeypot field and a per-IP rate limit.

Forms inherit ``HoneypotFormMixin``; views call ``rate_limited(request, scope)`` before handling a
POST and answer with ``too_many_requests(request)`` (HTTP 429 with a friendly page) when it says so.
The limit comes from ``FORM_RATE_LIMIT`` ("10/m" = ten posts a minute per IP and scope).
"""

from __future__ import annotations

import hashlib
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
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


def client_ip(request: HttpRequest) -> str:
    """The visitor's address; behind a proxy set ``TRUSTED_PROXY_COUNT`` to read X-Forwarded-For."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request: HttpRequest, scope: str, rate: str | None = None) -> bool:
    """Count this request against ``scope`` for the client's IP; True when over the limit."""
    limit, window = parse_rate(rate or settings.FORM_RATE_LIMIT)
    bucket = int(time.time() // window)
    ip_hash = hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]
    key = f"ratelimit:{scope}:{ip_hash}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > limit


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
