"""What visitors submit: consent texts, membership applications, subscribers, proposals, consent records."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .organisations import (
    FREE_MAIL_DOMAINS,
    LANGUAGE_CHOICES,
    MemberOrganisation,
    domain_of,
    normalize_name,
)


class ConsentText(TranslatableMixin, models.Model):
    """The consent wording a visitor agreed to; versioned so each consent record points at it."""

    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"), max_length=4000)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("version"), FieldPanel("text"), FieldPanel("is_active")]
    translatable_fields = [
        SynchronizedField("version"),
        TranslatableField("text"),
        SynchronizedField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version} ({self.locale})"

    @classmethod
    def current(cls, language: str) -> ConsentText | None:
        """The active text in ``language``, else the newest active one in any language."""
        active = cls.objects.filter(is_active=True).select_related("locale").order_by("-version")
        return active.filter(locale__language_code=language).first() or active.first()


class Status(models.TextChoices):
    NEW = "new", _("New")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class MembershipApplication(models.Model):
    """A "join as a member" submission, waiting for communications staff to decide."""

    organisation_name = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation_type = models.CharField(
        _("organisation type"),
        max_length=20,
        choices=MemberOrganisation.OrganisationType.choices,
    )
    region = models.ForeignKey(
        "cms.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True, max_length=300)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    consent_version = models.PositiveIntegerField(_("consent version"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    duplicates = models.JSONField(
        _("possible duplicates"),
        default=list,
        blank=True,
        help_text=_("Found when the application arrived; shown translated in the listing."),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    member = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("organisation_name"),
        FieldPanel("contact_name"),
        FieldPanel("email"),
        FieldPanel("organisation_type"),
        FieldPanel("region"),
        FieldPanel("website"),
        FieldPanel("message"),
        FieldPanel("consent_version", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("member", read_only=True),
    ]

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return self.organisation_name

    def find_duplicates(self) -> list[dict]:
        """Members or open applications with the same normalised name or the same domain.

        Free-mail domains (gmail.com …) never count as a match. Stored as data, not text, so
        staff read the reasons in their own admin language.
        """
        name = normalize_name(self.organisation_name)
        domains = {domain_of(self.website)} | {domain_of(self.email)}
        domains = {d for d in domains if d and d not in FREE_MAIL_DOMAINS}
        found = []
        members = MemberOrganisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        for org_name, website in members.values_list("name", "website"):
            if normalize_name(org_name) == name:
                found.append({"reason": "name", "name": org_name})
            elif domain_of(website) in domains:
                found.append({"reason": "domain", "name": org_name})
        others = MembershipApplication.objects.exclude(pk=self.pk).exclude(status=Status.REJECTED)
        for pk, other, email, website in others.values_list(
            "pk", "organisation_name", "email", "website"
        ):
            if normalize_name(other) == name or domains & {domain_of(email), domain_of(website)}:
                found.append({"reason": "application", "name": other, "pk": pk})
        return found[:20]

    @admin_display(description=_("possible duplicate"))
    def duplicate_flag(self) -> str:
        """Listing column: a warning sign plus the reasons, so it does not rely on colour."""
        texts = {
            "name": _("same name as member %(name)s"),
            "domain": _("same domain as member %(name)s"),
            "application": _("like application #%(pk)s (%(name)s)"),
        }
        reasons = [
            str(texts[d["reason"]]) % {"name": d.get("name", ""), "pk": d.get("pk", "")}
            for d in self.duplicates
            if d.get("reason") in texts
        ]
        return "⚠ " + "; ".join(reasons) if reasons else "–"


class Subscriber(models.Model):
    """A newsletter subscription; only ``confirmed`` ones receive the newsletter."""

    class SubscriberStatus(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    status = models.CharField(
        _("status"), max_length=15, choices=SubscriberStatus.choices, default="pending"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.email


class Proposal(models.Model):
    """A "get involved" submission: a webinar topic, a joint project, a blog post or an event."""

    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("AI-aamu topic or talk")
        PROJECT = "project", _("Joint project")
        BLOG = "blog", _("Blog post")
        EVENT = "event", _("Event announcement")

    class ProposalStatus(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    offer = models.TextField(_("what you offer"), max_length=2000, blank=True)
    partners_sought = models.TextField(_("partners sought"), max_length=2000, blank=True)
    event_date = models.DateField(_("event date"), null=True, blank=True)
    link = models.URLField(_("link"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    consent_version = models.PositiveIntegerField(_("consent version"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default="new"
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("staff_notes"),
        FieldPanel("kind", read_only=True),
        FieldPanel("title"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("description"),
        FieldPanel("offer"),
        FieldPanel("partners_sought"),
        FieldPanel("event_date"),
        FieldPanel("link"),
    ]

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return self.title


class ConsentRecord(models.Model):
    """Proof of consent: which text version was agreed to, from which form, when."""

    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    application = models.ForeignKey(
        MembershipApplication,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consents",
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    consent_version = models.PositiveIntegerField(_("consent version"), null=True)
    form = models.CharField(_("form"), max_length=40)
    action = models.CharField(_("action"), max_length=20, default="given")
    language = models.CharField(_("language"), max_length=5, blank=True)
    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True)
    anonymised = models.BooleanField(_("anonymised"), default=False)
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.form} v{self.consent_version} {self.action} {self.created:%Y-%m-%d}"
