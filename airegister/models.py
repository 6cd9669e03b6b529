"""The AI transparency register: one page per AI system, in the Algorithmic Transparency
Standard's attributes (:mod:`airegister.standard`), and the register index per language.

A record is a page so that it gets what every public page has here: revisions and a public change
history, the Communications review workflow, wagtail-localize translations (the standard's
``uuid`` is the page's ``translation_key``, the same in every language), search, the sitemap and
the page cache. A pilot's record is a child of the pilot page, so the pilot's liaisons edit it
through the rights they hold on their own pilot (``Liaisons: <pilot>``, :mod:`editorial.liaisons`)
and nobody else's; a record of another organisation's system lives under the register index.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.pages import PublicPageMixin

from . import choices
from .forms import RecordPageForm
from .standard import BY_NAME, GROUPS_BY_KEY, STANDARD_VERSION

REMINDER_DAYS = (30, 7)


def _label(name: str):
    return BY_NAME[name].label


def _text(name: str, **kwargs) -> models.TextField:
    return models.TextField(_label(name), blank=True, **kwargs)


def _char(name: str, max_length: int = 255, **kwargs) -> models.CharField:
    return models.CharField(_label(name), max_length=max_length, blank=True, **kwargs)


def _url(name: str) -> models.URLField:
    return models.URLField(_label(name), max_length=500, blank=True)


def _choice(name: str, choice_class, **kwargs) -> models.CharField:
    return models.CharField(
        _label(name), max_length=60, blank=True, choices=choice_class.choices, **kwargs
    )


class RegisterIndexPage(PublicPageMixin, Page):
    """The register in one language: every published record, filterable, with counts."""

    page_description = _("The AI transparency register: every record, with filters.")

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["airegister.AIRecordPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("AI register index page")
        verbose_name_plural = _("AI register index pages")

    def get_context(self, request, *args, **kwargs):
        from .listing import register_context

        context = super().get_context(request, *args, **kwargs)
        context.update(register_context(request, self))
        return context


class AIRecordPage(PublicPageMixin, Page):
    """One AI system in the Algorithmic Transparency Standard 0.3.1, with EU AI Act extensions.

    Every text is blank-able so a draft can be saved half-filled; publishing is refused while an
    attribute the standard requires is empty (:class:`airegister.forms.RecordPageForm`).
    """

    page_description = _("One AI system in the Algorithmic Transparency Standard.")
    base_form_class = RecordPageForm

    summary = models.TextField(
        _("plain-language summary"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences for anyone: what the system does and for whom."),
    )
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used by the register's region filter."),
    )
    # METADATA (the dates of publication and change are kept by Wagtail)
    revision_date = models.DateField(
        _label("revision_date"),
        null=True,
        blank=True,
        help_text=_("The liaisons are reminded 30 and 7 days before this date."),
    )
    revision_note = _char("revision_note")
    keywords = _char("keywords", help_text=_("Separate keywords with commas."))
    # BASIC INFORMATION (the name is the page title)
    organization = _char("organization")
    department = _char("department")
    country = _char("country", 100)
    contact_email = models.EmailField(_label("contact_email"), blank=True)
    contact_phone = _char("contact_phone", 50)
    contact_name = _char("contact_name", 200)
    description_short = _char("description_short", 150)
    website = _url("website")
    status = _choice("status", choices.Status)
    remark = _text("remark")
    # USE CASE
    decision_making_process = _text("decision_making_process")
    domain = _choice("domain", choices.Domain, default=choices.Domain.HEALTH)
    area = _char("area")
    goal = _text("goal")
    impact = _text("impact")
    risks = _text("risks")
    risk_category = _choice("risk_category", choices.RiskCategory)
    proportionality = _text("proportionality")
    lawful_basis = _text("lawful_basis")
    documentation = _url("documentation")
    # DATA
    training_data = _text("training_data")
    source_data = _text("source_data")
    data_bias = _text("data_bias")
    connected_data_sources = _text("connected_data_sources")
    dpia_description = _text("DPIA_description")
    dpia_url = _url("DPIA_url")
    # ALGORITHM
    description = _text("description")
    algorithm_type = _choice("algorithm_type", choices.AlgorithmType)
    methods_and_models = _text("methods_and_models")
    performance = _text("performance")
    alternatives_considered = _text("alternatives_considered")
    product_information = _url("product_information")
    codebase_url = _url("codebase_url")
    product_page = _url("product_page")
    aia_description = _text("AIA_description")
    aia_url = _url("AIA_url")
    # OVERSIGHT
    use_type = _choice("type", choices.UseType)
    monitoring = _text("monitoring")
    human_intervention = _text("human_intervention")
    objection_procedure = _text("objection_procedure")
    rollback = _text("rollback")
    # EU AI Act extensions
    ai_act_role = _choice("ai_act_role", choices.ActRole)
    annex_iii_area = _choice("annex_iii_area", choices.AnnexIIIArea)
    eu_database_registration = _char("eu_database_registration", 100)
    fria_summary = _text("fria_summary")
    fria_url = _url("fria_url")

    content_panels = [
        FieldPanel("title", heading=_label("name")),
        FieldPanel("summary"),
        FieldPanel("region"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("revision_date"), FieldPanel("revision_note")]),
                FieldPanel("keywords"),
            ],
            heading=GROUPS_BY_KEY["metadata"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("organization"),
                FieldPanel("department"),
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("contact_phone"),
                FieldPanel("description_short"),
                FieldPanel("website"),
                FieldPanel("status"),
                FieldPanel("remark"),
            ],
            heading=GROUPS_BY_KEY["basic"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("decision_making_process"),
                FieldRowPanel([FieldPanel("domain"), FieldPanel("area")]),
                FieldPanel("goal"),
                FieldPanel("impact"),
                FieldPanel("risks"),
                FieldPanel("risk_category"),
                FieldPanel("proportionality"),
                FieldPanel("lawful_basis"),
                FieldPanel("documentation"),
            ],
            heading=GROUPS_BY_KEY["use_case"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("training_data"),
                FieldPanel("source_data"),
                FieldPanel("data_bias"),
                FieldPanel("connected_data_sources"),
                FieldPanel("dpia_description"),
                FieldPanel("dpia_url"),
            ],
            heading=GROUPS_BY_KEY["data"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("description"),
                FieldPanel("algorithm_type"),
                FieldPanel("methods_and_models"),
                FieldPanel("performance"),
                FieldPanel("alternatives_considered"),
                FieldPanel("product_information"),
                FieldPanel("codebase_url"),
                FieldPanel("product_page"),
                FieldPanel("aia_description"),
                FieldPanel("aia_url"),
            ],
            heading=GROUPS_BY_KEY["algorithm"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("use_type"),
                FieldPanel("monitoring"),
                FieldPanel("human_intervention"),
                FieldPanel("objection_procedure"),
                FieldPanel("rollback"),
            ],
            heading=GROUPS_BY_KEY["oversight"].label,
        ),
        MultiFieldPanel(
            [
                FieldPanel("ai_act_role"),
                FieldPanel("annex_iii_area"),
                FieldPanel("eu_database_registration"),
                FieldPanel("fria_summary"),
                FieldPanel("fria_url"),
            ],
            heading=_("EU AI Act"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("region"),
        SynchronizedField("revision_date"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("status"),
        SynchronizedField("domain"),
        SynchronizedField("risk_category"),
        SynchronizedField("algorithm_type"),
        SynchronizedField("use_type"),
        SynchronizedField("ai_act_role"),
        SynchronizedField("annex_iii_area"),
        SynchronizedField("eu_database_registration"),
        *(
            SynchronizedField(name, overridable=True)
            for name in (
                "website",
                "documentation",
                "dpia_url",
                "product_information",
                "codebase_url",
                "product_page",
                "aia_url",
                "fria_url",
            )
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description_short"),
        index.SearchField("keywords"),
        index.SearchField("organization"),
        index.SearchField("goal"),
        index.SearchField("description"),
        index.SearchField("source_data"),
        index.SearchField("human_intervention"),
        index.FilterField("status"),
        index.FilterField("risk_category"),
        index.FilterField("algorithm_type"),
        index.FilterField("use_type"),
    ]

    parent_page_types = ["pilots.PilotPage", "airegister.RegisterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("AI register record")
        verbose_name_plural = _("AI register records")

    # --- attributes the system keeps ---

    @property
    def standard_version(self) -> str:
        return STANDARD_VERSION

    @property
    def uuid(self) -> str:
        return str(self.translation_key)

    @property
    def publication_date(self) -> dt.date | None:
        return _local_date(self.first_published_at)

    @property
    def last_change_date(self) -> dt.date | None:
        return _local_date(self.last_published_at)

    def review_overdue(self, today: dt.date | None = None) -> bool:
        """True once the revision date has passed (the record should have been reviewed)."""
        today = today or timezone.localdate()
        return self.revision_date is not None and self.revision_date < today

    def pilot(self) -> Page | None:
        """The pilot page this record describes (its parent), or None for other systems."""
        parent = self.get_parent()
        if parent is None or parent.specific_class is None:
            return None
        if parent.specific_class._meta.label_lower != "pilots.pilotpage":
            return None
        return parent.specific

    def serve(self, request, *args, **kwargs):
        from .feedback import serve_record

        return serve_record(self, request, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .presentation import record_context

        context = super().get_context(request, *args, **kwargs)
        context.update(record_context(self))
        return context


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


class RecordFeedback(models.Model):
    """A question or comment about one record, stored before it is forwarded to the record's
    contact through the mail queue."""

    record = models.ForeignKey(
        AIRecordPage,
        verbose_name=_("record"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    message = models.TextField(_("message"), max_length=4000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    forwarded_to = models.EmailField(_("forwarded to"), blank=True)

    class Meta:
        verbose_name = _("feedback on an AI register record")
        verbose_name_plural = _("feedback on AI register records")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.record.title}: {self.created_at:%Y-%m-%d %H:%M}"


class RevisionReminder(models.Model):
    """One reminder sent: (record family, revision date, days before, recipient), once each."""

    translation_key = models.UUIDField(_("record"))
    revision_date = models.DateField(_("revision date"))
    days_before = models.PositiveSmallIntegerField(_("days before"))
    email = models.EmailField(_("sent to"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("revision reminder")
        verbose_name_plural = _("revision reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "revision_date", "days_before", "email"],
                name="airegister_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.revision_date} −{self.days_before} d → {self.email}"
