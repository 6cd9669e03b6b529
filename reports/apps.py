"""Reports with their PDF documents and the use-case catalogue."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_delete
        from wagtail.documents import get_document_model

        from cms.cache import register_public_models

        from .text import on_document_deleted, on_document_deleting, on_document_saved

        register_public_models("reports.UseCase", "reports.UseCaseCategory")
        document_model = get_document_model()
        post_save.connect(
            on_document_saved, sender=document_model, dispatch_uid="reports.document_text"
        )
        # A deleted document's text leaves the search index of the reports that attached it.
        pre_delete.connect(
            on_document_deleting, sender=document_model, dispatch_uid="reports.document_deleting"
        )
        post_delete.connect(
            on_document_deleted, sender=document_model, dispatch_uid="reports.document_deleted"
        )

        from cms.worker import register_job

        from .text import extract_pending

        register_job("pdf", extract_pending, every=5)
