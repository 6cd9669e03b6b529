"""Template context every page needs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_context(request: HttpRequest) -> dict:
    return {"LANGUAGE_NAMES": dict(settings.LANGUAGES)}
