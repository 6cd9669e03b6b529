"""Sign-ups for events with capacity, closing time and a waiting list.

Seats are counted inside one transaction that first locks the event's ``RegistrationLock`` row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the project opens write transactions IMMEDIATE,
which serialises writers). Two people racing for the last seat are therefore served one after the
other: one gets the seat, the other the waiting list. Registrations are per event across its
language versions (counted by ``translation_key``).

One e-mail address holds at most one active (confirmed or waiting) registration per event: the
check under the lock gives the visitor a clear answer, and a partial unique constraint on
(event, lower-cased e-mail) keeps it true even for writes that bypass this module.

Mails (confirmation with the .ics and cancel link, waiting-list promotion, "already registered"
with the cancel link) are sent with Django's mail API inside the registration's transaction.
``EMAIL_BACKEND`` is the project's mail queue, so that only stores them; they go out after commit
or from the worker, and a mail-server failure never loses a registration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.links import public_page_url, public_url

from .calendar import build_calendar, ics_filename
from .models import EventPage, Registration, RegistrationLock, RegistrationMode

CANCEL_SALT = "events.registration.cancel"


class RegistrationClosed(Exception):
    """Registration is not (or no longer) open for this event."""


class EventFull(Exception):
    """No seat left and the event has no waiting list."""


class AlreadyRegistered(Exception):
    """This e-mail address already holds an active registration for the event."""

    def __init__(self, registration: Registration):
        super().__init__(registration.pk)
        self.registration = registration


@dataclass
class RegistrationData:
    name: str
    email: str
    organisation: str = ""
    consent: bool = True


def _lock(event: EventPage) -> RegistrationLock:
    """Lock (creating on first use) the row that serialises sign-ups for this event."""
    key = event.translation_key
    try:
        with transaction.atomic():
            RegistrationLock.objects.get_or_create(event_key=key)
    except IntegrityError:  # another request created it at the same moment
        pass
    return RegistrationLock.objects.select_for_update().get(event_key=key)


def confirmed_count(event: EventPage) -> int:
    return Registration.objects.filter(
        event_key=event.translation_key, status=Registration.Status.CONFIRMED
    ).count()


def register(
    event: EventPage,
    data: RegistrationData,
    language: str = "fi",
    now: datetime | None = None,
) -> Registration:
    """Create a confirmed or waiting-list registration; raise when closed or full."""
    now = now or timezone.now()
    if event.registration_mode != RegistrationMode.FORM or not event.registration_open(now):
        raise RegistrationClosed
    email = data.email.strip().lower()
    try:
        with transaction.atomic():
            _lock(event)
            existing = active_registration(event, email)
            if existing is not None:
                raise AlreadyRegistered(existing)
            has_seat = event.capacity is None or confirmed_count(event) < event.capacity
            if not has_seat and not event.waiting_list:
                raise EventFull
            registration = _create(event, data, email, language, has_seat)
            send_confirmation(registration)
            return registration
    except AlreadyRegistered as refused:
        # Queued outside the refused transaction, which rolls back whatever it wrote.
        send_already_registered(refused.registration, language)
        raise


def _create(
    event: EventPage, data: RegistrationData, email: str, language: str, has_seat: bool
) -> Registration:
    try:
        with transaction.atomic():
            return Registration.objects.create(
                event=event,
                event_key=event.translation_key,
                name=data.name,
                email=email,
                organisation=data.organisation,
                consent=data.consent,
                language=language,
                status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING,
            )
    except IntegrityError as exc:  # the unique constraint: a write that bypassed the lock
        existing = active_registration(event, email)
        if existing is None:
            raise
        raise AlreadyRegistered(existing) from exc


def active_registration(event: EventPage, email: str) -> Registration | None:
    """The confirmed or waiting registration of ``email`` for the event, in any language."""
    return (
        Registration.objects.filter(event_key=event.translation_key, email__iexact=email.strip())
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .first()
    )


def cancel(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list (returned)."""
    promoted = None
    with transaction.atomic():
        _lock(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return None
        was_confirmed = current.status == Registration.Status.CONFIRMED
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        event = current.event
        if was_confirmed and (event.capacity is None or confirmed_count(event) < event.capacity):
            promoted = (
                Registration.objects.filter(
                    event_key=current.event_key, status=Registration.Status.WAITING
                )
                .order_by("created_at", "pk")
                .first()
            )
            if promoted is not None:
                promoted.status = Registration.Status.CONFIRMED
                promoted.save(update_fields=["status"])
                send_confirmation(promoted)
    registration.refresh_from_db()
    return promoted


def cancel_token(registration: Registration) -> str:
    return signing.dumps(str(registration.token), salt=CANCEL_SALT)


def registration_for_token(token: str) -> Registration | None:
    """The registration a signed cancellation link refers to, or None for a bad/forged link."""
    try:
        value = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.filter(token=value).select_related("event").first()


def cancel_url(registration: Registration) -> str:
    """The signed cancellation link on the public site (``PUBLIC_BASE_URL``)."""
    with translation.override(registration.language):
        path = reverse("events:cancel_registration", kwargs={"token": cancel_token(registration)})
    return public_url(path)


def send_confirmation(registration: Registration) -> None:
    """Send (that is, queue) the confirmation or waiting-list notice, with the .ics attached."""
    event = registration.event
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "start": timezone.localtime(event.start),
            "end": timezone.localtime(event.end),
            "cancel_url": cancel_url(registration),
            "page_url": public_page_url(event),
            "online_link": event.online_link
            if registration.status == Registration.Status.CONFIRMED
            else "",
        }
        if registration.status == Registration.Status.CONFIRMED:
            subject = _("Registration confirmed: %(title)s") % {"title": event.title}
        else:
            subject = _("You are on the waiting list: %(title)s") % {"title": event.title}
        body = render_to_string("events/email/registration.txt", context)
    message = EmailMessage(subject, body, to=[registration.email])
    message.purpose = "event-registration"  # shown in the mail queue's listing
    if registration.status == Registration.Status.CONFIRMED:
        ics = build_calendar([event], include_private_link=True)
        message.attach(ics_filename(event), ics, "text/calendar")
    message.send()


def send_already_registered(registration: Registration, language: str) -> None:
    """Queue a reminder of the existing registration with its cancel link, in ``language``.

    The visitor who tried again may not be the address's owner, so the link goes only to the
    address, never onto the page.
    """
    event = registration.event
    with translation.override(language):
        localized = event.localized
        context = {
            "registration": registration,
            "event": localized,
            "start": timezone.localtime(event.start),
            "cancel_url": cancel_url(registration),
            "page_url": public_page_url(localized),
        }
        subject = _("You are already registered: %(title)s") % {"title": localized.title}
        body = render_to_string("events/email/already_registered.txt", context)
    message = EmailMessage(subject, body, to=[registration.email])
    message.purpose = "event-already-registered"
    message.send()
