"""Absolute links for e-mails, built from configuration, never from a request's Host header.

Public pages (confirmation, cancellation, event pages) use ``PUBLIC_BASE_URL``; admin pages
(workflow notices, reminders) use ``WAGTAILADMIN_BASE_URL``. ``make run`` sets both to the host
and port it serves on.
"""

from __future__ import annotations

import os

from django.conf import settings


def public_base_url() -> str:
    """Scheme, host and port of the public site, without a trailing slash."""
    base = getattr(settings, "PUBLIC_BASE_URL", "") or os.environ.get("PUBLIC_BASE_URL", "")
    return (base or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def admin_base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path: str) -> str:
    """``path`` (starting with "/") on the public site."""
    return public_base_url() + path


def admin_url(path: str) -> str:
    return admin_base_url() + path


def public_page_url(page) -> str:
    """A Wagtail page's address on the public site (the Site record's host is not used)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return public_url(parts[2])
