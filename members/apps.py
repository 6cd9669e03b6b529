"""Member organisations, joining, newsletter subscriptions, working groups and partners."""

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    label = "members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.cache import register_public_models
        from cms.sections import register_front_page_section

        from .sections import SECTION

        register_front_page_section(SECTION)

        from . import jobs

        jobs.register()
        # Shown on public pages; subscribers, applications, consent records and the mail queue
        # are private records and never invalidate the page cache.
        register_public_models("members.MemberOrganisation", "members.ConsentText")
