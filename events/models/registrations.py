"""Sign-ups for events: the per-event registration lock and the registrations."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .pages import EventPage


class RegistrationLock(models.Model):
    """One row per event (by translation key) that registrations lock while counting seats.

    Every sign-up for the event takes ``SELECT … FOR UPDATE`` on this row inside one transaction,
    so two people racing for the last seat are served one after the other.
    """

    event_key = models.UUIDField(unique=True)

    def __str__(self) -> str:
        return str(self.event_key)


class Registration(models.Model):
    """A person signed up through the on-site form. Purged after the retention period."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    event_key = models.UUIDField(db_index=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    language = models.CharField(_("language"), max_length=10, default="fi")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active (confirmed or waiting) registration per e-mail address and event.
            models.UniqueConstraint(
                Lower("email"),
                "event_key",
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_email",
                violation_error_message=_(
                    "This e-mail address is already registered for this event."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    def save(self, *args: Any, **kwargs: Any):
        # Staff may add a participant by hand in the admin, where event_key is not a form field.
        if self.event_id and not self.event_key:
            self.event_key = self.event.translation_key
        return super().save(*args, **kwargs)

    def event_title(self) -> str:
        return self.event.title

    def event_start(self) -> datetime:
        return self.event.start
