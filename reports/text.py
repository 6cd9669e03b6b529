"""PDF text extraction, in the background: an upload only records that its text is wanted.

Saving a document whose file changed marks its :class:`~reports.models.DocumentText` "pending"
(the editor sees "Extracting text…"); the worker's ``pdf`` job (``manage.py run_worker``) reads
each pending PDF in a child process (``reports.pdf_extract``) limited in pages
(``PDF_EXTRACT_MAX_PAGES``), time (``PDF_EXTRACT_SECONDS``) and memory (``PDF_EXTRACT_MEMORY_MB``),
stores the text or the reason there is none, and re-indexes the live reports that attach the
document, so search finds them by the PDF's text. A crafted PDF that exceeds a limit is stopped
and recorded as such; it never slows an upload or the worker down for more than the time limit.

Extraction never raises and never blocks publishing. The search app reads the text through
:func:`document_text`.
"""

from __future__ import annotations

import io
import json
import logging
import resource
import subprocess
import sys
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents.models import AbstractDocument
from wagtail.utils.file import hash_filelike

from cms.worker import claim, worker_id

from .pdf_extract import read_pdf

logger = logging.getLogger(__name__)

BATCH_SIZE = 5


@dataclass(frozen=True)
class Extraction:
    status: str
    text: str = ""
    error: str = ""
    page_count: int | None = None


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def explain(status: str, detail: str = "", page_count: int | None = None) -> str:
    """What a status means for the editor, in the active language ("" when all is well)."""
    if status == "encrypted":
        return _(
            "The PDF is password-protected, so its text cannot be read for search or shown on "
            "the page. Upload a version without a password."
        )
    if status == "malformed":
        return _("The file could not be read as a PDF (%(error)s). Check that it opens.") % {
            "error": detail or "?"
        }
    if status == "no_text":
        return _(
            "No text was found in the PDF: it seems to contain scanned images only. Add a text "
            "version (or run OCR) so the report can be searched and read on the page."
        )
    if status == "limit":
        return _(
            "Reading the PDF's text was stopped: it needed more than %(seconds)s seconds or "
            "%(megabytes)s MB. The file is kept and can be published, but its text is not "
            "searchable. Save a simpler version of the PDF (e.g. “print to PDF”) and upload it."
        ) % {
            "seconds": _limit("PDF_EXTRACT_SECONDS", 60),
            "megabytes": _limit("PDF_EXTRACT_MEMORY_MB", 1024),
        }
    if status == "ok" and detail == "truncated":
        return _("Only the first %(pages)s pages were read for search.") % {
            "pages": _limit("PDF_EXTRACT_MAX_PAGES", 1000)
        }
    return ""


def _extraction(result: dict) -> Extraction:
    status = result["status"]
    detail = result.get("detail", "")
    if status == "ok" and (result.get("read_pages") or 0) < (result.get("pages") or 0):
        detail = "truncated"
    return Extraction(
        status,
        text=result.get("text", ""),
        error=explain(status, detail),
        page_count=result.get("pages"),
    )


def extract_pdf_text(data: bytes) -> Extraction:
    """Text of a PDF read in this process (trusted files only, e.g. the demo's), never raising."""
    return _extraction(read_pdf(data, _limit("PDF_EXTRACT_MAX_PAGES", 1000)))


def _apply_limits() -> None:  # runs in the child, between fork and exec
    memory = _limit("PDF_EXTRACT_MEMORY_MB", 1024) * 1024 * 1024
    seconds = _limit("PDF_EXTRACT_SECONDS", 60)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def extract_pdf_text_isolated(data: bytes) -> Extraction:
    """Text of an uploaded PDF, read in a child process under the page, time and memory limits."""
    seconds = _limit("PDF_EXTRACT_SECONDS", 60)
    command = [
        sys.executable,
        "-m",
        "reports.pdf_extract",
        str(_limit("PDF_EXTRACT_MAX_PAGES", 1000)),
    ]
    try:
        child = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=seconds,
            preexec_fn=_apply_limits,  # noqa: PLW1509 - no threads hold locks in the worker here
            cwd=settings.BASE_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning("PDF extraction stopped after %s s", seconds)
        return Extraction("limit", error=explain("limit"))
    if child.returncode != 0:
        # Killed by RLIMIT_CPU, or a MemoryError under RLIMIT_AS: the limits were reached.
        logger.warning("PDF extraction child ended with %s", child.returncode)
        return Extraction("limit", error=explain("limit"))
    try:
        return _extraction(json.loads(child.stdout))
    except ValueError:
        return Extraction("limit", error=explain("limit"))


def _is_pdf(document: AbstractDocument) -> bool:
    return (document.file_extension or "").lower() == "pdf"


def _read(document: AbstractDocument) -> bytes | None:
    try:
        with document.open_file() as f:
            return f.read()
    except Exception:  # noqa: BLE001 - a missing file is recorded, not raised
        logger.warning("Could not read the file of document %s", document.pk, exc_info=True)
        return None


def request_extraction(document: AbstractDocument, force: bool = False):
    """Mark the document's text as wanted if its file changed; returns the DocumentText.

    Cheap enough for the upload request: the file is hashed, not parsed. The file's hash is
    compared with the one stored at the last extraction, so a title change re-reads nothing.
    """
    from .models import DocumentText

    if not document.file:
        return None
    data = _read(document)
    file_hash = hash_filelike(io.BytesIO(data)) if data else ""
    existing = DocumentText.objects.filter(document=document).first()
    if existing is not None and existing.file_hash == file_hash and file_hash and not force:
        return existing
    if data is None:
        status, error = DocumentText.Status.MALFORMED, explain("malformed", "file missing")
    elif _is_pdf(document):
        status, error = DocumentText.Status.PENDING, ""
    else:
        status, error = DocumentText.Status.UNSUPPORTED, ""
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": "",
            "status": status,
            "error": error,
            "file_hash": file_hash,
            "page_count": None,
            "claimed_until": None,
        },
    )
    reindex_pages_using(document)  # the old file's text leaves search now
    return record


def _store(record, result: Extraction, worker: str) -> bool:
    """Save a result unless the file changed meanwhile (then the new file waits its turn)."""
    from .models import DocumentText

    return bool(
        DocumentText.objects.filter(
            pk=record.pk, claimed_by=worker, file_hash=record.file_hash, status="pending"
        ).update(
            text=result.text,
            status=result.status,
            error=result.error,
            page_count=result.page_count,
            claimed_until=None,
            extracted_at=timezone.now(),
        )
    )


def _extract_claimed(ids: list[int], worker: str, isolated: bool) -> int:
    from .models import DocumentText

    for record in DocumentText.objects.filter(pk__in=ids).select_related("document"):
        document = record.document
        data = _read(document)
        if data is None:
            result = Extraction("malformed", error=explain("malformed", "file missing"))
        elif isolated:
            result = extract_pdf_text_isolated(data)
        else:
            result = extract_pdf_text(data)
        if _store(record, result, worker):
            reindex_pages_using(document)
    return len(ids)


def extract_pending(limit: int | None = None, isolated: bool = True) -> int:
    """Worker job: extract the pending documents; returns how many were handled."""
    from .models import DocumentText

    worker = worker_id()
    handled = 0
    while limit is None or handled < limit:
        now = timezone.now()
        ready = DocumentText.objects.filter(status="pending").filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        )
        ids = claim(ready, limit=BATCH_SIZE, worker=worker)
        if not ids:
            break
        handled += _extract_claimed(ids, worker, isolated)
    return handled


def extract_now(document: AbstractDocument, isolated: bool = True, force: bool = False):
    """Extract one document's text at once (demo loader, re-extraction by hand)."""
    from .models import DocumentText

    record = request_extraction(document, force=force)
    if record is not None and record.status == DocumentText.Status.PENDING:
        worker = worker_id()
        ids = claim(
            DocumentText.objects.filter(pk=record.pk, status="pending"), limit=1, worker=worker
        )
        _extract_claimed(ids, worker, isolated)
        record.refresh_from_db()
    return record


def reindex_pages_using(document: AbstractDocument) -> None:
    """Re-index the live reports that attach ``document``: their search text includes its text.

    Called when the document's text changes (extracted, or its file replaced) and when it is
    deleted, so search finds a report by the text of the PDF it has now, never by one it had.
    """
    from search import service

    from .models import ReportPage

    for page in ReportPage.objects.live().filter(files__document=document).distinct():
        service.index_page(page)


def on_document_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save receiver for the document model; never lets an error escape."""
    if raw:
        return
    try:
        request_extraction(instance)
    except Exception:  # noqa: BLE001 - uploading must never fail because of extraction
        logger.exception("Could not queue text extraction for document %s", instance.pk)


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
