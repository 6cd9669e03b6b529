"""Reports with their PDF documents, the extracted text of those PDFs, and the use-case catalogue.

Report files stay ordinary Wagtail documents (``wagtaildocs.Document``); the text pypdf extracts
from them lives beside them in :class:`DocumentText`, so documents uploaded anywhere on the site
become searchable without a custom document model.

The models live in one module per concern; this package re-exports every name, so
``from reports.models import X`` and the migrations keep working.
"""

from .catalogue import UseCase, UseCaseCatalogPage, UseCaseCategory, UseCasePilot
from .documents import LANGUAGE_CHOICES, DocumentText
from .pages import (
    ReportFile,
    ReportIndexPage,
    ReportPage,
    ReportPublisher,
    ReportRelatedPilot,
    ReportRelatedReport,
    ReportTheme,
)

__all__ = [
    "DocumentText",
    "LANGUAGE_CHOICES",
    "ReportFile",
    "ReportIndexPage",
    "ReportPage",
    "ReportPublisher",
    "ReportRelatedPilot",
    "ReportRelatedReport",
    "ReportTheme",
    "UseCase",
    "UseCaseCatalogPage",
    "UseCaseCategory",
    "UseCasePilot",
]
