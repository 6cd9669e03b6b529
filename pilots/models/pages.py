"""Pilot pages: the pilot index, a pilot and its liaison updates."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyStreamBlock
from cms.listing import ListingPageMixin
from cms.pages import PublicPageMixin

from ..choices import (
    Category,
    Status,
    Technology,
)
from ..serializers import RegionSerializer, ThemesSerializer

MAX_STM_SHARE = Decimal("0.5")
NOT_NEGATIVE = MinValueValidator(Decimal(0))


class PilotIndexPage(ListingPageMixin, RoutablePageMixin, PublicPageMixin, Page):
    """Lists the pilot projects with filters, a map and a theme chart; also updates and feeds."""

    page_description = _("The list of AI pilots with filters (one per language).")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pilots.PilotPage", "pilots.FundingCallPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_result_group = "pilots"

    class Meta:
        verbose_name = _("pilot index page")
        verbose_name_plural = _("pilot index pages")

    def get_context(self, request, *args, **kwargs):
        from ..listing import pilot_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pilot_index_context(self, request))
        return context

    @path("updates/")
    def updates_route(self, request):
        from ..listing import updates_listing

        return updates_listing(request, self)

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from ..feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from ..feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    @path("updates/rss/")
    def old_rss_route(self, request):
        """The feed's address before the one-convention feeds (``feed/rss/``) kept working."""
        return redirect(self.url + self.reverse_subpage("rss"), permanent=True)

    @path("updates/atom/")
    def old_atom_route(self, request):
        return redirect(self.url + self.reverse_subpage("atom"), permanent=True)

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
        index.SearchField("lead_organisation_display"),
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
    search_summary_field = "summary"
    search_result_group = "pilots"

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")

    @property
    def themes(self) -> list:
        """The pilot's themes in page order (prefetch ``theme_links__theme`` to avoid queries)."""
        return [link.theme for link in self.theme_links.all() if link.theme_id]

    def search_facets(self) -> dict[str, list[str]]:
        """Region and themes, for the search page's filters."""
        return {
            "region": [str(self.region)] if self.region_id else [],
            "theme": [str(theme) for theme in self.themes],
        }

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
        from ..listing import pilot_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pilot_context(self))
        return context

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from ..feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from ..feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    @path("updates/rss/")
    def old_rss_route(self, request):
        """The feed's address before the one-convention feeds (``feed/rss/``) kept working."""
        return redirect(self.url + self.reverse_subpage("rss"), permanent=True)

    @path("updates/atom/")
    def old_atom_route(self, request):
        return redirect(self.url + self.reverse_subpage("atom"), permanent=True)

    def updates(self):
        return PilotUpdatePage.objects.live().child_of(self).order_by("-date", "-pk")


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
    search_summary_field = "summary"
    search_result_group = "pilots"

    class Meta:
        verbose_name = _("pilot update")
        verbose_name_plural = _("pilot updates")
        # The updates listings read the newest first (``-date, -pk``): with this index the
        # database walks the newest rows instead of sorting every update of every pilot.
        indexes = [models.Index(fields=["date", "page_ptr"], name="pilot_update_date_idx")]
