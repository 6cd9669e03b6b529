"""AI-aamu webinars and member events with calendars."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    label = "events"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Events")

    def ready(self) -> None:
        from cms.sections import FrontPageSection, register_front_page_section

        from .queries import front_page_events, index_url

        register_front_page_section(
            FrontPageSection(
                key="upcoming-events",
                title=_("Upcoming events"),
                template="events/front_section.html",
                items=front_page_events,
                order=30,
                limit=3,
                more_url=index_url,
            )
        )
