"""The accessibility statement (Act on the Provision of Digital Services 306/2019, section 15)
and the feedback it asks for.

The statement is a page type of its own, so the parts the law requires are fields an editor
cannot forget: the compliance status, each known non-conformity (what, which WCAG criterion,
what to do meanwhile), when the statement was prepared and last reviewed, the feedback channel
with the 14-day answer promise, and the enforcement authority's contact details.

Feedback is a record of people (a name and an e-mail address): it is stored first, in
:class:`AccessibilityFeedback`, and handled in its own admin views (``home.wagtail_hooks``) by
the roles that hold the model's permissions (``editorial.roles``), never as a snippet.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pages import PublicPageMixin
from cms.protection import HoneypotFormMixin, rate_limited, too_many_requests
from cms.public_forms import PublicFormMixin

#: The law's promise: the provider answers accessibility feedback within 14 days.
ANSWER_DAYS = 14


class NonConformityBlock(blocks.StructBlock):
    """One known accessibility problem, as the statement must list it."""

    title = blocks.CharBlock(label=_("problem"), max_length=200)
    description = blocks.TextBlock(label=_("what it means for the user"))
    criteria = blocks.CharBlock(
        label=_("WCAG success criteria"),
        max_length=100,
        help_text=_("For example: 1.4.10 Reflow"),
    )
    workaround = blocks.TextBlock(label=_("how to get the content meanwhile"), required=False)

    class Meta:
        icon = "warning"
        label = _("known non-conformity")


class AccessibilityStatementPage(PublicPageMixin, Page):
    class ComplianceStatus(models.TextChoices):
        FULL = "full", _("The site fully meets the critical accessibility requirements.")
        PARTIAL = "partial", _("The site partially meets the critical accessibility requirements.")
        NONE = "none", _("The site does not meet the critical accessibility requirements.")

    page_description = _("The accessibility statement and its feedback form (one per language).")

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    compliance_status = models.CharField(
        _("compliance status"), max_length=10, choices=ComplianceStatus.choices
    )
    standard = models.CharField(
        _("requirements assessed against"), max_length=100, default="WCAG 2.1 AA (EN 301 549)"
    )
    non_conformities = StreamField(
        [("issue", NonConformityBlock())],
        verbose_name=_("known non-conformities"),
        blank=True,
    )
    assessment = models.TextField(_("how accessibility was assessed"), blank=True, max_length=2000)
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("statement last reviewed on"))
    feedback_intro = models.TextField(_("feedback introduction"), blank=True, max_length=1000)
    thank_you = models.TextField(_("thank-you text"), blank=True, max_length=1000)
    # Since 1.1.2026 the Finnish Supervisory Agency (Lupa- ja valvontavirasto) supervises the
    # accessibility requirements; the regional state administrative agencies (AVI) no longer
    # exist. Their old e-mail address and switchboard are not carried over: the web site is the
    # channel the agency itself points to, and e-mail and telephone are shown only when filled.
    authority_name = models.CharField(
        _("enforcement authority"),
        max_length=200,
        default="Lupa- ja valvontavirasto, saavutettavuuden valvonta",
    )
    authority_url = models.URLField(
        _("enforcement authority web site"), default="https://www.saavutettavuusvaatimukset.fi"
    )
    authority_email = models.EmailField(
        _("enforcement authority e-mail"),
        blank=True,
        help_text=_("Optional; shown only when filled in."),
    )
    authority_phone = models.CharField(
        _("enforcement authority telephone"),
        max_length=40,
        blank=True,
        help_text=_("Optional; shown only when filled in."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("compliance_status"),
                FieldPanel("standard"),
                FieldPanel("non_conformities"),
                FieldPanel("assessment"),
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
            ],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [FieldPanel("feedback_intro"), FieldPanel("thank_you")], heading=_("Feedback")
        ),
        MultiFieldPanel(
            [
                FieldPanel("authority_name"),
                FieldPanel("authority_url"),
                FieldPanel("authority_email"),
                FieldPanel("authority_phone"),
            ],
            heading=_("Enforcement authority"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("non_conformities"),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement page")
        verbose_name_plural = _("accessibility statement pages")

    @property
    def answer_days(self) -> int:
        return ANSWER_DAYS

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """GET shows the statement and the form; a valid POST stores the feedback first."""
        status = 200
        if request.method == "POST":
            if rate_limited(request, "accessibility-feedback"):
                return too_many_requests(request)
            form = AccessibilityFeedbackForm(request.POST)
            if form.is_valid():
                feedback = form.save(commit=False)
                feedback.statement = self
                feedback.language = (translation.get_language() or "fi")[:2]
                feedback.save()
                messages.success(
                    request,
                    self.thank_you
                    or _("Thank you. We will answer within %(days)s days.") % {"days": ANSWER_DAYS},
                )
                return redirect(self.url + "#feedback")
            status = 400
        else:
            form = AccessibilityFeedbackForm()
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)


class AccessibilityFeedback(models.Model):
    """Feedback on the site's accessibility: stored before anything else happens to it."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    statement = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    page_address = models.CharField(_("page or service concerned"), max_length=500, blank=True)
    message = models.TextField(_("feedback"), max_length=4000)
    language = models.CharField(_("language"), max_length=5, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answer = models.TextField(_("answer (internal note)"), blank=True, max_length=4000)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.submitted_at:%Y-%m-%d} {self.email}"

    def save(self, *args, **kwargs):
        if self.status == self.Status.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def answer_due(self):
        """The day the answer is due by law (14 days after the feedback came in)."""
        return (timezone.localtime(self.submitted_at) + timedelta(days=ANSWER_DAYS)).date()


class AccessibilityFeedbackForm(PublicFormMixin, HoneypotFormMixin, forms.ModelForm):
    autocomplete = {"name": "name", "email": "email"}
    submit_label = _("Send feedback")
    data_notice = _(
        "We store your feedback and e-mail address for answering you and for fixing the problem."
    )

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page_address", "name", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        labels = {
            "message": _("What problem did you find?"),
            "page_address": _("Page or service concerned (address or name)"),
            "name": _("Your name"),
            "email": _("Your e-mail address, for our answer"),
        }
