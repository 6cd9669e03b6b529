"""A pilot's inline rows: themes, partners, links, and impact indicators with their measurements."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from ..choices import (
    Direction,
)
from .pages import PilotPage


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
    # Units are words in some languages ("vrk" is "dygn" and "days"); "%" stays as it is.
    override_translatable_fields = [TranslatableField("unit")]

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
