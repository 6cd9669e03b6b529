"""Events: AI-aamu webinars, seminars, workshops and member events, with calendars and sign-ups.

Times are stored timezone-aware (UTC in the database) and shown in Europe/Helsinki time. The
calendar identity of an event (its iCalendar UID) follows the page's ``translation_key`` so the
same event keeps one UID in every language; ``ical_sequence`` grows whenever a published change
moves the event in time or place, so calendar clients replace their copy instead of adding one.

The models live in one module per concern; this package re-exports every name, so
``from events.models import X`` and the migrations keep working.
"""

from .pages import (
    SCHEDULE_FIELDS,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventType,
    LinkVisibility,
    RegistrationMode,
)
from .registrations import Registration, RegistrationLock
from .rows import EventAgendaItem, EventSpeaker, EventTheme

__all__ = [
    "EventAgendaItem",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "EventSeriesPage",
    "EventSpeaker",
    "EventTheme",
    "EventType",
    "LinkVisibility",
    "Registration",
    "RegistrationLock",
    "RegistrationMode",
    "SCHEDULE_FIELDS",
]
