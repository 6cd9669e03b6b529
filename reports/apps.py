"""Reports with their PDF documents and the use-case catalogue."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from .text import on_document_saved

        post_save.connect(
            on_document_saved,
            sender=get_document_model(),
            dispatch_uid="reports.document_text",
        )
