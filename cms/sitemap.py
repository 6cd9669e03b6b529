"""``sitemap.xml`` listing every public page with its hreflang alternates."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Page, Site


def sitemap(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    if site is None:
        return HttpResponse(status=404)
    root = site.root_page
    roots = Page.objects.filter(translation_key=root.translation_key)
    pages = Page.objects.none()
    for home in roots:
        pages = pages | Page.objects.descendant_of(home, inclusive=True)
    pages = pages.live().public().select_related("locale").order_by("path")
    groups: dict = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    entries = []
    for versions in groups.values():
        alternates = [
            {"lang": p.locale.language_code, "url": p.get_full_url(request)} for p in versions
        ]
        for page in versions:
            entries.append(
                {
                    "url": page.get_full_url(request),
                    "lastmod": page.last_published_at,
                    "alternates": alternates,
                }
            )
    xml = render_to_string("cms/sitemap.xml", {"entries": entries})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
