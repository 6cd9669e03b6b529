"""A frontend-cache (CDN) backend for tests: it records every purge instead of calling a CDN."""

from __future__ import annotations

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class CountingBackend(BaseBackend):
    """Counts purge calls (a batch is one call, as it is one request to a real CDN)."""

    calls: list[list[str]] = []

    def purge(self, url: str) -> None:
        CountingBackend.calls.append([url])

    def purge_batch(self, urls) -> None:
        CountingBackend.calls.append(list(urls))
