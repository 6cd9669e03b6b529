"""The extracted text of uploaded documents (any Wagtail document, not only reports)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


class DocumentText(models.Model):
    """The text pypdf found in a document, or why it found none (never blocks publishing).

    Also the queue of the background extraction: "pending" rows are claimed by the worker's
    ``pdf`` job (``claimed_by``/``claimed_until``, see ``reports.text``).
    """

    class Status(models.TextChoices):
        OK = "ok", _("Text extracted")
        ENCRYPTED = "encrypted", _("Encrypted: the PDF is password-protected")
        NO_TEXT = "no_text", _("No text: the PDF seems to be scanned images only")
        MALFORMED = "malformed", _("Malformed: the file could not be read as a PDF")
        UNSUPPORTED = "unsupported", _("Not a PDF: no text extracted")
        PENDING = "pending", _("Extracting text… (reload the page in a moment)")
        LIMIT = "limit", _("Stopped: reading the PDF took too long or too much memory")

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="extracted_text",
        verbose_name=_("document"),
    )
    text = models.TextField(_("extracted text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    error = models.TextField(_("error message"), blank=True)
    file_hash = models.CharField(_("file hash"), max_length=64, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)
    claimed_by = models.CharField(_("claimed by"), max_length=100, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.status}"

    @property
    def ok(self) -> bool:
        return self.status == self.Status.OK
