"""Admin panel that tells editors what happened when the report's PDFs were read for text."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class DocumentTextPanel(Panel):
    """Read-only: each report file with its text-extraction status and any error message.

    Extraction problems never block saving or publishing; this panel is where editors see them.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/admin/document_text_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rows = []
            instance = self.instance
            if instance is not None and instance.pk:
                for report_file in instance.files.select_related(
                    "document", "document__extracted_text"
                ):
                    document = report_file.document
                    rows.append(
                        {
                            "document": document,
                            "result": getattr(document, "extracted_text", None),
                        }
                    )
            context["rows"] = rows
            return context
