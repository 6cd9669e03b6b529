"""Member organisations of the network."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class MemberOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that has joined the network; pilots and events refer to it."""

    class OrganisationType(models.TextChoices):
        PUBLIC_SECTOR = "public", _("Public sector")
        WELLBEING_COUNTY = "county", _("Wellbeing services county")
        COMPANY = "company", _("Company")
        RESEARCH = "research", _("Research or education")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices
    )
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), blank=True, max_length=1000)
    date_joined = models.DateField(_("date joined"), null=True, blank=True)
    is_public = models.BooleanField(_("shown in the public directory"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("organisation_type"),
        FieldPanel("region"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("date_joined"),
        FieldPanel("is_public"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("organisation_type"),
        TranslatableField("region"),
        SynchronizedField("website"),
        TranslatableField("description"),
        SynchronizedField("date_joined"),
        SynchronizedField("is_public"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_member_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name
