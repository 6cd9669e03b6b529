"""Template tags for the shared layout: language switcher, hreflang, menu and breadcrumbs."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.i18n import language_versions, locale_home

register = template.Library()


def _current_page(context) -> Page | None:
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def get_language_versions(context):
    request = context.get("request")
    if request is None:
        return []
    return language_versions(request, _current_page(context))


@register.simple_tag(takes_context=True)
def get_home_page(context) -> Page | None:
    request = context.get("request")
    if request is None:
        return None
    return locale_home(Site.find_for_request(request), get_language() or "fi")


@register.simple_tag(takes_context=True)
def get_menu_pages(context):
    """The front page's children that editors marked "show in menus", in the visitor's language."""
    home = get_home_page(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().specific(defer=True))


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    page = _current_page(context)
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))


@register.simple_tag
def current_locale() -> Locale:
    return Locale.get_active()
