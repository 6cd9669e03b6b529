"""Template tags for the shared layout: language switcher, hreflang, menu and breadcrumbs."""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.cache import MENU_PREFIX, cache_key
from cms.i18n import language_versions, locale_home

MENU_CACHE_TIMEOUT = 3600
_MISSING = object()


def _cached(request, name: str, build):
    """``build()`` cached per site and language until the next publish (see cms.cache)."""
    site = Site.find_for_request(request)
    key = cache_key(MENU_PREFIX, name, str(site.pk if site else 0), get_language() or "fi")
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, MENU_CACHE_TIMEOUT)
    return value


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
        memo[key] = language_versions(request, page)
    return memo[key]


@register.simple_tag(takes_context=True)
def get_home_page(context) -> Page | None:
    request = context.get("request")
    if request is None:
        return None
    return _cached(
        request,
        "home",
        lambda: locale_home(Site.find_for_request(request), get_language() or "fi"),
    )


@register.simple_tag(takes_context=True)
def get_menu_pages(context):
    """The front page's children that editors marked "show in menus", in the visitor's language."""
    request = context.get("request")
    home = get_home_page(context)
    if home is None or request is None:
        return []
    return _cached(
        request,
        "menu",
        lambda: list(home.get_children().live().public().in_menu().specific(defer=True)),
    )


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    page = _current_page(context)
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))


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
        links = {}
        for name in ("accessibility_page", "privacy_page"):
            target = getattr(site_settings, name)
            links[name] = (target.localized.get_url(request) or "") if target else ""
        return links

    return _cached(request, "footer", build)
