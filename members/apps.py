"""Member organisations, joining, newsletter subscriptions, working groups and partners."""

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    label = "members"
    default_auto_field = "django.db.models.BigAutoField"
