"""Factories for the reports app: report index and pages, use-case categories and use cases."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from reports.models import (
    ReportIndexPage,
    ReportPage,
    UseCase,
    UseCaseCatalogPage,
    UseCaseCategory,
)

from .base import PageFactory, child_or_new, locale


class ReportIndexPageFactory(PageFactory):
    class Meta:
        model = ReportIndexPage

    title = "Selvitykset"


class ReportPageFactory(PageFactory):
    """A published study under the locale's report index."""

    class Meta:
        model = ReportPage

    title = factory.Sequence(lambda n: f"Selvitys {n}")
    parent = factory.LazyAttribute(
        lambda o: child_or_new(ReportIndexPage, o.language, ReportIndexPageFactory)
    )
    report_type = "study"
    publication_date = dt.date(2025, 6, 1)
    abstract = factory.LazyAttribute(lambda o: f"Tiivistelmä: {o.title}")


class UseCaseCatalogPageFactory(PageFactory):
    class Meta:
        model = UseCaseCatalogPage

    title = "Käyttötapaukset"


class UseCaseCategoryFactory(DjangoModelFactory):
    class Meta:
        model = UseCaseCategory
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Luokka {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(locale)


class UseCaseFactory(DjangoModelFactory):
    class Meta:
        model = UseCase

    name = factory.Sequence(lambda n: f"Käyttötapaus {n}")
    category = factory.SubFactory(UseCaseCategoryFactory)
    locale = factory.LazyAttribute(lambda o: o.category.locale)
    description = factory.LazyAttribute(lambda o: f"Kuvaus: {o.name}")
