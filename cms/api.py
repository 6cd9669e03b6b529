"""The public, read-only Wagtail API v2: pages (with ``locale`` filtering), images, documents.

Each endpoint refuses input the search backends and databases cannot take (control characters,
unbalanced quotes, offsets beyond any page) with a JSON 400, instead of failing with a 500.
"""

from __future__ import annotations

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.query_keys import declare_query_params

MAX_OFFSET = 100_000
MAX_SEARCH_LENGTH = 200


def check_search_and_paging(params) -> None:
    """Raise ``BadRequestError`` (a JSON 400) for a search or offset no backend can answer."""
    search = params.get("search")
    if search is not None:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in search):
            raise BadRequestError("search must not contain control characters")
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search must be at most {MAX_SEARCH_LENGTH} characters")
        if search.count('"') % 2:
            raise BadRequestError("search has an unbalanced double quote")
    offset = params.get("offset")
    if offset is not None and offset.strip().isdigit() and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset must be at most {MAX_OFFSET}")


class SafeQueryMixin:
    """Input checks before Wagtail's own, and page-cache keys on the parameters given."""

    def dispatch(self, request, *args, **kwargs):
        # Unknown parameters answer 400 and are never cached, so each one given matters.
        declare_query_params(request, request.GET.keys())
        return super().dispatch(request, *args, **kwargs)

    def check_query_parameters(self, queryset) -> None:
        check_search_and_paging(self.request.GET)
        super().check_query_parameters(queryset)


class PagesEndpoint(SafeQueryMixin, PagesAPIViewSet):
    pass


class ImagesEndpoint(SafeQueryMixin, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(SafeQueryMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
