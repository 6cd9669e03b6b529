"""Member organisations, joining, newsletter subscriptions, working groups and partners.

Everything a visitor submits is stored first (application, subscription, proposal, queued e-mail)
and only then mailed, so a broken mail server never loses anyone's data. Visitor text is kept as
plain text and escaped on output; nothing submitted is ever rendered as HTML.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.pages import PublicPageMixin

from .widgets import NewsletterIssueChooser

LANGUAGE_CHOICES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
FREE_MAIL_DOMAINS = {
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "luukku.com",
    "suomi24.fi",
    "protonmail.com",
    "proton.me",
}
LEGAL_SUFFIXES = {"oy", "oyj", "ab", "abp", "ry", "rf", "ltd", "inc", "gmbh", "sr", "ky", "tmi"}


def normalize_name(name: str) -> str:
    """Organisation name for duplicate checks: case, accents, punctuation and "Oy"/"ry" ignored."""
    text = unicodedata.normalize("NFKD", name or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in LEGAL_SUFFIXES]
    return " ".join(words)


def domain_of(value: str) -> str:
    """The registrable-looking host of an e-mail address or URL, without ``www.``."""
    value = (value or "").strip().lower()
    if not value:
        return ""
    if "@" in value and "://" not in value:
        host = value.rsplit("@", 1)[1]
    else:
        host = urlsplit(value if "://" in value else f"http://{value}").hostname or ""
    return host.removeprefix("www.")


def ip_hash(ip: str) -> str:
    """A keyed hash of an IP address: enough to spot abuse patterns, not to identify anyone."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]


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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alt text"),
        max_length=200,
        blank=True,
        help_text=_("Required when a logo is set, e.g. the organisation's name."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=1000)
    date_joined = models.DateField(_("date joined"), null=True, blank=True)
    is_public = models.BooleanField(_("shown in the public directory"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("organisation_type"),
        FieldPanel("region"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
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
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
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

    def clean(self) -> None:
        super().clean()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError({"logo_alt": _("Describe the logo for screen-reader users.")})


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


class OutgoingEmail(models.Model):
    """One e-mail to one recipient, stored before it is sent and delivered by the mail worker.

    Every mail the site sends is a row here first (``members.mailqueue``). A worker claims a row
    by setting ``status=sending`` with a lease (``claimed_until``); a worker that dies mid-send
    leaves the lease to expire and the row is picked up again.
    """

    class MailStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"), max_length=254)
    from_email = models.CharField(_("from"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attachments = models.JSONField(
        _("attachments"),
        default=list,
        blank=True,
        help_text=_("File name, MIME type and base64 content of each attachment."),
    )
    purpose = models.CharField(_("purpose"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default="pending"
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_by = models.CharField(_("claimed by"), max_length=100, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outgoing_ready")]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


class NewsletterSend(models.Model):
    """One newsletter issue sent to the confirmed subscribers of its language."""

    class SendStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        DONE = "done", _("Done")

    issue = models.ForeignKey(
        "home.NewsletterIssuePage",  # the chooser then offers only newsletter issues
        verbose_name=_("newsletter issue"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SendStatus.choices, default="draft"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    test_sent_at = models.DateTimeField(_("test sent"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    # Opens at the newsletter archive, not the tree root (members/widgets.py).
    panels = [FieldPanel("issue", widget=NewsletterIssueChooser)]

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.issue.title} ({self.get_status_display()})"

    @admin_display(description=_("actions"))
    def manage(self) -> str:
        url = reverse("members_newsletter_send", args=[self.pk])
        return format_html('<a href="{}">{}</a>', url, _("Test, send and progress"))


class NewsletterDelivery(models.Model):
    """One recipient of one send; the unique constraint is what stops a double delivery."""

    class DeliveryStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (unsubscribed)")

    send = models.ForeignKey(NewsletterSend, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default="pending"
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_by = models.CharField(_("claimed by"), max_length=100, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"


# --- Pages ---------------------------------------------------------------------------------


class MemberDirectoryPage(PublicPageMixin, Page):
    """The public A–Z directory of member organisations, with filters that work without JS."""

    page_description = _("The directory of member organisations.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.JoinPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("member directory page")
        verbose_name_plural = _("member directory pages")

    def serve(self, request, *args, **kwargs):
        from .directory import directory_context

        context = self.get_context(request, *args, **kwargs)
        extra, status = directory_context(self, request)
        context.update(extra)
        from django.template.response import TemplateResponse

        return TemplateResponse(request, self.get_template(request), context, status=status)


class FormPage(PublicPageMixin, Page):
    """Shared behaviour of the public form pages: intro text, consent text, thank-you text."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    thank_you = models.TextField(_("thank-you text"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you")]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs) -> str:
        """Every form page type shares one template (Wagtail's default is one per class)."""
        return "members/form_page.html"

    def serve(self, request, *args, **kwargs):
        from .views import serve_form_page

        return serve_form_page(self, request)


class JoinPage(FormPage):
    """ "Join as a member": stores a MembershipApplication and confirms receipt by e-mail."""

    page_description = _("The membership application form.")

    form_kind = "join"

    class Meta:
        verbose_name = _("join as a member page")
        verbose_name_plural = _("join as a member pages")


class SubscribePage(FormPage):
    """Newsletter subscription with double opt-in."""

    page_description = _("The newsletter subscription form.")

    form_kind = "subscribe"

    class Meta:
        verbose_name = _("newsletter subscription page")
        verbose_name_plural = _("newsletter subscription pages")


class ProposalPage(FormPage):
    """One "get involved" form: which kind of proposal it collects is chosen per page."""

    page_description = _("A form for proposing a webinar topic or a joint project.")

    kind = models.CharField(_("kind"), max_length=10, choices=Proposal.Kind.choices)

    content_panels = FormPage.content_panels + [FieldPanel("kind")]
    form_kind = "proposal"

    class Meta:
        verbose_name = _("get involved form page")
        verbose_name_plural = _("get involved form pages")


class WorkingGroupIndexPage(PublicPageMixin, Page):
    page_description = _("The list of working groups.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working group index page")
        verbose_name_plural = _("working group index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = (
            WorkingGroupPage.objects.child_of(self).live().select_related("chair").order_by("title")
        )
        return context


class WorkingGroupPage(PublicPageMixin, Page):
    """A working group of the network: purpose, chair, members, meetings and outputs."""

    page_description = _("One working group: its purpose, members and meetings.")

    class GroupStatus(models.TextChoices):
        PLANNED = "planned", _("Being set up")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    purpose = models.TextField(_("purpose"), max_length=1000)
    chair = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("chair organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GroupStatus.choices, default="active"
    )
    meeting_schedule = models.CharField(_("meeting schedule"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("An organisation-level address.")
    )
    outputs = StreamField(BodyStreamBlock(), verbose_name=_("documents and outputs"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("status"),
        FieldPanel("chair"),
        InlinePanel("memberships", label=_("member organisations")),
        FieldPanel("meeting_schedule"),
        FieldPanel("contact_email"),
        FieldPanel("outputs"),
    ]
    search_fields = Page.search_fields + [index.SearchField("purpose")]
    parent_page_types = ["members.WorkingGroupIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = [
            m.organisation
            for m in self.memberships.select_related("organisation").all()
            if m.organisation
        ]
        return context


class WorkingGroupMembership(Orderable):
    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]


class PartnerIndexPage(PublicPageMixin, Page):
    page_description = _("The list of partners.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner listing page")
        verbose_name_plural = _("partner listing pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = PartnerPage.objects.child_of(self).live().order_by("title")
        return context


class PartnerPage(PublicPageMixin, Page):
    """A partner service (Wenla, Innokylä): what it offers to companies and care organisations."""

    page_description = _("One partner organisation.")

    summary = models.TextField(_("summary"), max_length=600)
    for_companies = models.TextField(_("what it offers to companies"), blank=True, max_length=2000)
    for_care_organisations = models.TextField(
        _("what it offers to care organisations"), blank=True, max_length=2000
    )
    website = models.URLField(_("website"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("for_companies"),
        FieldPanel("for_care_organisations"),
        FieldPanel("website"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("for_companies"),
        index.SearchField("for_care_organisations"),
    ]
    parent_page_types = ["members.PartnerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
