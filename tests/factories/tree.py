"""A small locale-aware site tree, as the data migrations and a translator make it.

The migrations create the fi/sv/en locales, the Finnish front page (``/fi/``) and the default
site. ``build_locale_tree`` adds the Swedish and English translations of that front page
(``/sv/``, ``/en/``), published, so language switching and hreflang have somewhere to go.
Idempotent: a second call returns the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale

from home.models import HomePage

from .base import home_page, translate

HOME_TITLES = {
    "sv": ("Startsida", "Ekosystemet för AI inom social- och hälsovården"),
    "en": ("Home", "Social and Health Care AI Ecosystem"),
}


@dataclass
class LocaleTree:
    """The three front pages and their locales."""

    fi: HomePage
    sv: HomePage
    en: HomePage

    @property
    def locales(self) -> dict[str, Locale]:
        return {page.locale.language_code: page.locale for page in (self.fi, self.sv, self.en)}

    def home(self, language: str) -> HomePage:
        return getattr(self, language)


def build_locale_tree() -> LocaleTree:
    """The Finnish front page with its published sv and en translations."""
    finnish = home_page("fi")
    homes = {"fi": finnish}
    for language, (title, hero_title) in HOME_TITLES.items():
        existing = HomePage.objects.filter(locale__language_code=language, depth=2).first()
        homes[language] = existing or translate(
            finnish, language, title=title, hero_title=hero_title
        )
    return LocaleTree(**homes)
