"""Reports with their PDF documents, the extracted text of those PDFs, and the use-case catalogue.

Report files stay ordinary Wagtail documents (``wagtaildocs.Document``); the text pypdf extracts
from them lives beside them in :class:`DocumentText`, so documents uploaded anywhere on the site
become searchable without a custom document model.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.localize import localized_pages
from cms.pages import PublicPageMixin
from cms.prefetch import prefetch_joined

from .filters import ReportFilters
from .panels import DocumentTextPanel

LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


class DocumentText(models.Model):
    """The text pypdf found in a document, or why it found none (never blocks publishing).

    Also the queue of the background extraction: "pending" rows are claimed by the worker's
    ``pdf`` job (``claimed_by``/``claimed_until``, see ``reports.text``).
    """

    class Status(models.TextChoices):
        OK = "ok", _("Text extracted")
        ENCRYPTED = "encrypted", _("Encrypted: the PDF is password-protected")
        NO_TEXT = "no_text", _("No text: the PDF seems to be scanned images only")
        MALFORMED = "malformed", _("Malformed: the file could not be read as a PDF")
        UNSUPPORTED = "unsupported", _("Not a PDF: no text extracted")
        PENDING = "pending", _("Extracting text… (reload the page in a moment)")
        LIMIT = "limit", _("Stopped: reading the PDF took too long or too much memory")

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="extracted_text",
        verbose_name=_("document"),
    )
    text = models.TextField(_("extracted text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    error = models.TextField(_("error message"), blank=True)
    file_hash = models.CharField(_("file hash"), max_length=64, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)
    claimed_by = models.CharField(_("claimed by"), max_length=100, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.status}"

    @property
    def ok(self) -> bool:
        return self.status == self.Status.OK


class ReportIndexPage(PublicPageMixin, Page):
    """Lists the reports of one language with plain-GET filters and facet counts."""

    page_description = _("The list of reports and publications.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["reports.ReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("report index page")
        verbose_name_plural = _("report index pages")

    def reports(self):
        return (
            ReportPage.objects.live()
            .child_of(self)
            .select_related("locale")
            .prefetch_related(
                prefetch_joined(ReportPage, "publishers", "organisation"),
                prefetch_joined(ReportPage, "report_themes", "theme"),
                prefetch_joined(ReportPage, "files", "document"),
            )
            .order_by("-publication_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        from cms.pagination import paginate

        context = super().get_context(request, *args, **kwargs)
        filters = ReportFilters(request.GET, list(self.reports()))
        context["filters"] = filters
        context["reports"] = paginate(request, filters.results, 12)
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
        from .text import document_text

        return "\n\n".join(document_text(f.document) for f in self.files.all())

    def search_extra_text(self) -> str:
        """Site search finds reports by the text of their PDFs too."""
        return self.files_text()

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = list(
            self.files.select_related("document", "document__extracted_text").order_by("sort_order")
        )
        context["files"] = files
        context["readable_texts"] = [
            f
            for f in files
            if getattr(f.document, "extracted_text", None) is not None
            and f.document.extracted_text.ok
        ]
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


class UseCaseCategory(TranslatableMixin, models.Model):
    """One of the six categories of the DigiFinland use-case report."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("use-case category")
        verbose_name_plural = _("use-case categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_usecase_category_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UseCase(TranslatableMixin, index.Indexed, ClusterableModel):
    """An AI use case in social and health care, as catalogued in the DigiFinland report."""

    class Maturity(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Piloted")
        IN_USE = "in_use", _("In use")
        ESTABLISHED = "established", _("Established")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    category = models.ForeignKey(
        UseCaseCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="use_cases",
    )
    description = models.TextField(_("description"))
    benefits = models.TextField(_("benefits"), blank=True)
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.IDEA
    )
    data_needed = models.TextField(_("data needed"), blank=True)
    legal_considerations = models.TextField(_("legal considerations"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("benefits"),
        FieldPanel("maturity"),
        FieldPanel("data_needed"),
        FieldPanel("legal_considerations"),
        InlinePanel("pilots", label=_("Pilots that implement it")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("category"),
        TranslatableField("description"),
        TranslatableField("benefits"),
        SynchronizedField("maturity"),
        TranslatableField("data_needed"),
        TranslatableField("legal_considerations"),
        SynchronizedField("pilots"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("use case")
        verbose_name_plural = _("use cases")
        ordering = ["category__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_usecase_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UseCasePilot(Orderable):
    use_case = ParentalKey(UseCase, on_delete=models.CASCADE, related_name="pilots")
    pilot = models.ForeignKey(
        "pilots.PilotPage", verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("pilot")]


class UseCaseCatalogPage(PublicPageMixin, Page):
    """The browsable use-case catalogue, filterable by category with a plain GET form."""

    page_description = _("The catalogue of AI use cases.")

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("use-case catalogue page")
        verbose_name_plural = _("use-case catalogue pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = list(UseCaseCategory.objects.filter(locale=self.locale))
        use_cases = list(UseCase.objects.filter(locale=self.locale).select_related("category"))
        counts = Counter(u.category.slug for u in use_cases)
        selected = request.GET.get("category", "").strip()
        valid = {c.slug for c in categories}
        notice = None
        if selected and selected not in valid:
            notice = _("Unknown category: showing all use cases.")
            selected = ""
        if selected:
            use_cases = [u for u in use_cases if u.category.slug == selected]
        # Pilot rows may sit on any language version of a use case (see reports.use_cases).
        rows = UseCasePilot.objects.filter(
            use_case__translation_key__in=[u.translation_key for u in use_cases]
        ).select_related("pilot", "use_case")
        pilots_by_case: dict = {}
        for row in rows:
            pilots_by_case.setdefault(row.use_case.translation_key, {})[
                row.pilot.translation_key
            ] = row.pilot
        all_pilots = [p for group in pilots_by_case.values() for p in group.values()]
        localized = {p.translation_key: p for p in localized_pages(all_pilots, self.locale)}
        for u in use_cases:
            u.localized_pilots = [
                localized[key]
                for key in pilots_by_case.get(u.translation_key, {})
                if key in localized
            ]
        context.update(
            categories=[(c, counts.get(c.slug, 0)) for c in categories],
            selected_category=selected,
            use_cases=use_cases,
            filter_notice=notice,
        )
        return context
