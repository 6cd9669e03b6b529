"""Factories for the home app: standard pages, news and blog, newsletter issues."""

from __future__ import annotations

import datetime as dt

import factory

from home.models import AccessibilityStatementPage, HomePage, StandardPage
from home.news import BlogIndexPage, BlogPage, NewsIndexPage, NewsPage
from home.newsletter import NewsletterIndexPage, NewsletterIssuePage

from .base import PageFactory, child_or_new


class HomePageFactory(PageFactory):
    """A front page; the site's own comes from the migrations (``tests.factories.tree``)."""

    class Meta:
        model = HomePage

    hero_title = factory.LazyAttribute(lambda o: o.title)


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = factory.LazyAttribute(lambda o: f"Johdanto: {o.title}")


class AccessibilityStatementPageFactory(PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Saavutettavuusseloste"
    compliance_status = AccessibilityStatementPage.ComplianceStatus.PARTIAL
    prepared_on = dt.date(2025, 9, 15)
    reviewed_on = dt.date(2026, 11, 30)
    non_conformities = factory.LazyFunction(
        lambda: [
            (
                "issue",
                {
                    "title": "Vanhat PDF-raportit",
                    "description": "Ei otsikkorakennetta.",
                    "criteria": "1.3.1",
                    "workaround": "Pyydä saavutettava versio.",
                },
            )
        ]
    )


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Uutiset"


class BlogIndexPageFactory(PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Blogi"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    parent = factory.LazyAttribute(
        lambda o: child_or_new(NewsIndexPage, o.language, NewsIndexPageFactory)
    )
    intro = factory.LazyAttribute(lambda o: f"Ingressi: {o.title}")
    date = dt.date(2026, 3, 2)


class BlogPageFactory(PageFactory):
    class Meta:
        model = BlogPage

    parent = factory.LazyAttribute(
        lambda o: child_or_new(BlogIndexPage, o.language, BlogIndexPageFactory)
    )
    intro = factory.LazyAttribute(lambda o: f"Ingressi: {o.title}")
    date = dt.date(2026, 3, 2)


class NewsletterIndexPageFactory(PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "Uutiskirjeet"


class NewsletterIssuePageFactory(PageFactory):
    class Meta:
        model = NewsletterIssuePage

    parent = factory.LazyAttribute(
        lambda o: child_or_new(NewsletterIndexPage, o.language, NewsletterIndexPageFactory)
    )
    issue_date = dt.date(2026, 3, 2)
