"""An event's inline rows: speakers, agenda items and themes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .pages import EventPage


class EventSpeaker(TranslatableMixin, Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("topic")]
    api_fields = [APIField("name"), APIField("organisation"), APIField("topic")]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("organisation"),
        TranslatableField("topic"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")


class EventAgendaItem(TranslatableMixin, Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    time = models.TimeField(_("time"), help_text=_("Helsinki time."))
    title = models.CharField(_("item"), max_length=300)

    panels = [FieldPanel("time"), FieldPanel("title")]
    api_fields = [APIField("time"), APIField("title")]
    translatable_fields = [SynchronizedField("time"), TranslatableField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")


class EventTheme(TranslatableMixin, Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_themes")
    theme = models.ForeignKey("cms.Theme", verbose_name=_("theme"), on_delete=models.CASCADE)

    panels = [FieldPanel("theme")]
    api_fields = [APIField("theme")]
    translatable_fields = [TranslatableField("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("theme")
