"""AI pilot projects, their liaison updates, impact indicators and the funding call.

A pilot is structured data rather than one rich-text blob: the index filters and charts it, the
API hands it to other services and THL-style evaluation needs indicators with baselines, targets
and measurements. Inline rows that point at translatable snippets (themes, partner members) are
themselves translatable, so wagtail-localize maps them to the translated snippet in sv and en.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyStreamBlock
from cms.pages import PublicPageMixin

from .choices import (
    ApplicantType,
    Category,
    Direction,
    Maturity,
    Sector,
    StatDimension,
    Status,
    Technology,
)
from .serializers import RegionSerializer, ThemesSerializer

MAX_STM_SHARE = Decimal("0.5")
NOT_NEGATIVE = MinValueValidator(Decimal(0))


class PilotIndexPage(RoutablePageMixin, PublicPageMixin, Page):
    """Lists the pilot projects with filters, a map and a theme chart; also updates and feeds."""

    page_description = _("The list of AI pilots with filters (one per language).")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pilots.PilotPage", "pilots.FundingCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot index page")
        verbose_name_plural = _("pilot index pages")

    @path("")
    def index_route(self, request):
        from .views import pilot_index

        return pilot_index(request, self)

    @path("updates/")
    def updates_route(self, request):
        from .views import updates_listing

        return updates_listing(request, self)

    @path("updates/rss/")
    def rss_route(self, request):
        from .feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("updates/atom/")
    def atom_route(self, request):
        from .feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    def updates(self):
        """Live updates of every pilot under this index, in this index's language, newest first."""
        return (
            PilotUpdatePage.objects.live()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )


class PilotPage(RoutablePageMixin, PublicPageMixin, Page):
    """One funded AI pilot project."""

    page_description = _("One AI pilot: goals, results, indicators, liaisons.")

    summary = models.TextField(_("short summary"), max_length=600)
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_organisation = models.ForeignKey(
        "members.MemberOrganisation",
        verbose_name=_("lead organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_organisation_name = models.CharField(
        _("lead organisation (not a member)"),
        max_length=200,
        blank=True,
        help_text=_("Used when the lead organisation is not a member organisation."),
    )
    category = models.CharField(
        _("use-case category"), max_length=40, choices=Category.choices, default=Category.OTHER
    )
    technology = models.CharField(
        _("technology"), max_length=40, choices=Technology.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    total_budget = models.DecimalField(
        _("total budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    stm_funding = models.DecimalField(
        _("STM funding (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("At most half of the total budget."),
    )
    goals = models.TextField(_("goals"), blank=True)
    problem = models.TextField(_("the problem it solves"), blank=True)
    solution = models.TextField(_("the solution"), blank=True)
    target_users = models.TextField(_("target users"), blank=True)
    legislative_needs = models.TextField(_("legislative development needs found"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    contact_organisation = models.CharField(_("contact organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("An organisation-level address, never a personal one."),
    )
    contact_url = models.URLField(_("contact web page"), blank=True)
    liaisons = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaisons"),
        blank=True,
        related_name="liaison_pilots",
        help_text=_("DigiFinland liaisons who follow this pilot and may edit its updates."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("lead_organisation"),
                FieldPanel("lead_organisation_name"),
                InlinePanel("partners", label=_("Partner organisations")),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("theme_links", label=_("Themes"), min_num=0),
                FieldPanel("category"),
                FieldPanel("technology"),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("total_budget"), FieldPanel("stm_funding")]),
            ],
            heading=_("Classification, schedule and funding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("goals"),
                FieldPanel("problem"),
                FieldPanel("solution"),
                FieldPanel("target_users"),
                FieldPanel("legislative_needs"),
                FieldPanel("lessons_learned"),
            ],
            heading=_("Description"),
        ),
        InlinePanel("indicators", heading=_("Indicators"), label=_("Indicator")),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
        # The rows are coordination.Milestone (ParentalKey related_name="milestones").
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_url"),
            ],
            heading=_("Contact"),
        ),
        # Who the liaisons are decides who may edit the pilot: only Communications names them
        # (the model permission is granted in editorial.roles; Wagtail drops the field from the
        # form for everyone else, so a posted value is ignored).
        FieldPanel("liaisons", permission="pilots.change_pilotpage"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("category"),
    ]
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("total_budget"),
        SynchronizedField("stm_funding"),
        SynchronizedField("liaisons"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_url"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("region", serializer=RegionSerializer()),
        APIField("themes", serializer=ThemesSerializer()),
        APIField("status"),
        APIField("category"),
        APIField("technology"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("total_budget"),
        APIField("stm_funding"),
        APIField("lead_organisation_display"),
        APIField("partners"),
        APIField("goals"),
        APIField("problem"),
        APIField("solution"),
        APIField("target_users"),
        APIField("legislative_needs"),
        APIField("lessons_learned"),
        APIField("links"),
        APIField("indicators"),
    ]
    parent_page_types = ["pilots.PilotIndexPage"]
    subpage_types = ["pilots.PilotUpdatePage", "airegister.AIRecordPage"]

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")

    @property
    def themes(self) -> list:
        """The pilot's themes in page order (prefetch ``theme_links__theme`` to avoid queries)."""
        return [link.theme for link in self.theme_links.all() if link.theme_id]

    @property
    def lead_organisation_display(self) -> str:
        if self.lead_organisation_id:
            return str(self.lead_organisation)
        return self.lead_organisation_name

    @property
    def stm_share_percent(self) -> int | None:
        if self.total_budget and self.stm_funding is not None:
            return round(self.stm_funding / self.total_budget * 100)
        return None

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = [_("The end date cannot be before the start date.")]
        if self.stm_funding is not None:
            if self.total_budget is None:
                errors["total_budget"] = [_("Give the total budget when STM funding is given.")]
            elif self.stm_funding > self.total_budget * MAX_STM_SHARE:
                errors["stm_funding"] = [
                    _(
                        "STM funding can be at most 50 %% of the total budget (here at most "
                        "%(limit)s €)."
                    )
                    % {"limit": f"{self.total_budget * MAX_STM_SHARE:.2f}"}
                ]
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .views import pilot_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pilot_context(self))
        return context

    @path("updates/rss/")
    def rss_route(self, request):
        from .feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("updates/atom/")
    def atom_route(self, request):
        from .feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    def updates(self):
        return PilotUpdatePage.objects.live().child_of(self).order_by("-date", "-pk")


class PilotTheme(TranslatableMixin, Orderable):
    """A theme of a pilot; an inline row so that translations point at the translated theme."""

    page = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        "cms.Theme", verbose_name=_("theme"), on_delete=models.CASCADE, related_name="pilot_links"
    )

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("theme")


class PilotPartner(TranslatableMixin, Orderable):
    """A partner organisation: a member when it is one, otherwise just its name."""

    page = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "members.MemberOrganisation",
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name (when not a member)"), max_length=200, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("name")]
    api_fields = [APIField("display_name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner organisation")

    @property
    def display_name(self) -> str:
        return str(self.organisation) if self.organisation_id else self.name

    def clean(self) -> None:
        super().clean()
        if not self.organisation_id and not self.name.strip():
            raise ValidationError({"name": _("Choose a member organisation or give a name.")})


class PilotLink(TranslatableMixin, Orderable):
    """A link about the pilot elsewhere, such as its Innokylä practice page or Wenla listing."""

    page = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("link text"), max_length=200)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]
    api_fields = [APIField("label"), APIField("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("link")


class Indicator(TranslatableMixin, ClusterableModel, Orderable):
    """An impact indicator chosen per THL's evaluation guidance, with its measurements."""

    page = ParentalKey(PilotPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example %, min, €.")
    )
    definition = models.TextField(_("definition"), blank=True)
    direction = models.CharField(
        _("good direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline_value = models.DecimalField(_("baseline value"), max_digits=14, decimal_places=2)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    data_source = models.CharField(_("data source"), max_length=250, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_date")]),
        FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_date")]),
        FieldPanel("data_source"),
        InlinePanel("measurements", label=_("Measurement")),
    ]
    api_fields = [
        APIField("name"),
        APIField("unit"),
        APIField("definition"),
        APIField("direction"),
        APIField("baseline_value"),
        APIField("baseline_date"),
        APIField("target_value"),
        APIField("target_date"),
        APIField("data_source"),
        APIField("measurements"),
    ]
    override_translatable_fields = [SynchronizedField("unit")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.baseline_value is None or self.target_value is None:
            return
        if self.direction == Direction.UP and self.target_value < self.baseline_value:
            raise ValidationError(
                {"target_value": _("When higher is better the target must be above the baseline.")}
            )
        if self.direction == Direction.DOWN and self.target_value > self.baseline_value:
            raise ValidationError(
                {"target_value": _("When lower is better the target must be below the baseline.")}
            )
        if self.target_date and self.baseline_date and self.target_date < self.baseline_date:
            raise ValidationError(
                {"target_date": _("The target date cannot be before the baseline date.")}
            )

    def sorted_measurements(self) -> list[Measurement]:
        return sorted(self.measurements.all(), key=lambda m: (m.date, m.pk or 0))

    def progress_percent(self) -> int | None:
        """How far the latest measurement is from the baseline towards the target, in per cent.

        The same formula serves both directions: for "lower is better" both the distance moved
        and the distance to go are negative, so the ratio is positive when things improve.
        """
        measurements = self.sorted_measurements()
        if not measurements or self.target_value == self.baseline_value:
            return None
        latest = measurements[-1].value
        return round(
            (latest - self.baseline_value) / (self.target_value - self.baseline_value) * 100
        )


class Measurement(Orderable):
    """One value of an indicator at a date (numbers, so synchronised to translations as is)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=250, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("value")]), FieldPanel("note")]
    api_fields = [APIField("date"), APIField("value"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")


class PilotUpdatePage(PublicPageMixin, Page):
    """A progress update on a pilot, written by its liaison."""

    page_description = _("A status update written under its pilot.")

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("date"), APIField("summary")]
    override_translatable_fields = [SynchronizedField("date")]
    parent_page_types = ["pilots.PilotPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pilot update")
        verbose_name_plural = _("pilot updates")


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
        from .views import funding_call

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
        from .choices import STAT_DIMENSIONS

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
