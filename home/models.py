"""The front page and the standard content page (about, get involved, accessibility, privacy)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.pages import PublicPageMixin
from cms.routing import route_below
from cms.sections import front_page_sections

# News, blog, the newsletter archive and the accessibility statement live in their own modules;
# importing them here registers their models with the home app.
from .accessibility import AccessibilityFeedback, AccessibilityStatementPage
from .news import BlogIndexPage, BlogPage, BlogTopic, NewsIndexPage, NewsPage, NewsTopic
from .newsletter import NewsletterIndexPage, NewsletterIssuePage, NewsletterItem


class HomePage(PublicPageMixin, Page):
    """The front page of one language: a hero, editable figures and live sections from the apps."""

    page_description = _("The front page of one language version of the site.")

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("hero link text"), max_length=80, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    search_summary_field = "hero_text"

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def route(self, request, path_components):
        """Wagtail's routing below the front page, with the pages along the URL looked up in one
        cached query instead of two queries per segment (``cms.routing.route_below``)."""
        return route_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = front_page_sections(self.locale)
        return context


class StandardPage(PublicPageMixin, Page):
    """A general content page built from the shared blocks."""

    page_description = _(
        "A general content page: about us, getting involved, accessibility, privacy."
    )

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    search_summary_field = "intro"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


__all__ = [
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "BlogIndexPage",
    "BlogPage",
    "BlogTopic",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsTopic",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "NewsletterItem",
    "StandardPage",
]
