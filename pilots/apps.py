"""AI pilot projects, their liaison updates, impact indicators and funding calls."""

from django.apps import AppConfig


class PilotsConfig(AppConfig):
    name = "pilots"
    label = "pilots"
    default_auto_field = "django.db.models.BigAutoField"
