"""Event pages and their choices: the event index, event series and single events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import feedgenerator, timezone, translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.listing import ListingPageMixin
from cms.pages import PublicPageMixin

SCHEDULE_FIELDS = ("start", "end", "venue", "event_format")


class EventType(models.TextChoices):
    AI_AAMU = "ai_aamu", _("AI-aamu webinar")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    MEMBER_EVENT = "member_event", _("Member event")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    EXTERNAL = "external", _("External registration page")
    FORM = "form", _("Registration form on this site")


class LinkVisibility(models.TextChoices):
    UNTIL_END = "until_end", _("On the page until the event ends")
    REGISTERED = "registered", _("Only to registered people (in the confirmation e-mail)")


class EventIndexPage(ListingPageMixin, RoutablePageMixin, PublicPageMixin, Page):
    """The events listing: upcoming first, then the archive by year, with plain GET filters."""

    page_description = _("The event calendar with filters and feeds.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage", "events.EventSeriesPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_result_group = "events"
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from ..feeds import upcoming_feed

        return upcoming_feed(request, self.locale, feedgenerator.Rss201rev2Feed)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from ..feeds import upcoming_feed

        return upcoming_feed(request, self.locale, feedgenerator.Atom1Feed)

    @path("feed/ics/", name="ics")
    def ics_route(self, request):
        from ..feeds import upcoming_calendar

        return upcoming_calendar(request, self.locale)

    def feed_urls(self) -> dict[str, str]:
        base = self.url or ""
        return {"rss": base + "feed/rss/", "atom": base + "feed/atom/", "ics": base + "feed/ics/"}

    def get_context(self, request, *args, **kwargs):
        from ..listing import event_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(self, request))
        return context


class EventSeriesPage(PublicPageMixin, Page):
    """A recurring series such as AI-aamu: its schedule, its sessions and how to propose a topic."""

    page_description = _("A series of related events (e.g. a webinar series).")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    schedule = models.CharField(
        _("schedule"),
        max_length=200,
        blank=True,
        help_text=_('In words, e.g. "joka toinen keskiviikko klo 8.30–9.30".'),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    propose_topic_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page for proposing a topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    propose_topic_url = models.URLField(
        _("address for proposing a topic"),
        blank=True,
        help_text=_("Used when no page is chosen above."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("schedule"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("propose_topic_page"), FieldPanel("propose_topic_url")],
            heading=_("Propose a topic"),
        ),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "intro"
    search_result_group = "events"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("schedule"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("schedule"), APIField("body")]

    class Meta:
        verbose_name = _("event series page")
        verbose_name_plural = _("event series pages")

    def sessions(self):
        """The series' events in this page's language (the FK is synchronised across languages)."""
        from ..queries import live_events

        # live_events fetches what the cards show up front: constant queries however many sessions
        return live_events().filter(
            locale_id=self.locale_id, series__translation_key=self.translation_key
        )

    def propose_topic_link(self) -> str:
        if self.propose_topic_page_id:
            page = self.propose_topic_page.localized
            if page.live:
                return page.url or ""
        return self.propose_topic_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessions = self.sessions()
        from ..queries import until_first_ends

        context["upcoming_sessions"] = until_first_ends(
            list(sessions.filter(end__gt=now).order_by("start"))
        )
        context["past_sessions"] = sessions.filter(end__lte=now).order_by("-start")
        context["propose_topic_link"] = self.propose_topic_link()
        return context


class EventPage(PublicPageMixin, Page):
    """One event. Times are aware datetimes; registration, recording and slides are optional."""

    page_description = _("One event with registration, agenda and speakers.")

    event_type = models.CharField(
        _("type"), max_length=20, choices=EventType.choices, default=EventType.AI_AAMU
    )
    series = models.ForeignKey(
        "events.EventSeriesPage",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    event_format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    online_link_visibility = models.CharField(
        _("who sees the online link"),
        max_length=20,
        choices=LinkVisibility.choices,
        default=LinkVisibility.UNTIL_END,
    )
    organiser = models.ForeignKey(
        "members.MemberOrganisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty when the network itself organises the event."),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=[("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
        default="fi",
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(_("external registration address"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: when the event starts."),
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_("Video address. Visitors open it themselves; nothing loads before that."),
    )
    slides = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("slides and materials"),
        blank=True,
    )
    summary = RichTextField(_("summary after the event"), blank=True)
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("series")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("online_link"),
                FieldPanel("online_link_visibility"),
                FieldPanel("event_language"),
                FieldPanel("organiser"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        InlinePanel("speakers", label=_("Speakers")),
        InlinePanel("agenda_items", label=_("Agenda")),
        InlinePanel("event_themes", label=_("Themes")),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_closes")]),
                FieldPanel("waiting_list"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("slides"), FieldPanel("summary")],
            heading=_("After the event"),
        ),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "intro"
    search_result_group = "events"
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("summary"),
        index.RelatedFields(
            "speakers",
            [
                index.SearchField("name"),
                index.SearchField("organisation"),
                index.SearchField("topic"),
            ],
        ),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_type"),
    ]
    api_fields = [
        APIField("event_type"),
        APIField("series_info", serializer=serializers.JSONField(read_only=True)),
        APIField("intro"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("event_format"),
        APIField("venue"),
        APIField("event_language"),
        APIField("organiser"),
        APIField("registration_mode"),
        APIField("registration_url"),
        APIField("recording_url"),
        APIField("summary"),
        APIField("speakers"),
        APIField("agenda_items"),
        APIField("event_themes"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("event_type"),
        SynchronizedField("series"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("event_format"),
        TranslatableField("venue"),
        SynchronizedField("online_link"),
        SynchronizedField("online_link_visibility"),
        # The organiser's own language version (its name in Swedish or English).
        TranslatableField("organiser"),
        SynchronizedField("event_language"),
        SynchronizedField("registration_mode"),
        SynchronizedField("registration_url"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_closes"),
        SynchronizedField("waiting_list"),
        SynchronizedField("recording_url"),
        SynchronizedField("slides"),
        TranslatableField("summary"),
        TranslatableField("speakers"),
        TranslatableField("agenda_items"),
        TranslatableField("event_themes"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Upcoming events are read soonest first and the archive latest first (``start, pk``):
        # with this index the database walks the next (or last) few events in order instead of
        # sorting every event of the language (bench scale, with statistics: 7 → 0.2 ms).
        indexes = [models.Index(fields=["start", "page_ptr"], name="event_start_idx")]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = [_("The event must end after it starts.")]
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = [_("Give the address of the registration page.")]
        if self.registration_closes and self.end and self.registration_closes > self.end:
            errors["registration_closes"] = [
                _("Registration cannot close after the event has ended.")
            ]
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any):
        """Bump the iCalendar SEQUENCE when a full save changes the time or place."""
        if self.pk and kwargs.get("update_fields") is None:
            old = (
                EventPage.objects.filter(pk=self.pk)
                .values("ical_sequence", *SCHEDULE_FIELDS)
                .first()
            )
            if old is not None:
                sequence = max(old["ical_sequence"], self.ical_sequence)
                if any(old[f] != getattr(self, f) for f in SCHEDULE_FIELDS):
                    sequence += 1
                self.ical_sequence = sequence
        return super().save(*args, **kwargs)

    # --- state -------------------------------------------------------------------------------

    def is_upcoming(self, now: datetime | None = None) -> bool:
        return self.end > (now or timezone.now())

    @property
    def ical_uid(self) -> str:
        return f"event-{self.translation_key}@sotetekoaly.fi"

    @property
    def organiser_name(self) -> str:
        return self.organiser.name if self.organiser_id else str(_("SOTE AI Ecosystem"))

    def public_online_link(self, now: datetime | None = None) -> str:
        """The link shown on the page: only before the end, and only if the editor allows it."""
        if (
            self.online_link
            and self.online_link_visibility == LinkVisibility.UNTIL_END
            and self.is_upcoming(now)
        ):
            return self.online_link
        return ""

    def registration_closing_time(self) -> datetime:
        return self.registration_closes or self.start

    def registration_open(self, now: datetime | None = None) -> bool:
        return (
            self.registration_mode == RegistrationMode.FORM
            and (now or timezone.now()) < self.registration_closing_time()
        )

    def ics_url(self) -> str:
        return reverse("events:event_ics", kwargs={"key": self.translation_key})

    def localized_series(self):
        return self.series.localized if self.series_id else None

    @property
    def series_info(self) -> dict | None:
        """The series in this event's language, for the API (the stored FK is the source's)."""
        if not self.series_id:
            return None
        series = self.series.get_translation_or_none(self.locale) or self.series
        return {"id": series.pk, "title": series.title, "url": series.url}

    # --- serving: the page also receives the registration form's POST ------------------------

    def search_facets(self) -> dict[str, list[str]]:
        """Theme, event type and the year and date of the event (Helsinki time) for search."""
        local_start = timezone.localtime(self.start) if self.start else None
        with translation.override(self.locale.language_code):
            return {
                "theme": [t.theme.name for t in self.event_themes.select_related("theme")],
                "event_type": [str(self.get_event_type_display())],
                "year": [str(local_start.year)] if local_start else [],
                "event_date": [local_start.date().isoformat()] if local_start else [],
            }

    def get_context(self, request, *args, **kwargs):
        from ..forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", RegistrationForm())
        context["now"] = timezone.now()
        context["themes"] = [row.theme for row in self.event_themes.select_related("theme")]
        if self.registration_mode == RegistrationMode.FORM and self.capacity is not None:
            from ..registration import confirmed_count

            context["seats_left"] = max(self.capacity - confirmed_count(self), 0)
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            from ..signup import handle_registration_post

            return handle_registration_post(self, request)
        return super().serve(request, *args, **kwargs)
