"""AI pilot projects.

The foundation defines the core of a pilot (what other apps link to: its region, lead
organisation, themes and liaisons); the pilots issue grows it into the full structured model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class PilotIndexPage(Page):
    """Lists the pilot projects."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pilots.PilotPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot index page")


class PilotPage(Page):
    """One funded AI pilot project."""

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
    themes = ParentalManyToManyField("cms.Theme", verbose_name=_("themes"), blank=True)
    liaisons = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaisons"),
        blank=True,
        related_name="liaison_pilots",
        help_text=_("DigiFinland liaisons who follow this pilot and may edit its updates."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("region"),
        FieldPanel("lead_organisation"),
        FieldPanel("themes"),
        FieldPanel("liaisons"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["pilots.PilotIndexPage"]

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")
