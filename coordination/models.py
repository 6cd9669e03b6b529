"""Pilot coordination: milestones, progress reports, legislative needs, reminders, two pages.

These models attach to ``pilots.PilotPage`` only through relations by string, so the pilots app
never imports this one. Internal report text (summary, risks, next steps, return comments, the
budget) is stored here and shown only in the admin; the public parts are ``public_update_text``
of approved reports, their measurements and the legislative needs marked public.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.pages import PublicPageMixin, SearchItem

from . import periods
from .roles import can_approve


class Milestone(TranslatableMixin, Orderable):
    """A dated step of a pilot. "Late" is never stored: it follows from the dates.

    Translatable (its name and note are words): each language version of the pilot page holds
    its copy with the same ``translation_key``, so wagtail-localize translates the name while
    the dates and status shown come from the Finnish source (``coordination.public``).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    # Derived status values (stored ones plus "late").
    LATE = "late"
    STATUS_LABELS = {
        "planned": _("Planned"),
        "done": _("Done"),
        "dropped": _("Dropped"),
        "late": _("Late"),
    }

    pilot = ParentalKey("pilots.PilotPage", on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("name"), max_length=200)
    planned_date = models.DateField(_("planned date"))
    done_date = models.DateField(_("done date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=_("Late is shown automatically when the planned date has passed."),
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("planned_date"), FieldPanel("done_date"), FieldPanel("status")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.name

    def effective_status(self, today: dt.date | None = None) -> str:
        """planned, done, dropped or late (planned date passed, neither done nor dropped)."""
        today = today or timezone.localdate()
        if self.status == self.Status.DROPPED:
            return self.Status.DROPPED
        if self.status == self.Status.DONE or self.done_date:
            return self.Status.DONE
        if self.planned_date < today:
            return self.LATE
        return self.Status.PLANNED

    def is_late(self, today: dt.date | None = None) -> bool:
        return self.effective_status(today) == self.LATE

    def effective_status_label(self, today: dt.date | None = None) -> str:
        return str(self.STATUS_LABELS[self.effective_status(today)])


class FinnishPilotForm(WagtailAdminModelForm):
    """Offer only the Finnish source pilot pages (schedules and reports hang on them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "pilot" in self.fields:
            field = self.fields["pilot"]
            field.queryset = field.queryset.filter(locale=Locale.get_default())


class ReportingSchedule(models.Model):
    """How often one pilot reports; pilots without one report monthly from January 2025."""

    pilot = models.OneToOneField(
        "pilots.PilotPage",
        verbose_name=_("pilot"),
        on_delete=models.CASCADE,
        related_name="reporting_schedule",
    )
    period_months = models.PositiveSmallIntegerField(
        _("period length in months"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    first_period_start = models.DateField(
        _("first period starts"),
        default=periods.DEFAULT_ANCHOR,
        help_text=_("Periods follow each other from this day."),
    )

    base_form_class = FinnishPilotForm
    panels = [
        FieldPanel("pilot", widget=forms.Select),
        FieldPanel("period_months"),
        FieldPanel("first_period_start"),
    ]

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.pilot} ({self.period_months})"

    def clean(self) -> None:
        # Periods repeat on the same day of month; the 29th–31st do not exist in every month.
        if self.first_period_start and self.first_period_start.day > 28:
            raise ValidationError(
                {"first_period_start": _("Choose a day between the 1st and the 28th.")}
            )


def schedule_for(pilot) -> tuple[int, dt.date]:
    """(period length in months, first period start) for ``pilot``."""
    schedule = ReportingSchedule.objects.filter(pilot_id=pilot.pk).first()
    if schedule is None:
        return 1, periods.DEFAULT_ANCHOR
    return schedule.period_months, schedule.first_period_start


class ProgressReportForm(FinnishPilotForm):
    """Liaisons may only choose among the pilots they follow."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "pilot" in self.fields and user is not None and not can_approve(user):
            field = self.fields["pilot"]
            field.queryset = field.queryset.filter(liaisons=user)
        if "pilot" in self.fields and "measurements" in self.formsets:
            self._choose_indicators_among(self.fields["pilot"].queryset)

    def _choose_indicators_among(self, pilots) -> None:
        """The indicator is chosen, not typed: a drop-down of the offered pilots' indicators,
        grouped by pilot. ``clean`` still checks that it is one of the chosen pilot's own."""
        indicator_model = apps.get_model("pilots", "Indicator")  # by name: apps stay independent
        indicators = (
            indicator_model.objects.filter(page__in=pilots)
            .select_related("page")
            .order_by("page__title", "sort_order", "pk")
        )
        groups: dict[str, list[tuple[str, str]]] = {}
        for indicator in indicators:
            groups.setdefault(indicator.page.title, []).append((indicator.name, indicator.name))
        offered = {name for options in groups.values() for name, _label in options}
        choices = [("", "---------"), *groups.items()]
        formset = self.formsets["measurements"]

        class MeasurementForm(formset.form):
            def __init__(form, *args, **kwargs):
                super().__init__(*args, **kwargs)
                current = form.initial.get("indicator_name") or ""
                extra = [(current, current)] if current and current not in offered else []
                form.fields["indicator_name"].widget = forms.Select(choices=[*choices, *extra])

        formset.form = MeasurementForm  # this form's formset only; the class is untouched

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        pilot = cleaned.get("pilot")
        if start and not end and pilot is not None:
            months, anchor = schedule_for(pilot)
            period = periods.period_containing(start, months, anchor)
            if period is not None:
                cleaned["period_end"] = period.end
                self.instance.period_end = period.end
        if pilot is not None and "measurements" in self.formsets:
            self._check_indicator_names(pilot)
        return cleaned

    def _check_indicator_names(self, pilot) -> None:
        """A figure must name one of the pilot's own indicators, or approval cannot record it."""
        names = {i.name.strip().casefold(): i.name for i in pilot.indicators.all()}
        formset = self.formsets["measurements"]
        formset.is_valid()  # fills each form's cleaned_data (the result is cached)
        misnamed = False
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            name = (data.get("indicator_name") or "").strip()
            if data.get("DELETE") or not name or name.casefold() in names:
                continue
            if names:
                message = _("Choose one of the pilot's indicators: %(names)s.") % {
                    "names": ", ".join(sorted(names.values()))
                }
            else:
                message = _(
                    "This pilot has no indicators yet: ask Communications to add them to the "
                    "pilot page first."
                )
            form.add_error("indicator_name", message)
            misnamed = True
        if misnamed:
            self.add_error(None, _("Check the indicator names of the figures below."))


class ProgressReport(ClusterableModel):
    """A liaison's report on one pilot for one period. Internal unless parts are published."""

    class OverallStatus(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        OFF_TRACK = "off_track", _("Off track")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    pilot = models.ForeignKey(
        "pilots.PilotPage",
        verbose_name=_("pilot"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(
        _("period end"), blank=True, help_text=_("Left empty, it follows the pilot's schedule.")
    )
    overall_status = models.CharField(
        _("overall status"),
        max_length=10,
        choices=OverallStatus.choices,
        default=OverallStatus.ON_TRACK,
    )
    progress_summary = models.TextField(_("progress summary (internal)"), blank=True)
    risks = models.TextField(_("risks and mitigations (internal)"), blank=True)
    next_steps = models.TextField(_("next steps (internal)"), blank=True)
    budget_used = models.DecimalField(
        _("budget used so far (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    public_update_text = models.TextField(
        _("public update text"),
        blank=True,
        help_text=_("Only this text is published, and only once the report is approved."),
    )
    # The public update is the one part of a report that readers of the Swedish and English
    # sites see; without these the lessons-learned page printed the Finnish text there.
    public_update_text_sv = models.TextField(
        _("public update text in Swedish"),
        blank=True,
        help_text=_(
            "Optional. Left empty, the Swedish page shows the Finnish text, marked as Finnish."
        ),
    )
    public_update_text_en = models.TextField(
        _("public update text in English"),
        blank=True,
        help_text=_(
            "Optional. Left empty, the English page shows the Finnish text, marked as Finnish."
        ),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False
    )
    return_comment = models.TextField(_("return comment"), blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    base_form_class = ProgressReportForm
    panels = [
        FieldPanel("pilot", widget=forms.Select),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("overall_status"),
        MultiFieldPanel(
            [
                FieldPanel("progress_summary"),
                FieldPanel("risks"),
                FieldPanel("next_steps"),
                FieldPanel("budget_used"),
            ],
            heading=_("Internal"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("public_update_text"),
                FieldPanel("public_update_text_sv"),
                FieldPanel("public_update_text_en"),
            ],
            heading=_("Public update"),
        ),
        InlinePanel("measurements", heading=_("Indicator measurements"), label=_("measurement")),
    ]

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-period_start", "pilot__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "period_start"], name="unique_progress_report_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pilot} {self.period_start:%Y-%m}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def save(self, *args, **kwargs):
        if self.period_start and not self.period_end:
            months, anchor = schedule_for(self.pilot)
            period = periods.period_containing(self.period_start, months, anchor)
            self.period_end = (
                period.end
                if period
                else (periods.add_months(self.period_start, months) - dt.timedelta(days=1))
            )
        super().save(*args, **kwargs)

    def public_update(self, language: str) -> tuple[str, str]:
        """The public update text for a page in ``language`` and the language it is written in.

        Finnish is the source; a Swedish or English page gets its own text when the liaison (or
        a translator) wrote one, otherwise the Finnish text with ``"fi"`` so the template can
        mark it ``lang="fi"`` and say that it is in Finnish.
        """
        own = {"sv": self.public_update_text_sv, "en": self.public_update_text_en}.get(language)
        if own and own.strip():
            return own, language
        return self.public_update_text, "fi"

    @property
    def is_editable_by_liaison(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @property
    def status_icon(self) -> str:
        """A text symbol shown beside the status label, so the status never rests on colour."""
        return {"on_track": "✓", "at_risk": "!", "off_track": "✕"}.get(self.overall_status, "")


class ReportMeasurement(Orderable):
    """One indicator value reported for the period; applied to the pilot when approved."""

    report = ParentalKey(ProgressReport, on_delete=models.CASCADE, related_name="measurements")
    indicator_name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("indicator_name"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("value")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.indicator_name} {self.date}: {self.value}"


class LegislativeNeed(TranslatableMixin, models.Model):
    """A legislative development need a pilot reports to the Ministry, and how it is handled."""

    class Topic(models.TextChoices):
        DATA_PROTECTION = "data_protection", _("Data protection")
        SECONDARY_USE = "secondary_use", _("Secondary use of data")
        RECORDS = "records", _("Client and patient records")
        PROFESSIONAL = "professional", _("Professional practice and liability")
        AI_ACT = "ai_act", _("AI Act and product regulation")
        OTHER = "other", _("Other")

    class HandlingStatus(models.TextChoices):
        NEW = "new", _("New")
        UNDER_REVIEW = "under_review", _("Under review")
        ACTED_ON = "acted_on", _("Acted on")
        NOT_PURSUED = "not_pursued", _("Not pursued")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    law = models.CharField(_("law or regulation concerned"), max_length=300)
    description = models.TextField(_("description"))
    consequence = models.TextField(_("consequence for the pilot"), blank=True)
    proposal = models.TextField(_("proposal"), blank=True)
    raised_by = models.CharField(
        _("raised by"), max_length=200, help_text=_("An organisation, not a person's contacts.")
    )
    raised_on = models.DateField(_("date"))
    pilot = models.ForeignKey(
        "pilots.PilotPage",
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legislative_need_records",
    )
    handling_status = models.CharField(
        _("Ministry's handling status"),
        max_length=20,
        choices=HandlingStatus.choices,
        default=HandlingStatus.NEW,
    )
    public_response = models.TextField(_("public response"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)

    panels = [
        FieldPanel("topic"),
        FieldPanel("law"),
        FieldPanel("description"),
        FieldPanel("consequence"),
        FieldPanel("proposal"),
        FieldRowPanel([FieldPanel("raised_by"), FieldPanel("raised_on")]),
        FieldPanel("pilot"),
        FieldPanel("handling_status"),
        FieldPanel("public_response"),
        FieldPanel("is_public"),
    ]
    translatable_fields = [
        SynchronizedField("topic"),
        TranslatableField("law"),
        TranslatableField("description"),
        TranslatableField("consequence"),
        TranslatableField("proposal"),
        TranslatableField("raised_by"),
        SynchronizedField("raised_on"),
        # The Finnish pilot page: templates show its translation in the visitor's language.
        SynchronizedField("pilot"),
        SynchronizedField("handling_status"),
        TranslatableField("public_response"),
        SynchronizedField("is_public"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legislative need")
        verbose_name_plural = _("legislative needs")
        ordering = ["-raised_on", "pk"]

    def __str__(self) -> str:
        return self.law


class ReminderLog(models.Model):
    """One reminder sent; the unique constraint makes a second run of the command send nothing."""

    class Kind(models.TextChoices):
        DUE = "due", _("Due")
        OVERDUE = "overdue", _("Overdue")

    pilot = models.ForeignKey("pilots.PilotPage", on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "period_start", "kind", "user"], name="unique_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_start} {self.user_id}"


def default_locale_pilots():
    """The Finnish (source) pilot pages: every pilot once, whatever its translations."""
    from django.apps import apps
    from wagtail.models import Locale

    pilot_model = apps.get_model("pilots", "PilotPage")
    return pilot_model.objects.filter(locale=Locale.get_default())


class LegislativeNeedsPage(PublicPageMixin, Page):
    """The public register of legislative needs across pilots, filtered by plain GET."""

    page_description = _("The public register of legislative development needs.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    search_summary_field = "intro"
    search_result_group = "reports"
    search_item_models = ("coordination.LegislativeNeed",)

    class Meta:
        verbose_name = _("legislative needs register")
        verbose_name_plural = _("legislative needs registers")

    def search_items(self) -> list[SearchItem]:
        """Each public need of the page's language, at its card (``#need-<id>``)."""
        needs = LegislativeNeed.objects.filter(locale_id=self.locale_id, is_public=True)
        with translation.override(self.locale.language_code):
            return [
                SearchItem(
                    key=f"need-{need.pk}",
                    title=need.law,
                    anchor=f"need-{need.pk}",
                    summary=need.description,
                    body=" ".join(
                        (need.consequence, need.proposal, need.raised_by, need.public_response)
                    ),
                    kind="legislativeneed",
                    title_ranked=False,
                    facets={"year": [need.raised_on.year]},
                )
                for need in needs.order_by("pk")
            ]

    def get_context(self, request, *args, **kwargs):
        from .public import legislative_register_context

        context = super().get_context(request, *args, **kwargs)
        context.update(legislative_register_context(request, self.locale))
        return context


class LessonsLearnedPage(PublicPageMixin, Page):
    """Lessons from every pilot, grouped by theme."""

    page_description = _("Lessons learned from approved progress reports.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    search_summary_field = "intro"
    search_result_group = "reports"

    class Meta:
        verbose_name = _("lessons learned page")
        verbose_name_plural = _("lessons learned pages")

    def search_items(self) -> list[SearchItem]:
        """Each pilot's lessons (and public progress updates), at ``#lessons-<pilot slug>``."""
        from .public import lessons_by_theme

        seen: dict[str, SearchItem] = {}
        with translation.override(self.locale.language_code):
            for group in lessons_by_theme(self.locale):
                for item in group["items"]:
                    pilot = item["pilot"]
                    if not item["anchor"] or pilot.slug in seen:
                        continue
                    seen[pilot.slug] = SearchItem(
                        key=item["anchor"],
                        title=str(_("Lessons learned: %(pilot)s") % {"pilot": pilot.title}),
                        anchor=item["anchor"],
                        summary=str(item["lessons"] or ""),
                        body=" ".join(
                            r.public_update(self.locale.language_code)[0] for r in item["updates"]
                        ),
                        kind="lessons",
                        title_ranked=False,
                    )
        return list(seen.values())

    def get_context(self, request, *args, **kwargs):
        from .public import lessons_by_theme

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = lessons_by_theme(self.locale)
        return context
