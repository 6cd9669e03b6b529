"""Page routing and the per-request site lookup in a small, constant number of SQL queries.

Stock Wagtail looks the Site up with a query on every request, resolves ``/fi/a/b/`` one URL
segment at a time (a child query and a ``.specific`` query per segment, plus the locale and the
localized front page), and checks view restrictions with two more queries. Here, with the same
results:

- the sites are cached under the page-cache generation (``cms.cache``: any change to a site,
  page, setting or view restriction invalidates them) and matched in Python exactly like
  ``wagtail.models.sites.get_site_for_hostname``;
- a URL is resolved with one query on ``url_path`` that returns the page and all its ancestors
  below the front page (cached per URL under the generation) and one query for the specific
  page, which is always read fresh;
- the tree paths of restricted pages are cached, so a page below none of them skips Wagtail's
  ``check_view_restrictions`` hook (which would find nothing); a page under a restriction, or
  with an alias among it and its ancestors, goes through Wagtail's own check.

Whenever anything is unusual — an ancestor with its own ``route()``, a routable ancestor whose
sub-routes match the rest of the URL, tree data that does not line up — the request falls back
to Wagtail's own routing, so the behaviour (404s, drafts, aliases, private pages) stays Wagtail's.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation
from redis.exceptions import RedisError
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult
from wagtail.wagtail_hooks import check_view_restrictions

from cms.cache import cache_key, cached_under_generation

PREFIX = "routing"
CHAIN_TIMEOUT = 3600
MAX_SEGMENTS = 16  # far deeper than any page here; longer URLs are looked up Wagtail's way

# Matches in the order of wagtail.models.sites.get_site_for_hostname.
_HOSTNAME_PORT, _HOSTNAME_DEFAULT, _DEFAULT, _HOSTNAME = 0, 1, 2, 3


def cached_sites() -> list[Site]:
    """All sites with their root pages, in the SiteManager's order (by lower-case hostname)."""
    return cached_under_generation(
        PREFIX, ("sites",), lambda: list(Site.objects.select_related("root_page"))
    )


def match_site(sites: list[Site], hostname: str, port: int | None) -> Site | None:
    """``get_site_for_hostname`` over an in-memory list: the same site, or None."""
    ranked = []
    for site in sites:
        if site.hostname == hostname and site.port == port:
            rank = _HOSTNAME_PORT
        elif site.hostname == hostname and site.is_default_site:
            rank = _HOSTNAME_DEFAULT
        elif site.is_default_site:
            rank = _DEFAULT
        elif site.hostname == hostname:
            rank = _HOSTNAME
        else:
            continue
        ranked.append((rank, site))
    ranked.sort(key=lambda pair: pair[0])  # stable: ties keep the hostname order
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (_HOSTNAME_PORT, _HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == _DEFAULT:
        return ranked[len(ranked) == 2][1]
    return None


def site_for_request(request: HttpRequest) -> Site | None:
    """What ``Site.find_for_request`` would return, without a query while nothing changed."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    try:
        port_number = int(port) if port else None
    except ValueError:
        port_number = None
    return match_site(cached_sites(), hostname, port_number)


class CachedSiteMiddleware:
    """Answers ``Site.find_for_request`` from the cache for everything later in the request.

    Wagtail keeps the site it found on ``request._wagtail_site``; filling it in here saves the
    site query that every page, setting and URL lookup would otherwise start with.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not hasattr(request, "_wagtail_site"):
            # On a database or Redis error leave it to Wagtail: /healthz must answer 503, not
            # fail here.
            with suppress(DatabaseError, RedisError):
                request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of every page with a view restriction (few: usually none)."""
    return cached_under_generation(
        PREFIX,
        ("restricted",),
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def is_public_path(path: str) -> bool:
    """True when no page at or above tree ``path`` has a view restriction (aliases aside)."""
    return not any(path.startswith(restricted) for restricted in restricted_paths())


def public_pages(queryset: PageQuerySet) -> PageQuerySet:
    """``queryset.public()`` from the cached restriction list instead of one more query."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


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


def locale_root(site: Site) -> Page:
    """``site.root_page.localized``: the live front page in the active language, else the root."""
    locale = active_locale()
    root = site_roots(site).get(locale.pk) if locale is not None else None
    if root is None or not root.live:
        return site.root_page
    return root


@dataclass
class Route:
    """What ``resolve`` found: the routed page and its ancestors from the front page down."""

    ancestors: list[Page]
    page: Page
    unrestricted: bool


def _load_chain(root: Page, components: list[str]) -> list[Page] | None:
    """The front page and the pages along ``components`` that exist, in one query."""
    candidates = [root.url_path]
    for component in components:
        candidates.append(f"{candidates[-1]}{component}/")
    rows = list(
        Page.objects.filter(
            url_path__in=candidates,
            slug__in={root.slug, *components},
            path__startswith=root.path,
        ).order_by("depth")
    )
    chain: list[Page] = []
    for expected_url, row in zip(candidates, rows, strict=False):
        depth = root.depth + len(chain)
        if row.url_path != expected_url or row.depth != depth:
            break
        if chain and not row.path.startswith(chain[-1].path):
            return None
        chain.append(row)
    if not chain or chain[0].pk != root.pk or len(rows) > len(chain):
        return None  # duplicates or gaps: let Wagtail decide
    return chain


def _passes_through(ancestor: Page, remaining: list[str]) -> bool:
    """True when Wagtail's routing would hand ``remaining`` on to the ancestor's child."""
    page_class = ancestor.specific_class
    if page_class is None:
        return False
    if page_class.route is Page.route:
        return True
    if page_class.route is RoutablePageMixin.route:
        if not ancestor.live:
            return True
        try:
            ancestor.specific_deferred.resolve_subpage("/" + "/".join(remaining) + "/")
        except Http404:
            return True
    return False


def resolve(request: HttpRequest, path: str) -> Route | None | bool:
    """Route ``path`` like ``Page.route_for_request``; False means "ask Wagtail"."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = locale_root(site)
    components = [component for component in path.split("/") if component]
    if len(components) > MAX_SEGMENTS:
        return False  # Wagtail's routing stops at the first missing segment: cheaper here
    key = cache_key(PREFIX, "chain", str(site.pk), str(root.pk), "/".join(components))
    chain = cache.get(key)
    if chain is None:
        chain = _load_chain(root, components)
        if chain is None:
            return False
        if len(chain) == len(components) + 1:  # only complete matches: no unbounded keys
            cache.set(key, chain, CHAIN_TIMEOUT)
    for index, ancestor in enumerate(chain[:-1]):
        if not _passes_through(ancestor, components[index:]):
            return False
    try:
        page = chain[-1].specific
    except Page.DoesNotExist:
        return False
    if page.url_path != chain[-1].url_path:
        return False
    locale = next((lc for lc in locales().values() if lc.pk == page.locale_id), None)
    if locale is not None:
        page.locale = locale  # templates and get_context read it: no query for it
    unrestricted = (
        root.depth == 2
        and not any(p.alias_of_id for p in chain)
        and not page.alias_of_id
        and is_public_path(page.path)
    )
    return Route(ancestors=chain[:-1], page=page, unrestricted=unrestricted)


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """``Page.route_for_request`` with the lookups above, stored where Wagtail looks for it."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    found = resolve(request, path)
    if found is False:
        return Page.route_for_request(request, path)
    result = None
    if found is not None:
        components = [component for component in path.split("/") if component]
        try:
            result = found.page.route(request, components[len(found.ancestors) :])
        except Http404:
            result = None
        request._cms_route = found
    request._wagtail_route_for_request = result
    return result


def route_ancestors(request: HttpRequest, page: Page) -> list[Page] | None:
    """The ancestors routing already loaded for ``page`` (front page first), or None."""
    found = getattr(request, "_cms_route", None)
    if found is None or found.page.pk != page.pk:
        return None
    return found.ancestors


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """``wagtail.views.serve`` with the routing above (registered as ``wagtail_serve``)."""
    route_result = route_for_request(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result
    found = getattr(request, "_cms_route", None)
    skip_restriction_check = found is not None and found.unrestricted and found.page is page

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if skip_restriction_check and fn is check_view_restrictions:
            continue  # no restriction on this page or above it: the check would find none
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
