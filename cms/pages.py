"""``PublicPageMixin``: what every public page type shares, on Wagtail's own extension points."""

from __future__ import annotations

from wagtail.models import PageViewRestriction

from cms.routing import may_have_view_restrictions


class PublicPageMixin:
    """Mixed into every page type, before ``Page``.

    ``get_view_restrictions`` is the public method Wagtail's ``check_view_restrictions`` hook
    calls on every page view. When no page at or above this one has a restriction and none of
    them is an alias (the cached lists in ``cms.routing``, invalidated with the page cache), the
    answer is "none" without the two queries; otherwise Wagtail's own lookup runs.
    """

    def get_view_restrictions(self):
        if not may_have_view_restrictions(self.path):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
