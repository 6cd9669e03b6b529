"""News and blog: article pages with topics and a lead image, their index pages and feeds.

Each index page belongs to one language tree, so its RSS 2.0 and Atom feeds list only that
language's articles.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.listing import Listing, ListingPageMixin
from cms.pages import PublicPageMixin
from cms.prefetch import prefetch_joined

FEED_ITEMS = 20


class ArticlePage(PublicPageMixin, Page):
    """Fields shared by news items and blog posts (abstract)."""

    author = models.CharField(_("author"), max_length=200, blank=True)
    date = models.DateField(_("date"), default=datetime.date.today)
    intro = models.TextField(_("introduction"), max_length=600)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("Required with a lead image: describe what it shows."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("date"), InlinePanel("topics", label=_("Topics"))],
            heading=_("Article details"),
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    search_summary_field = "intro"
    search_result_group = "news"
    api_fields = [APIField("author"), APIField("date"), APIField("intro"), APIField("body")]
    subpage_types: list[str] = []

    # The byline is translatable: it is often the network or a group, not a person's name
    # ("SOTE-tekoälyn ekosysteemi"); a person's name is simply left as it is in the translation.
    override_translatable_fields = [
        TranslatableField("author"),
        SynchronizedField("date"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
    ]

    class Meta:
        abstract = True

    def search_facets(self) -> dict[str, list[str]]:
        """Topics and year, for the search page's facets."""
        return {
            "theme": [t.theme.name for t in self.topics.select_related("theme")],
            "year": [str(self.date.year)] if self.date else [],
        }

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Describe the lead image for people who cannot see it.")}
            )

    def topic_list(self):
        return [row.theme for row in self.topics.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = [row.theme for row in self.topics.select_related("theme")]
        return context


class ArticleIndexPage(ListingPageMixin, RoutablePageMixin, PublicPageMixin, Page):
    """An article list with RSS 2.0 and Atom feeds of the same language (abstract)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_result_group = "news"
    article_model: type[ArticlePage]

    class Meta:
        abstract = True

    def articles(self):
        return (
            self.article_model.objects.live()
            .child_of(self)
            .prefetch_related(prefetch_joined(self.article_model, "topics", "theme"))
            .select_related("lead_image")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The key keeps the number of articles under the page-cache generation (no COUNT).
        listing = Listing(request, self.articles(), per_page=10, cache_key=f"articles:{self.pk}")
        context["listing"] = listing
        context["articles"] = listing.page
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self._feed(request, feedgenerator.Rss201rev2Feed)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self._feed(request, feedgenerator.Atom1Feed)

    def feed_urls(self) -> dict[str, str]:
        base = self.url or ""
        return {"rss": base + "feed/rss/", "atom": base + "feed/atom/"}

    def _feed(self, request, feed_class):
        link = self.get_full_url(request)
        language = self.locale.language_code
        feed = feed_class(
            title=self.title,
            link=link,
            description=self.intro or self.title,
            language=language,
            feed_url=request.build_absolute_uri(),
        )
        for article in self.articles()[:FEED_ITEMS]:
            published = timezone.make_aware(
                datetime.datetime.combine(article.date, datetime.time(9, 0))
            )
            url = article.get_full_url(request)
            feed.add_item(
                title=article.title,
                link=url,
                description=article.intro,
                unique_id=url,
                pubdate=published,
                updateddate=article.last_published_at or published,
                author_name=article.author or None,
                categories=[t.name for t in article.topic_list()],
            )
        response = HttpResponse(content_type=f"{feed.content_type}")
        feed.write(response, "utf-8")
        return response


class NewsPage(ArticlePage):
    page_description = _("A news item, listed under News.")
    parent_page_types = ["home.NewsIndexPage"]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class BlogPage(ArticlePage):
    page_description = _("A signed blog post, listed under Blog.")
    parent_page_types = ["home.BlogIndexPage"]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")


class NewsTopic(TranslatableMixin, Orderable):
    """A topic of a news item; translatable so it follows the theme into sv and en."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topics")
    theme = models.ForeignKey("cms.Theme", verbose_name=_("topic"), on_delete=models.CASCADE)

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class BlogTopic(TranslatableMixin, Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="topics")
    theme = models.ForeignKey("cms.Theme", verbose_name=_("topic"), on_delete=models.CASCADE)

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class NewsIndexPage(ArticleIndexPage):
    page_description = _("The news listing (one per language).")
    article_model = NewsPage
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class BlogIndexPage(ArticleIndexPage):
    page_description = _("The blog listing (one per language).")
    article_model = BlogPage
    subpage_types = ["home.BlogPage"]
    guidance_heading = models.CharField(
        _("guidance heading"), max_length=200, default="", blank=True
    )
    guidance = RichTextField(
        _("guidance for writers"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("How to get involved: who may write, length, audience, where to send it."),
    )

    content_panels = ArticleIndexPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("guidance_heading"), FieldPanel("guidance")],
            heading=_("Get involved: write a blog post"),
        )
    ]

    class Meta:
        verbose_name = _("blog index page")
        verbose_name_plural = _("blog index pages")
