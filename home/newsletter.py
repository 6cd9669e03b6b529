"""The monthly newsletter archive, and the e-mail version of an issue.

An issue is a page (readable on the web, in the archive) and also the source of the e-mail sent
to subscribers: :func:`render_email` gives the subject, a plain-text body and HTML with inline
styles in a table layout (no external or embedded CSS), which is what e-mail clients handle.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.links import public_page_url
from cms.localize import localized_pages
from cms.pages import PublicPageMixin


class NewsletterIndexPage(PublicPageMixin, Page):
    """The archive of newsletter issues, newest first."""

    page_description = _("The newsletter archive: issues are added under it.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.NewsletterIssuePage"]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_result_group = "news"

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = (
            NewsletterIssuePage.objects.live().child_of(self).order_by("-issue_date")
        )
        return context


class NewsletterIssuePage(RoutablePageMixin, PublicPageMixin, Page):
    """One monthly issue with its items in the newsletter's two columns."""

    page_description = _("One newsletter issue, shown on the site and sent to subscribers.")

    issue_date = models.DateField(_("issue date"), help_text=_("The day the issue goes out."))
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("issue_date"),
        FieldPanel("intro"),
        InlinePanel("items", label=_("Items")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    search_summary_field = "intro"
    search_result_group = "news"
    parent_page_types = ["home.NewsletterIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField("issue_date")]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def columns(self) -> list[dict]:
        """Items grouped by column, in the column order of the real newsletter."""
        items = list(self.items.select_related("link_page").order_by("sort_order"))
        linked = localized_pages([i.link_page for i in items if i.link_page], self.locale)
        by_key = {p.translation_key: p for p in linked}
        for item in items:
            item.target = by_key.get(item.link_page.translation_key) if item.link_page else None
        return [
            {"key": key, "title": label, "items": [i for i in items if i.column == key]}
            for key, label in NewsletterItem.Column.choices
        ]

    @path("")
    def issue_view(self, request):
        return self.render(request, context_overrides={"columns": self.columns()})

    @path("email/", name="email")
    def email_html(self, request):
        _require_editor(request)
        return HttpResponse(render_email(self, "#unsubscribe", request=request)[2])

    @path("email/text/", name="email_text")
    def email_text(self, request):
        _require_editor(request)
        text = render_email(self, "#unsubscribe", request=request)[1]
        return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _require_editor(request) -> None:
    user = request.user
    if not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        raise PermissionDenied


class NewsletterItem(TranslatableMixin, Orderable):
    """A headline, a teaser and a link (a page of this site or an address elsewhere)."""

    class Column(models.TextChoices):
        ECOSYSTEM = "ecosystem", _("Ecosystem news")
        FORERUNNERS = "forerunners", _("Forerunners' news")

    issue = ParentalKey(NewsletterIssuePage, on_delete=models.CASCADE, related_name="items")
    column = models.CharField(
        _("column"), max_length=20, choices=Column.choices, default=Column.ECOSYSTEM
    )
    headline = models.CharField(_("headline"), max_length=200)
    teaser = models.TextField(_("teaser"), max_length=600, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("or an external link"), blank=True)

    panels = [
        FieldPanel("column"),
        FieldPanel("headline"),
        FieldPanel("teaser"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
    ]
    translatable_fields = [
        SynchronizedField("column"),
        TranslatableField("headline"),
        TranslatableField("teaser"),
        SynchronizedField("link_page"),
        SynchronizedField("link_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def clean(self):
        if self.link_page_id and self.link_url:
            raise ValidationError(_("Give either a page or an external link, not both."))

    def href(self, request=None) -> str:
        target = getattr(self, "target", None) or self.link_page
        if target is not None:
            return (target.get_full_url(request) if request else public_page_url(target)) or ""
        return self.link_url


def render_email(issue: NewsletterIssuePage, unsubscribe_url: str, request=None):
    """(subject, plain text, HTML) of ``issue`` in the issue's language, ready to send.

    Called by the subscriptions app when it sends the issue; links are absolute so they work in
    a mail client. The HTML has only inline styles and a table layout.
    """
    issue = issue.specific
    with translation.override(issue.locale.language_code):
        columns = issue.columns()
        for column in columns:
            for item in column["items"]:
                item.absolute_url = item.href(request)
        context = {
            "issue": issue,
            "columns": columns,
            "web_url": (issue.get_full_url(request) if request else public_page_url(issue)) or "",
            "unsubscribe_url": unsubscribe_url,
            "site_name": gettext("SOTE AI Ecosystem"),
        }
        subject = f"{context['site_name']}: {issue.title}"
        text = render_to_string("home/newsletter_email.txt", context)
        html = render_to_string("home/newsletter_email.html", context)
    return subject, text, html
