"""AI-aamu webinars and member events with calendars."""

from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    label = "events"
    default_auto_field = "django.db.models.BigAutoField"
