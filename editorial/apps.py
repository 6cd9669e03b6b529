"""Editorial roles, live page rights for liaisons/translators, workflow and translation status."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import permissions, signals

        permissions.install()
        signals.connect()
        post_migrate.connect(signals.grant_snippet_permissions, sender=self)

        from . import jobs

        jobs.register()
