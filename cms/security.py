"""Upload checks (the login lockout is in ``cms.lockout``).

Documents: the extension alone proves nothing (a renamed HTML file is still HTML), so each
allowed type is checked by its content — PDF by its ``%PDF-`` header, Office Open XML by the
``[Content_Types].xml`` part of its zip, OpenDocument by its ``mimetype`` entry, CSV and text by
decoding as UTF-8 — and the size and file name are limited. Images are limited by
``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` and ``WAGTAILIMAGES_EXTENSIONS`` (no SVG) in settings.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

OOXML_MAIN_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
TEXT_TYPES = {"csv", "txt"}
MAX_FILENAME_STEM = 80


def sanitise_filename(name: str) -> str:
    """An ASCII, path-free, lower-case-extension name such as ``vuosiraportti-2025.pdf``."""
    base = PurePosixPath(name.replace("\\", "/")).name
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = slugify(stem)[:MAX_FILENAME_STEM].strip("-_") or "document"
    extension = "".join(ch for ch in extension.lower() if ch.isalnum())[:10]
    return f"{stem}.{extension}" if extension else stem


def _read_all(file: UploadedFile) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def _zip_names(data: bytes) -> tuple[zipfile.ZipFile, list[str]] | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return archive, archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def content_matches_extension(data: bytes, extension: str) -> bool:
    """True when the bytes really are a file of the type the extension claims."""
    extension = extension.lower()
    if extension == "pdf":
        return data[:1024].lstrip(b"\r\n\t \x00\xef\xbb\xbf").startswith(b"%PDF-")
    if extension in OOXML_MAIN_PART:
        opened = _zip_names(data)
        if opened is None:
            return False
        _, names = opened
        prefix = OOXML_MAIN_PART[extension]
        return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
    if extension in ODF_MIMETYPES:
        opened = _zip_names(data)
        if opened is None:
            return False
        archive, names = opened
        if not names or names[0] != "mimetype":
            return False
        try:
            declared = archive.read("mimetype").decode("ascii").strip()
        except (KeyError, UnicodeDecodeError, zipfile.BadZipFile, OSError):
            return False
        return declared == ODF_MIMETYPES[extension]
    if extension in TEXT_TYPES:
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return False
        return True
    return False


def validate_document_upload(file: UploadedFile) -> None:
    """Raise ValidationError unless ``file`` is an allowed type by content and within size."""
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit and file.size and file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    extension = PurePosixPath(file.name or "").suffix.lstrip(".").lower()
    allowed = [e.lower() for e in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [])]
    if extension not in allowed:
        raise ValidationError(
            _("This file type is not allowed. Allowed types: %(types)s."),
            code="file_type_not_allowed",
            params={"types": ", ".join(allowed)},
        )
    if not content_matches_extension(_read_all(file), extension):
        raise ValidationError(
            _("The file's content is not a valid .%(extension)s file."),
            code="file_content_mismatch",
            params={"extension": extension},
        )


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form with content, size and file-name checks on new uploads."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            validate_document_upload(file)
            file.name = sanitise_filename(file.name)
        return file
