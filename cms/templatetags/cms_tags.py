"""Template tags for the shared layout: language switcher, hreflang, menu and breadcrumbs."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language, gettext
from wagtail.models import Locale, Page

from cms.cache import MENU_PREFIX, cached_under_generation
from cms.i18n import language_versions, locale_home
from cms.navigation import (
    CallToAction,
    MenuEntry,
    MenuLink,
    Navigation,
    build_navigation,
)
from cms.routing import active_locale, public_pages, site_for_request

MENU_CACHE_TIMEOUT = 3600


def _cached(request, name: str, build, *extra: str):
    """``build()`` cached per site and language until the next publish (see cms.cache)."""
    site = site_for_request(request)
    parts = (name, str(site.pk if site else 0), get_language() or "fi", *extra)
    return cached_under_generation(MENU_PREFIX, parts, build, MENU_CACHE_TIMEOUT)


register = template.Library()


def _current_page(context) -> Page | None:
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def get_language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    page = _current_page(context)
    # The switcher and the hreflang links both ask: work it out once per request.
    memo = request.__dict__.setdefault("_cms_language_versions", {})
    key = page.pk if page is not None else None
    if key not in memo:
        if page is not None and page.pk:
            # A page's translations change only when pages are published, moved or deleted.
            memo[key] = _cached(
                request, "languages", lambda: language_versions(request, page), str(page.pk)
            )
        else:
            memo[key] = language_versions(request, page)
    return memo[key]


@register.simple_tag(takes_context=True)
def get_home_page(context) -> Page | None:
    request = context.get("request")
    if request is None:
        return None
    return locale_home(site_for_request(request), get_language() or "fi")


def _navigation(context) -> Navigation | None:
    request = context.get("request")
    home = get_home_page(context)
    if home is None or request is None:
        return None
    memo = request.__dict__.setdefault("_cms_navigation", {})
    if home.pk not in memo:
        memo[home.pk] = _cached(request, "navigation", lambda: build_navigation(home, request))
    return memo[home.pk]


@register.simple_tag(takes_context=True)
def get_main_menu(context) -> list[MenuEntry]:
    """The main menu in the visitor's language, grouped as ``cms.navigation.MAIN_MENU`` says."""
    navigation = _navigation(context)
    return navigation.menu if navigation else []


@register.simple_tag(takes_context=True)
def get_calls_to_action(context) -> list[CallToAction]:
    """ "Join as a member" and "Subscribe to the newsletter" in the visitor's language."""
    navigation = _navigation(context)
    return navigation.calls_to_action if navigation else []


@register.simple_tag
def get_subpages(page: Page) -> list[Page]:
    """A page's live, public children in tree order: a section page links to each of them, so
    no page below it depends on the menu or search to be found."""
    if not isinstance(page, Page) or not page.pk or not page.numchild:
        return []  # a leaf page (most pages) costs no query
    return list(public_pages(page.get_children().live()).specific())


# Image fields a page type may have, in order of preference, for its og:image (the field
# ``<name>_alt`` holds its alternative text where the page type has one).
OG_IMAGE_FIELDS = ("og_image", "lead_image", "image", "hero_image")
OG_DEFAULT = "img/og-default.png"


@register.simple_tag(takes_context=True)
def get_og_image(context) -> dict[str, str | int]:
    """The page's share image (1200 x 630) or the project's default one, as absolute URLs."""
    from django.templatetags.static import static

    request = context.get("request")
    page = _current_page(context)
    absolute = request.build_absolute_uri if request is not None else (lambda url: url)
    for name in OG_IMAGE_FIELDS:
        image = getattr(page, name, None) if page is not None else None
        if image is None or not hasattr(image, "get_rendition"):
            continue
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        return {
            "url": absolute(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, f"{name}_alt", "") or page.title,
            "type": "image/jpeg",
        }
    return {
        "url": absolute(static(OG_DEFAULT)),
        "width": 1200,
        "height": 630,
        "alt": gettext("The SOTE AI Ecosystem symbol: a care cross in a network"),
        "type": "image/png",
    }


@register.simple_tag(takes_context=True)
def menu_state(context, entry: MenuEntry | MenuLink) -> str:
    """``aria-current`` for a menu entry: "page" on the entry's own page, "true" below it
    (nothing on views that are not pages, such as search and the 404 page)."""
    page = _current_page(context)
    if page is None or not page.path:
        return ""
    if entry.path and page.path == entry.path:
        return "page"
    paths = getattr(entry, "paths", None) or [entry.path]
    if any(page.path.startswith(path) for path in paths if path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context, current_title: str = "") -> list[Page]:
    """The pages to link above the current one, front page first; empty on the front page.

    ``current_title`` names a view below the page that is not a page of its own (a routable
    listing such as the pilot updates, or the search view with no page at all): the page itself
    then becomes the last link and the template shows ``current_title`` as the current crumb.
    """
    page = _current_page(context)
    if page is None:
        home = get_home_page(context) if current_title else None
        return [home] if home is not None else []
    if page.depth <= 2 and not current_title:
        return []
    request = context.get("request")

    def build() -> list[Page]:
        return list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))

    if request is None or not page.pk:
        crumbs = build()
    else:
        # Ancestors change only when pages are published, moved or deleted: cached like the menu.
        crumbs = _cached(request, "breadcrumbs", build, str(page.pk))
    return [*crumbs, page] if current_title else crumbs


@register.simple_tag
def current_locale() -> Locale:
    return Locale.get_active()


@register.simple_tag
def search_page_url() -> str:
    """The site search page in the active language (/fi/haku/, /sv/sok/, /en/search/)."""
    from django.urls import NoReverseMatch, reverse

    language = get_language() or "fi"
    try:
        return reverse(f"search:search_{language}")
    except NoReverseMatch:
        return reverse("search:search_fi")


@register.simple_tag(takes_context=True)
def get_footer_links(context) -> dict[str, str]:
    """The footer's settings-chosen pages in the visitor's language, cached like the menu (saving
    the settings or publishing a page clears it), so the footer costs no queries on repeat."""
    request = context.get("request")
    if request is None:
        return {}

    def build() -> dict[str, str]:
        from cms.models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        names = ("accessibility_page", "privacy_page")
        ids = {name: getattr(site_settings, f"{name}_id") for name in names}
        # Both pages in one query and their live translations in another (``.localized`` would
        # take two queries per page).
        targets = Page.objects.in_bulk([pk for pk in ids.values() if pk])
        locale = active_locale()
        keys = {t.translation_key for t in targets.values() if locale and t.locale_id != locale.pk}
        translated = {}
        if keys:
            translated = {
                p.translation_key: p
                for p in Page.objects.live().filter(translation_key__in=keys, locale=locale)
            }
        links = {}
        for name, pk in ids.items():
            target = targets.get(pk) if pk else None
            if target is not None:
                target = translated.get(target.translation_key, target)
            links[name] = (target.get_url(request) or "") if target else ""
        return links

    return _cached(request, "footer", build)
