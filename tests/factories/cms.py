"""Factories for the cms app's translatable taxonomies (Region, Theme snippets)."""

from __future__ import annotations

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from cms.models import Region, Theme

from .base import locale


class RegionFactory(DjangoModelFactory):
    """A Finnish region (wellbeing services county); ``get_or_create`` by slug and locale."""

    class Meta:
        model = Region
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Alue {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(locale)
    kind = "county"


class ThemeFactory(DjangoModelFactory):
    """A Finnish theme; ``get_or_create`` by slug and locale."""

    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(locale)
