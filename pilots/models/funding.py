"""The funding call page, its published statistics shares and the applications it receives."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyStreamBlock
from cms.pages import PublicPageMixin

from ..choices import (
    ApplicantType,
    Category,
    Maturity,
    Sector,
    StatDimension,
    Technology,
)
from .pages import NOT_NEGATIVE


class FundingCallPage(RoutablePageMixin, PublicPageMixin, Page):
    """A call for pilot proposals: what is sought, an application form, and the results."""

    page_description = _("A funding call with its application form and statistics.")

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    timeline = StreamField(BodyStreamBlock(), verbose_name=_("timeline of the call"), blank=True)
    categories_sought = models.TextField(
        _("use-case categories sought"), blank=True, help_text=_("One category per line.")
    )
    eligibility = RichTextField(_("eligibility"), blank=True)
    requirements = RichTextField(_("requirements for funded projects"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    form_opens_at = models.DateTimeField(_("application form opens"), null=True, blank=True)
    form_closes_at = models.DateTimeField(_("application form closes"), null=True, blank=True)
    funding_available = models.CharField(
        _("funding available"), max_length=100, blank=True, help_text=_("For example 2–3 M€.")
    )
    published_applications = models.PositiveIntegerField(
        _("applications received (published)"), null=True, blank=True
    )
    published_requested_total = models.DecimalField(
        _("funding requested in total (published, €)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    published_granted_total = models.DecimalField(
        _("funding granted (published, €)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    published_median_requested = models.DecimalField(
        _("median requested funding (published, €)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    results_note = models.TextField(
        _("note on the published results"),
        blank=True,
        help_text=_("For example how exact the published shares are."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("timeline"),
        FieldPanel("categories_sought"),
        FieldPanel("eligibility"),
        FieldPanel("requirements"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("form_opens_at"), FieldPanel("form_closes_at")])],
            heading=_("Application form"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_available"),
                FieldPanel("published_applications"),
                FieldPanel("published_requested_total"),
                FieldPanel("published_granted_total"),
                FieldPanel("published_median_requested"),
                InlinePanel("published_shares", label=_("Published share")),
                FieldPanel("results_note"),
            ],
            heading=_("Published results"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("form_opens_at"),
        SynchronizedField("form_closes_at"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("funding call page")
        verbose_name_plural = _("funding call pages")

    def clean(self) -> None:
        super().clean()
        if self.form_opens_at and self.form_closes_at and self.form_closes_at <= self.form_opens_at:
            raise ValidationError({"form_closes_at": _("The form must close after it opens.")})

    def form_state(self, now=None) -> str:
        """``"none"`` (no form), ``"upcoming"``, ``"open"`` or ``"closed"``."""
        if not self.form_opens_at or not self.form_closes_at:
            return "none"
        now = now or timezone.now()
        if now < self.form_opens_at:
            return "upcoming"
        if now >= self.form_closes_at:
            return "closed"
        return "open"

    def categories_list(self) -> list[str]:
        return [line.strip() for line in self.categories_sought.splitlines() if line.strip()]

    def applications(self):
        """Submissions to this call in any language (they attach to the page they came from)."""
        return FundingApplication.objects.filter(call__translation_key=self.translation_key)

    @path("")
    def index_route(self, request):
        from ..funding import funding_call

        return funding_call(request, self)


class PublishedShare(Orderable):
    """One published share of the applications, e.g. "50 % health care"."""

    page = ParentalKey(FundingCallPage, on_delete=models.CASCADE, related_name="published_shares")
    dimension = models.CharField(_("dimension"), max_length=20, choices=StatDimension.choices)
    key = models.CharField(
        _("value"),
        max_length=40,
        help_text=_(
            "Code of the sector (health, social, both), technology (nlp, computer-vision, "
            "deep-learning, generative-ai, combination) or maturity (idea, plan-ready, started)."
        ),
    )
    percent = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=1)

    panels = [FieldRowPanel([FieldPanel("dimension"), FieldPanel("key"), FieldPanel("percent")])]

    class Meta(Orderable.Meta):
        verbose_name = _("published share")

    def clean(self) -> None:
        from ..choices import STAT_DIMENSIONS

        super().clean()
        codes = STAT_DIMENSIONS.get(self.dimension)
        if codes is not None and self.key not in codes.values:
            raise ValidationError(
                {"key": _("Use one of: %(codes)s.") % {"codes": ", ".join(codes.values)}}
            )


class FundingApplication(models.Model):
    """An application sent through a call's form; visible to staff only."""

    call = models.ForeignKey(
        FundingCallPage,
        verbose_name=_("call"),
        null=True,
        on_delete=models.SET_NULL,  # applications outlive a deleted call page
        related_name="submissions",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    organisation_type = models.CharField(
        _("applicant organisation type"), max_length=20, choices=ApplicantType.choices
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    project_name = models.CharField(_("project name"), max_length=250)
    category = models.CharField(_("use-case category"), max_length=40, choices=Category.choices)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    technology = models.CharField(_("technology"), max_length=40, choices=Technology.choices)
    total_budget = models.DecimalField(
        _("total budget (€)"), max_digits=12, decimal_places=2, validators=[NOT_NEGATIVE]
    )
    requested_funding = models.DecimalField(
        _("requested funding (€)"), max_digits=12, decimal_places=2, validators=[NOT_NEGATIVE]
    )
    maturity = models.CharField(_("maturity"), max_length=20, choices=Maturity.choices)
    description = models.TextField(_("description"), max_length=5000)
    partners = models.TextField(_("partners"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.project_name} ({self.organisation_name})"
