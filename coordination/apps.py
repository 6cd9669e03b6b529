"""Pilot coordination: milestones, progress reports, dashboard, evaluation export, legislation."""

from __future__ import annotations

import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class CoordinationConfig(AppConfig):
    name = "coordination"
    label = "coordination"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.cache import register_public_models

        add_milestones_panel()
        # Approved reports' public text and public legislative needs show on pilot pages.
        register_public_models("coordination.ProgressReport", "coordination.LegislativeNeed")


def add_milestones_panel() -> None:
    """Append the milestones inline to the pilot's content panels.

    Wagtail builds and caches a page's edit handler on first use (after app loading), so
    extending ``content_panels`` here is picked up cleanly. A pilot page that defines its own
    ``edit_handler`` (e.g. tabs) is left alone: then add ``InlinePanel("milestones")`` there.
    """
    from django.apps import apps
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.panels import InlinePanel

    pilot_page = apps.get_model("pilots", "PilotPage")
    if "edit_handler" in pilot_page.__dict__:
        logger.warning("PilotPage defines edit_handler: add InlinePanel('milestones') to it.")
        return
    panels = list(pilot_page.content_panels)
    if any(getattr(p, "relation_name", None) == "milestones" for p in panels):
        return
    pilot_page.content_panels = panels + [
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone"))
    ]
