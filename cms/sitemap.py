"""``sitemap.xml``: a sitemap index of per-language, per-page-type sitemaps with hreflang alternates.

Why an index (sitemaps.org protocol) instead of one ``<urlset>``: a single sitemap lists every
page, so its render cost grows with the whole site (1.5 s of CPU at 8,318 pages, issue 15), and
a crawler asks for it after every publish. Here ``/sitemap.xml`` only names the parts, and each
part lists at most ``URLS_PER_SITEMAP`` pages of one language and one page type, so no single
response costs more than one part's worth of pages whatever the size of the site.

The parts partition the site's live public pages: a page belongs to exactly one (language, page
type) group, and a group is cut into consecutive slices of its pages in tree order (``path`` is
unique), so every page is listed exactly once. Part files sit at the site root
(``/sitemap-fi-home.standardpage-1.xml``): the protocol lets a sitemap list only URLs below its
own directory. The counts behind the index are one grouped query cached under the page-cache
generation (``cms.cache``), so a publish renumbers the parts on the next request; the responses
themselves are anonymous GETs the page cache stores like any page.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.timezone import localtime
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from cms.cache import cached_under_generation
from cms.routing import public_pages, site_for_request, site_roots

URLS_PER_SITEMAP = 200
"""Pages per part. Bounds the cost of one part (each page costs its URL and its language
versions' URLs); the protocol allows 50,000, far more than one render should take."""

CACHE_PREFIX = "sitemap"
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what django.urls.reverse leaves unquoted in a path
CONTENT_TYPE = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class Group:
    """The live public pages of one language and one page type, and how many parts they fill."""

    language_code: str
    page_type: str  # the content type's natural key "app_label.model", e.g. "home.standardpage"
    pages: int

    @property
    def parts(self) -> int:
        return math.ceil(self.pages / URLS_PER_SITEMAP)


def site_pages(site: Site) -> PageQuerySet:
    """Every live page under one of the site's front pages (any language) with no view restriction.

    The same set the single sitemap listed: ``live()`` and Wagtail's ``public()`` rule, from the
    cached restriction list (``cms.routing.public_pages``) instead of one more query.
    """
    in_site = Q()
    for root in site_roots(site).values():
        in_site |= Q(path__startswith=root.path)
    if not in_site:
        return Page.objects.none()
    return public_pages(Page.objects.filter(in_site).live())


def groups(site: Site) -> list[Group]:
    """Page counts per (language, page type): one grouped query, cached under the generation."""

    def build() -> list[Group]:
        rows = (
            site_pages(site)
            .order_by()
            .values("locale__language_code", "content_type__app_label", "content_type__model")
            .annotate(pages=Count("pk"))
        )
        found = [
            Group(
                row["locale__language_code"],
                f"{row['content_type__app_label']}.{row['content_type__model']}",
                row["pages"],
            )
            for row in rows
        ]
        return sorted(found, key=lambda g: (g.language_code, g.page_type))

    return cached_under_generation(CACHE_PREFIX, ("groups", str(site.pk)), build)


def _site_or_404(request: HttpRequest) -> Site:
    site = site_for_request(request)
    if site is None:
        raise Http404("No site for this host")
    return site


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: the list of parts; its size grows with the number of page types and
    languages and by one line per ``URLS_PER_SITEMAP`` pages, never with the pages' own work."""
    site = _site_or_404(request)
    locations = [
        request.build_absolute_uri(
            reverse(
                "sitemap_part",
                kwargs={
                    "language": group.language_code,
                    "page_type": group.page_type,
                    "number": str(number),
                },
            )
        )
        for group in groups(site)
        for number in range(1, group.parts + 1)
    ]
    xml = render_to_string("cms/sitemap_index.xml", {"locations": locations})
    return HttpResponse(xml, content_type=CONTENT_TYPE)


def sitemap_part(request: HttpRequest, language: str, page_type: str, number: str) -> HttpResponse:
    """One part: up to ``URLS_PER_SITEMAP`` pages of one language and page type, in tree order,
    each with the URLs of its live public language versions (hreflang alternates, itself
    included). Two queries (the slice, its language versions) whatever the size of the site;
    rows are read as tuples, not page objects, and written straight to XML, because building
    a few hundred page instances and a template loop per URL was most of a part's cost."""
    site = _site_or_404(request)
    part = int(number)  # the URL pattern allows digits only
    group = next(
        (g for g in groups(site) if g.language_code == language and g.page_type == page_type),
        None,
    )
    if group is None or not 1 <= part <= group.parts:
        raise Http404("No such sitemap")
    app_label, model = page_type.split(".", 1)
    candidates = site_pages(site)
    start = (part - 1) * URLS_PER_SITEMAP
    pages = list(
        candidates.filter(
            locale__language_code=language,
            content_type__app_label=app_label,
            content_type__model=model,
        )
        .order_by("path")
        .values_list("translation_key", "path", "url_path", "last_published_at")[
            start : start + URLS_PER_SITEMAP
        ]
    )
    homes = home_urls(request, site)
    versions: dict = defaultdict(list)
    for key, code, path, url_path in (
        candidates.filter(translation_key__in={row[0] for row in pages})
        .order_by("path")
        .values_list("translation_key", "locale__language_code", "path", "url_path")
    ):
        versions[key].append((code, page_url(homes, path, url_path)))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for key, path, url_path, last_published_at in pages:
        lines.append(f"<url><loc>{escape(page_url(homes, path, url_path))}</loc>")
        if last_published_at is not None:
            lines.append(f"<lastmod>{localtime(last_published_at).isoformat()}</lastmod>")
        lines.extend(
            f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(url)}"/>'
            for code, url in versions[key]
        )
        lines.append("</url>")
    lines.append("</urlset>\n")
    return HttpResponse("\n".join(lines), content_type=CONTENT_TYPE)


def page_url(homes: dict[str, tuple[str, str]], path: str, url_path: str) -> str:
    """The full URL of the page at tree ``path``: its front page's URL (Wagtail's own
    ``get_full_url``, computed once per request by ``home_urls``) and the rest of its ``url_path``.

    That is what Wagtail's ``Page.get_url_parts`` computes for a page under a site root
    (``reverse("wagtail_serve", …)`` of the ``url_path`` below the root, in the page's language,
    percent-encoded as ``reverse`` does), without a page instance and a ``reverse`` per URL; the
    tests compare every listed URL with ``page.full_url``.
    """
    for home_path, (home_url_path, home_url) in homes.items():
        if path.startswith(home_path):
            return home_url + quote(url_path[len(home_url_path) :], safe=URL_SAFE)
    raise ValueError(f"page {path} is not under one of the site's front pages")


def home_urls(request: HttpRequest, site: Site) -> dict[str, tuple[str, str]]:
    """Per front page of the site (tree path): its ``url_path`` and its full URL."""
    return {
        root.path: (root.url_path, root.get_full_url(request)) for root in site_roots(site).values()
    }
