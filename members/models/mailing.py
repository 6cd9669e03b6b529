"""The e-mail outbox and newsletter sends with their per-subscriber deliveries."""

from __future__ import annotations

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..widgets import NewsletterIssueChooser
from .submissions import Subscriber


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
