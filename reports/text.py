"""PDF text extraction with pypdf: run when a document is uploaded or its file replaced.

A replaced file's new text reaches site search at once: the live reports that attach the
document are re-indexed (and again when the document is deleted).

Extraction never raises. Whatever goes wrong (a password, scanned pages without text, a broken
file) is stored as a status with a readable message, shown to the editor, and publishing goes on.
The search app reads the text through :func:`document_text`.
"""

from __future__ import annotations

import io
import logging
import threading
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.documents.models import AbstractDocument
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 2_000_000  # a sanity cap: a 500-page report is well below this

_outbox = threading.local()


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""
    error: str = ""
    page_count: int | None = None


def extract_pdf_text(data: bytes) -> Extraction:
    """Text of a PDF given as bytes, or the reason there is none. Never raises."""
    from pypdf import PdfReader

    from .models import DocumentText

    status = DocumentText.Status
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An owner-password-only PDF opens with the empty user password; keep its text.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for odd crypto
                opened = 0
            if not opened:
                return Extraction(
                    status.ENCRYPTED,
                    error=_(
                        "The PDF is password-protected, so its text cannot be read for search "
                        "or shown on the page. Upload a version without a password."
                    ),
                )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
        logger.info("PDF text extraction failed: %s", exc)
        return Extraction(
            status.MALFORMED,
            error=_("The file could not be read as a PDF (%(error)s). Check that it opens.")
            % {"error": str(exc)[:200] or exc.__class__.__name__},
        )
    text = "\n\n".join(p for p in pages if p)[:MAX_TEXT_CHARS]
    if not text.strip():
        return Extraction(
            status.NO_TEXT,
            page_count=len(pages),
            error=_(
                "No text was found in the PDF: it seems to contain scanned images only. Add a "
                "text version (or run OCR) so the report can be searched and read on the page."
            ),
        )
    return Extraction(status.OK, text=text, page_count=len(pages))


def _is_pdf(document: AbstractDocument) -> bool:
    return (document.file_extension or "").lower() == "pdf"


def update_document_text(document: AbstractDocument, force: bool = False):
    """Extract and store the document's text if its file changed; returns the DocumentText.

    The file's hash is compared with the one stored at the last extraction, so saving a title
    change does not re-read the PDF.
    """
    from .models import DocumentText

    if not document.file:
        return None
    try:
        with document.open_file() as f:
            data = f.read()
    except Exception as exc:  # noqa: BLE001 - a missing file is recorded, not raised
        result = Extraction(DocumentText.Status.MALFORMED, error=str(exc)[:200])
        data = b""
    else:
        result = None
    file_hash = hash_filelike(io.BytesIO(data)) if data else ""
    existing = DocumentText.objects.filter(document=document).first()
    if existing is not None and existing.file_hash == file_hash and file_hash and not force:
        return existing
    if result is None:
        if _is_pdf(document):
            result = extract_pdf_text(data)
        else:
            result = Extraction(DocumentText.Status.UNSUPPORTED)
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": result.text,
            "status": result.status,
            "error": result.error,
            "file_hash": file_hash,
            "page_count": result.page_count,
        },
    )
    if result.status not in (DocumentText.Status.OK, DocumentText.Status.UNSUPPORTED):
        _queue_message(document, result)
    reindex_pages_using(document)
    return record


def reindex_pages_using(document: AbstractDocument) -> None:
    """Re-index the live reports that attach ``document``: their search text includes its text.

    Called when the document's text changes (its file was replaced) and when it is deleted, so
    search finds a report by the text of the PDF it has now, never by a PDF it had.
    """
    from search import service

    from .models import ReportPage

    for page in ReportPage.objects.live().filter(files__document=document).distinct():
        service.index_page(page)


def _queue_message(document: AbstractDocument, result: Extraction) -> None:
    """Remember a problem for the current admin request (see ``reports.middleware``)."""
    pending = getattr(_outbox, "messages", None)
    if pending is not None:
        pending.append(
            _("“%(title)s” was saved, but its text could not be extracted: %(error)s")
            % {"title": document.title, "error": result.error}
        )


def start_collecting() -> None:
    _outbox.messages = []


def stop_collecting() -> list[str]:
    messages = getattr(_outbox, "messages", None) or []
    _outbox.messages = None
    return messages


def on_document_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save receiver for the document model; never lets an extraction error escape."""
    if raw:
        return
    try:
        update_document_text(instance)
    except Exception:  # noqa: BLE001 - uploading must never fail because of extraction
        logger.exception("Could not store extracted text for document %s", instance.pk)


def on_document_deleted(sender, instance, **kwargs) -> None:
    """post_delete receiver: the reports that attached the document lose its text from search.

    The report files that pointed at the document were deleted with it (a cascade), so the
    reports are found through the ids remembered by :func:`on_document_deleting`.
    """
    from search import service

    from .models import ReportPage

    page_ids = getattr(instance, "_reports_to_reindex", [])
    try:
        for page in ReportPage.objects.live().filter(pk__in=page_ids):
            service.index_page(page)
    except Exception:  # noqa: BLE001 - deleting must never fail because of the index
        logger.exception("Could not re-index the reports of deleted document %s", instance.pk)


def on_document_deleting(sender, instance, **kwargs) -> None:
    """pre_delete receiver: remember which reports attach the document before it goes."""
    from .models import ReportFile

    instance._reports_to_reindex = list(
        ReportFile.objects.filter(document=instance).values_list("page_id", flat=True).distinct()
    )


def document_text(document: AbstractDocument) -> str:
    """The extracted text of ``document`` ("" if none): what the search app indexes."""
    from .models import DocumentText

    record = DocumentText.objects.filter(document=document, status="ok").only("text").first()
    return record.text if record else ""
