"""The AI transparency register (Algorithmic Transparency Standard 0.3.1 + EU AI Act fields)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AIRegisterConfig(AppConfig):
    name = "airegister"
    label = "airegister"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("AI register")

    def ready(self) -> None:
        from cms.cache import register_public_models

        from . import jobs

        jobs.register()
        # Records and the index are pages (every publish invalidates). The register's filter
        # shows region names; feedback and reminders are private records and never invalidate.
        register_public_models("cms.Region")
