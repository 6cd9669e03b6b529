"""Security headers that differ by kind of response: public pages, the admin, admin previews.

- Public pages get the strict policy of ``CONTENT_SECURITY_POLICY`` and may not be framed.
- The admin (``/admin/``) gets ``ADMIN_CONTENT_SECURITY_POLICY``: what Wagtail's admin needs
  (its inline styles, images from data/blob URLs, embeds in the editor), nothing from elsewhere.
- An admin preview (Wagtail's live preview panel renders the page through the public middleware
  in a fake request marked ``request.is_preview``) may be framed by the same origin only, so
  the preview iframe in the editor shows the page; nothing else is frameable.

Both middleware classes extend their library's documented extension points
(``CSPMiddleware.get_policy_parts`` and ``XFrameOptionsMiddleware.get_xframe_options_value``).
"""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core import checks
from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

ADMIN_PREFIX = "/admin/"


def is_admin_preview(request: HttpRequest) -> bool:
    return bool(getattr(request, "is_preview", False))


def is_admin_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(ADMIN_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the admin's own policy and same-origin framing for previews."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin_request(request) and parts.config is None:
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if is_admin_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class FrameOptionsMiddleware(XFrameOptionsMiddleware):
    """``X-Frame-Options: DENY`` everywhere except admin previews (``SAMEORIGIN``)."""

    def get_xframe_options_value(self, request: HttpRequest, response: HttpResponse) -> str:
        if is_admin_preview(request):
            return "SAMEORIGIN"
        return super().get_xframe_options_value(request, response)


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, microphone, location…)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response


API_PREFIX = "/api/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that an API "not found" stays a JSON 404.

    Django redirects any 404 without a language prefix to ``/fi/…`` when that path would
    resolve, and every path does under Wagtail's catch-all page route: a client of
    ``/api/v2/nothing/`` would be sent to an HTML page. The API is not translated by URL.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)


@checks.register(checks.Tags.security, deploy=True)
def check_frame_options(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Stands in for Django's ``security.W002``, which looks for its own middleware by name.

    The project uses the subclass above (same-origin framing for admin previews only), so
    Django's check is silenced in production settings and this one checks the subclass instead.
    """
    path = f"{FrameOptionsMiddleware.__module__}.{FrameOptionsMiddleware.__qualname__}"
    if path in settings.MIDDLEWARE and settings.X_FRAME_OPTIONS == "DENY":
        return []
    return [
        checks.Warning(
            f"{path} is not in MIDDLEWARE or X_FRAME_OPTIONS is not 'DENY': public pages could "
            "be framed by another site (clickjacking).",
            id="cms.W012",
        )
    ]
