"""AI pilot projects, their liaison updates, impact indicators and funding calls."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "pilots"
    label = "pilots"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Pilots")

    def ready(self) -> None:
        from cms.sections import FrontPageSection, register_front_page_section

        from .sections import latest_updates, updates_url

        register_front_page_section(
            FrontPageSection(
                key="pilot-updates",
                title=_("Latest pilot updates"),
                template="pilots/includes/front_updates.html",
                items=latest_updates,
                order=20,
                limit=3,
                more_url=updates_url,
            )
        )
