"""Report pages: the report index, a report and its inline rows (publishers, themes, files, relations)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.listing import Listing, ListingPageMixin
from cms.localize import localized_pages
from cms.pages import PublicPageMixin
from cms.prefetch import prefetch_joined

from ..filters import report_facets
from ..panels import DocumentTextPanel
from .documents import LANGUAGE_CHOICES


class ReportIndexPage(ListingPageMixin, PublicPageMixin, Page):
    """Lists the reports of one language with plain-GET filters and facet counts."""

    page_description = _("The list of reports and publications.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["reports.ReportPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_result_group = "reports"

    class Meta:
        verbose_name = _("report index page")
        verbose_name_plural = _("report index pages")

    def reports(self):
        return (
            ReportPage.objects.live()
            .child_of(self)
            .select_related("locale")
            # what a card shows: the publishers (themes and files are counted, not shown)
            .prefetch_related(prefetch_joined(ReportPage, "publishers", "organisation"))
            .order_by("-publication_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = Listing(
            request,
            self.reports(),
            facets=report_facets(ReportPage),
            per_page=12,
            cache_key=f"reports:{self.pk}",
        )
        context["listing"] = listing
        context["reports"] = listing.page
        return context


class ReportPage(PublicPageMixin, Page):
    """One published study: metadata for citation, its files, recommendations and body."""

    page_description = _("A report or publication with its PDF files.")

    class ReportType(models.TextChoices):
        STUDY = "study", _("Study")
        LEGAL = "legal", _("Legal interpretation")
        GUIDANCE = "guidance", _("Guidance")
        VISION = "vision", _("Vision")

    report_type = models.CharField(
        _("report type"), max_length=20, choices=ReportType.choices, default=ReportType.STUDY
    )
    publication_date = models.DateField(_("publication date"))
    authors = models.CharField(
        _("authors or responsible organisation"),
        max_length=300,
        blank=True,
        help_text=_(
            "As printed in the report, e.g. 'DigiFinland Oy' or 'Virtanen, A. & Laine, B.'"
        ),
    )
    abstract = models.TextField(_("abstract"))
    key_recommendations = StreamField(
        [("recommendation", blocks.TextBlock(label=_("Recommendation")))],
        verbose_name=_("key recommendations"),
        blank=True,
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Headings in the body form the table of contents."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("report_type"),
                FieldPanel("publication_date"),
                FieldPanel("authors"),
                InlinePanel("publishers", label=_("Publishers"), min_num=1),
                InlinePanel("report_themes", label=_("Themes")),
            ],
            heading=_("Publication details"),
        ),
        FieldPanel("abstract"),
        FieldPanel("key_recommendations"),
        InlinePanel("files", label=_("Report files")),
        DocumentTextPanel(heading=_("PDF text extraction")),
        FieldPanel("body"),
        InlinePanel("related_pilots", label=_("Related pilots")),
        InlinePanel("related_reports", label=_("Related reports")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("authors"),
        index.SearchField("body"),
        index.SearchField("files_text"),
        index.FilterField("report_type"),
        index.FilterField("publication_date"),
    ]
    api_fields = [
        APIField("report_type"),
        APIField("publication_date"),
        APIField("authors"),
        APIField("abstract"),
        APIField("key_recommendations"),
        APIField("publishers"),
        APIField("report_files"),
        APIField("suggested_citation"),
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "abstract"
    search_result_group = "reports"

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("report_type"),
        SynchronizedField("publication_date"),
        SynchronizedField("authors"),
        TranslatableField("abstract"),
        TranslatableField("key_recommendations"),
        TranslatableField("body"),
        SynchronizedField("publishers"),
        TranslatableField("report_themes"),
        SynchronizedField("files"),
        SynchronizedField("related_pilots"),
        SynchronizedField("related_reports"),
    ]

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    @property
    def year(self) -> int:
        return self.publication_date.year

    def publisher_names(self) -> list[str]:
        return [p.name for p in self.publishers.all()]

    @property
    def report_files(self) -> list[dict[str, Any]]:
        """Files for the API: title, URL, size in bytes and the language of the file."""
        return [
            {
                "title": f.document.title,
                "url": f.document.url,
                "size": f.document.get_file_size(),
                "language": f.language,
            }
            for f in self.files.all()
        ]

    @property
    def suggested_citation(self) -> str:
        """Author (year). Title. Publisher. URL — built from the fields so it never drifts."""
        author = self.authors or ", ".join(self.publisher_names())
        publishers = ", ".join(self.publisher_names())
        parts = [f"{author} ({self.publication_date.year}). {self.title}."]
        if publishers and publishers != author:
            parts.append(f"{publishers}.")
        url = self.full_url
        if url:
            parts.append(url)
        return " ".join(parts)

    def files_text(self) -> str:
        """The extracted text of the report's files, for Wagtail's own (admin) search index."""
        from ..text import document_text

        return "\n\n".join(document_text(f.document) for f in self.files.all())

    def search_facets(self) -> dict[str, list[str]]:
        with translation.override(self.locale.language_code):
            return {
                "theme": [t.theme.name for t in self.report_themes.select_related("theme")],
                "report_type": [str(self.get_report_type_display())],
                "year": [str(self.publication_date.year)] if self.publication_date else [],
            }

    def table_of_contents(self) -> list[dict[str, str]]:
        """The body's heading blocks, with the same anchors as blocks/heading.html renders."""
        return [
            {"text": b.value["text"], "anchor": slugify(b.value["text"]), "level": b.value["level"]}
            for b in self.body
            if b.block_type == "heading"
        ]

    def split_readable_texts(self, readable: list) -> tuple[list, list[dict]]:
        """The files whose text this page prints, and those it links to on another language's page.

        One language at a time: a Swedish or English page does not print the whole text of a
        Finnish-only PDF. When the report has a live page in the file's language, the text is
        read there (a link to it is shown instead); otherwise it is printed here, marked with
        its language, so it is never out of reach.
        """
        language = self.locale.language_code
        pages = {
            p.locale.language_code: p
            for p in self.get_translations(inclusive=False).live().select_related("locale")
        }
        here, elsewhere = [], []
        for file in readable:
            if file.language != language and file.language in pages:
                elsewhere.append({"file": file, "page": pages[file.language]})
            else:
                here.append(file)
        return here, elsewhere

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = list(
            self.files.select_related("document", "document__extracted_text").order_by("sort_order")
        )
        context["files"] = files
        readable = [
            f
            for f in files
            if getattr(f.document, "extracted_text", None) is not None
            and f.document.extracted_text.ok
        ]
        context["readable_texts"], context["texts_elsewhere"] = self.split_readable_texts(readable)
        context["publishers"] = list(self.publishers.select_related("organisation"))
        context["themes"] = [t.theme for t in self.report_themes.select_related("theme")]
        pilots = [r.pilot for r in self.related_pilots.select_related("pilot") if r.pilot]
        reports = [r.report for r in self.related_reports.select_related("report") if r.report]
        context["related_pilots"] = localized_pages(pilots, self.locale)
        context["related_reports"] = localized_pages(reports, self.locale)
        context["toc"] = self.table_of_contents()
        return context


class ReportPublisher(Orderable):
    """A publisher: a member organisation when it is one, otherwise a name as free text."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="publishers")
    organisation = models.ForeignKey(
        "members.MemberOrganisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name_text = models.CharField(
        _("or name"),
        max_length=200,
        blank=True,
        help_text=_("Use when the publisher is not a member organisation."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("name_text")]
    api_fields = [APIField("name")]

    @property
    def name(self) -> str:
        if self.organisation_id and self.organisation:
            return self.organisation.name
        return self.name_text

    @property
    def slug(self) -> str:
        return slugify(self.name)

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.organisation_id and not self.name_text.strip():
            raise ValidationError(_("Choose a member organisation or type a name."))


class ReportTheme(TranslatableMixin, Orderable):
    """A theme of the report; translatable so the row follows the theme's translation."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="report_themes")
    theme = models.ForeignKey("cms.Theme", verbose_name=_("theme"), on_delete=models.CASCADE)

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ReportFile(Orderable):
    """One file of the report (usually a PDF) and the language its content is in."""

    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE
    )
    language = models.CharField(
        _("language of the file"), max_length=5, choices=LANGUAGE_CHOICES, default="fi"
    )

    panels = [FieldPanel("document"), FieldPanel("language")]


class ReportRelatedPilot(Orderable):
    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="related_pilots")
    pilot = models.ForeignKey(
        "pilots.PilotPage", verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("pilot")]


class ReportRelatedReport(Orderable):
    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="related_reports")
    report = models.ForeignKey(
        ReportPage, verbose_name=_("report"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("report")]
