"""Pilot coordination: milestones, progress reports, dashboard, evaluation export, legislation."""

from __future__ import annotations

from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    """The milestones inline on the pilot's edit form is declared on ``pilots.PilotPage``."""

    name = "coordination"
    label = "coordination"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import jobs

        jobs.register()

        from cms.cache import register_public_models

        # Approved reports' public text and public legislative needs show on pilot pages.
        register_public_models("coordination.ProgressReport", "coordination.LegislativeNeed")
