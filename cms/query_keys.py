"""Which query parameters a cached page depends on, so unread ones never make new cache entries.

A URL with ``?utm_source=x`` or ``?r=123`` shows the same page as the bare URL. If the page
cache keyed on the whole query string, 400 requests with random query strings would store 400
copies of one page and push everything useful out of a bounded cache. So the page cache keys a
page on the parameters it reads:

- tracking parameters (``utm_*``, ``fbclid``, ``gclid``…) are removed before the view runs;
- while a page renders, ``request.GET`` records which parameter names the view asks for by name
  (``get``, ``getlist``, ``[]``, ``in``: what forms and filters do); reading the whole query
  (iterating it to rebuild links) records nothing;
- a view that builds its own links from every parameter declares its names instead with
  ``declare_query_params`` (the search page, listings with a filter form);
- a response is stored only when every parameter in the URL is one the page reads, under a key
  made of those parameters alone. The page's names are kept per URL path, so the next request
  for ``/fi/pilotit/?region=x&junk=1`` is served from the entry for ``?region=x``.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"})


def is_tracking_param(name: str) -> bool:
    return name.lower().startswith(TRACKING_PREFIXES) or name.lower() in TRACKING_NAMES


class TrackedQueryDict(QueryDict):
    """``request.GET`` that remembers which parameter names the view asked for by name."""

    def __init__(self, *args, **kwargs) -> None:
        self.names_read: set[str] = set()
        self._whole_read = 1  # filling the dict is not the view reading it
        super().__init__(*args, **kwargs)
        self._whole_read = 0

    def _note(self, key) -> None:
        if not self._whole_read and isinstance(key, str):
            self.names_read.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self._note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    def _without_noting(self, method):
        """Run a whole-query read; the per-key lookups it makes inside are not the view's."""
        self._whole_read += 1
        try:
            return method()
        finally:
            self._whole_read -= 1

    def items(self):
        return iter(self._without_noting(lambda: list(super(TrackedQueryDict, self).items())))

    def values(self):
        return iter(self._without_noting(lambda: list(super(TrackedQueryDict, self).values())))

    def dict(self):
        return self._without_noting(super().dict)

    def copy(self):
        plain = QueryDict(mutable=True, encoding=self.encoding)
        for key, values in self.lists():
            plain.setlist(key, values)
        return plain

    def __deepcopy__(self, memo):
        return self.copy()


def declare_query_params(request: HttpRequest, names: Iterable[str]) -> None:
    """Say which query parameters the page depends on (for views that read the whole query)."""
    request.page_cache_query_params = frozenset(names)


def start_tracking(request: HttpRequest) -> TrackedQueryDict:
    """Drop tracking parameters and make ``request.GET`` record what the view reads."""
    original = request.GET
    kept = [(k, v) for k, values in original.lists() if not is_tracking_param(k) for v in values]
    tracked = TrackedQueryDict(urlencode(kept), encoding=original.encoding)
    request.GET = tracked
    request.META["QUERY_STRING"] = tracked.urlencode()
    return tracked


def names_the_page_reads(request: HttpRequest, tracked: TrackedQueryDict) -> frozenset[str] | None:
    """The parameters to key this response on, or None when it must not be stored (the URL has
    parameters the page does not read: storing it would make an entry per random string)."""
    declared = getattr(request, "page_cache_query_params", None)
    names = frozenset(declared) if declared is not None else frozenset(tracked.names_read)
    present = {key for key, _values in tracked.lists()}
    return names if present <= names else None


def normalised_query(query: QueryDict, names: Iterable[str]) -> str:
    """The query string reduced to ``names``, in a fixed order (the cache key's query part)."""
    wanted = sorted(set(names))
    return urlencode([(k, v) for k in wanted for v in query.getlist(k) if not is_tracking_param(k)])
