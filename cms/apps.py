"""Cross-cutting parts used by several apps: blocks, taxonomies, settings, demo content."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "SOTE-tekoäly CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import (
            headers,  # noqa: F401  (registers the frame-options deploy check)
            lockout,  # noqa: F401  (connects the login-failure signal receivers)
            planner_statistics,
            shared_cache,  # noqa: F401  (registers the Redis deploy check)
        )
        from cms.cache import connect_signals, register_public_models

        planner_statistics.register()

        connect_signals()
        register_public_models("cms.Region", "cms.Theme", "cms.SiteSettings")
