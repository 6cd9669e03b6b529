"""Cached lookups that page routing and every page render need, through Wagtail's own hooks.

Pages are served by Wagtail's own ``wagtail_serve`` view. What makes that cheap here are supported
extension points, each caching what it computes under the page-cache generation (``cms.cache``:
any change to a site, page, setting, locale or view restriction invalidates it):

- ``route_below`` is what ``HomePage.route`` (Wagtail's documented ``route()`` override) does: it
  resolves the rest of the URL with one query on ``url_path`` (cached per URL) instead of two
  queries per URL segment, and hands over to a page's own ``route()`` wherever that page routes
  differently (routable pages' sub-routes), so 404s, drafts and aliases stay Wagtail's;
- ``PublicPageMixin.get_view_restrictions`` (``cms.pages``) answers "no restrictions" without
  a query when no page at or above it has one and none of them is an alias; otherwise Wagtail's
  own query runs. Wagtail's ``check_view_restrictions`` hook always runs;
- the request's site, the active locale, the front pages per language and the restricted tree
  paths are small cached lookups that templates and listings read (``site_for_request``,
  ``active_locale``, ``site_roots``, ``public_pages``).
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from cms.cache import cache_get, cache_key, cache_set, cached_under_generation

PREFIX = "routing"
CHAIN_TIMEOUT = 3600
MAX_SEGMENTS = 16  # far deeper than any page here; longer URLs are routed segment by segment


def _restricted_and_alias_paths() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tree paths of the pages with a view restriction and of the alias pages (few of each)."""
    return cached_under_generation(
        PREFIX,
        ("restricted-and-aliases",),
        lambda: (
            tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
            tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        ),
    )


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of every page with a view restriction (few: usually none)."""
    return _restricted_and_alias_paths()[0]


def is_public_path(path: str) -> bool:
    """True when no page at or above tree ``path`` has a view restriction (aliases aside)."""
    return not any(path.startswith(restricted) for restricted in restricted_paths())


def may_have_view_restrictions(path: str) -> bool:
    """False only when no page at or above ``path`` is restricted or an alias (an alias follows
    its source page's restrictions)."""
    restricted, aliases = _restricted_and_alias_paths()
    return any(path.startswith(other) for other in (*restricted, *aliases))


def public_pages(queryset: PageQuerySet) -> PageQuerySet:
    """``queryset.public()`` from the cached restriction list instead of one more query."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def site_for_request(request: HttpRequest) -> Site | None:
    """``Site.find_for_request(request)``, cached per host and port under the generation.

    Wagtail's own lookup (one query, cached on the request only) still runs wherever Wagtail
    needs the site (routing, page URLs); the project's menus, footer, settings and language
    switcher ask here, so a non-page view such as search needs no site query.
    """
    return cached_under_generation(
        PREFIX,
        ("site", request.get_host(), str(request.get_port())),
        lambda: Site.find_for_request(request),
    )


def locales() -> dict[str, Locale]:
    """Every locale by language code (a handful of rows that editors hardly ever change)."""
    return cached_under_generation(
        PREFIX,
        ("locales",),
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
    )


def active_locale() -> Locale | None:
    """``Locale.get_active()`` without a query; None when the language has no locale."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    return locales().get(code)


def site_roots(site: Site) -> dict[int, Page]:
    """The site's front page in each language (live or not), by locale id."""
    return cached_under_generation(
        PREFIX,
        ("roots", str(site.pk)),
        lambda: {page.locale_id: page for page in site.root_page.get_translations(inclusive=True)},
    )


def _load_chain(root: Page, components: list[str]) -> list[Page] | None:
    """The specific pages along ``components`` below ``root``, or None when any is missing."""
    expected = []
    url_path = root.url_path
    for component in components:
        url_path = f"{url_path}{component}/"
        expected.append(url_path)
    rows = list(
        Page.objects.filter(
            url_path__in=expected,
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(components),
        )
        .order_by("depth")
        .specific()
    )
    parent = root
    for url_path, row in zip(expected, rows, strict=False):
        if row.url_path != url_path or row.depth != parent.depth + 1:
            return None
        if not row.path.startswith(parent.path):
            return None
        parent = row
    return rows if len(rows) == len(components) else None


def _routes_by_slug(page: Page, remaining: list[str]) -> bool:
    """True when ``page.route`` would look up its child ``remaining[0]`` like ``Page.route``."""
    page_route = type(page).route
    if page_route is Page.route:
        return True
    if page_route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            page.resolve_subpage("/" + "/".join(remaining) + "/")
        except Http404:
            return True
    return False


def route_below(root: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    """What ``Page.route`` answers for ``components`` below ``root``, with the lookups cached.

    The pages along a URL are looked up in one query and cached under the generation. Each page
    on the way decides as in Wagtail: a page whose ``route()`` is not plain slug lookup (a
    routable page's sub-route) gets the rest of the URL, and the last page's own ``route()``
    answers (live pages only; routable pages resolve their index route).
    """
    if not components:
        _attach_locale(root)
    if not components or len(components) > MAX_SEGMENTS:
        return Page.route(root, request, components)
    key = cache_key(PREFIX, "chain", str(root.pk), "/".join(components))
    chain = cache_get(key)
    if chain is None:
        chain = _load_chain(root, components)
        if chain is None:  # a 404 or unusual tree data: Wagtail's way, and nothing cached
            return Page.route(root, request, components)
        cache_set(key, chain, CHAIN_TIMEOUT)  # only existing URLs: no unbounded keys
    parent = root
    for index, page in enumerate(chain):
        remaining = components[index:]
        if parent is not root and not _routes_by_slug(parent, remaining):
            return parent.route(request, remaining)
        parent = page
    _attach_locale(parent)
    return parent.route(request, [])


def _attach_locale(page: Page) -> None:
    """Set ``page.locale`` from the cached locales: templates and ``get_context`` read it."""
    locale = next((lc for lc in locales().values() if lc.pk == page.locale_id), None)
    if locale is not None:
        page.locale = locale
