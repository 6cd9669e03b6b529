"""URL map: plumbing at the root, everything a visitor reads under /fi/, /sv/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import api_router
from cms.lockout import LockoutAdminLoginForm
from cms.sitemap import sitemap_index, sitemap_part

# Django's admin (for the few models Wagtail does not manage) gets the same login lockout.
admin.site.login_form = LockoutAdminLoginForm

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    # Parts at the root: a sitemap may only list URLs below its own directory (sitemaps.org).
    re_path(
        r"^sitemap-(?P<language>[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)-(?P<page_type>\w+\.\w+)"
        r"-(?P<number>[1-9][0-9]{0,5})\.xml$",
        sitemap_part,
        name="sitemap_part",
    ),
    # Wagtail's workflow reports with translated filter choices (same paths, listed first).
    path("admin/", include("editorial.urls_reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/evaluation/", include("coordination.urls_api")),
    path("", include("search.urls_api")),
    path("", include("airegister.urls_api")),
]

urlpatterns += i18n_patterns(
    path("", include("members.urls")),
    path("", include("events.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)


def development_media_patterns() -> list:
    """In development (DEBUG), serve image renditions only, as the production proxy does.

    Documents are never served from ``/media/documents/``: only Wagtail's document view at
    ``/documents/<id>/<name>`` serves them, after checking the collection's privacy. Original
    image uploads (``/media/original_images/``) are not served either; pages use renditions.
    """
    from django.conf.urls.static import static

    return static(f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images")


urlpatterns = development_media_patterns() + urlpatterns

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
