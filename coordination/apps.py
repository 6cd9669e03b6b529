"""Pilot coordination: milestones, progress reports, dashboard, evaluation export, legislation."""

from __future__ import annotations

from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    """The milestones inline on the pilot's edit form is declared on ``pilots.PilotPage``."""

    name = "coordination"
    label = "coordination"
    default_auto_field = "django.db.models.BigAutoField"
