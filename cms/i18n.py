"""Language versions of what the visitor is looking at, for the switcher, hreflang and sitemap."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.routing import is_public_path, locales, site_for_request, site_roots


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    available: (
        bool  # False: no translation exists; ``url`` then leads to that language's front page
    )
    current: bool


def locale_home(site: Site | None, language: str) -> Page | None:
    """The site's front page in ``language``, from the cached front pages (cms.routing)."""
    if site is None:
        return None
    locale = locales().get(language)
    return site_roots(site).get(locale.pk) if locale is not None else None


def language_versions(request: HttpRequest, page: Page | None) -> list[LanguageVersion]:
    """One entry per site language: the same page's translation, or an honest fallback."""
    current = get_language()
    site = site_for_request(request)
    versions = []
    if page is not None and page.pk:
        # Restricted pages are left out like ``.public()`` would, from the cached restriction list.
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
            if is_public_path(p.path)
        }
        for code, name in settings.LANGUAGES:
            translated = translations.get(code)
            if translated is not None:
                url, available = translated.get_url(request), True
            else:
                home = locale_home(site, code)
                url, available = (home.get_url(request) if home else f"/{code}/"), False
            versions.append(
                LanguageVersion(code, name, url or f"/{code}/", available, code == current)
            )
    else:
        path = request.get_full_path()
        for code, name in settings.LANGUAGES:
            versions.append(
                LanguageVersion(code, name, translate_url(path, code), True, code == current)
            )
    return versions
