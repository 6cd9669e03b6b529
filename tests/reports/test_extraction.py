"""PDF text extraction: broken and encrypted uploads are kept, reported, and never block publishing."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection

from reports.models import DocumentText, ReportFile, ReportPublisher
from reports.pdf import make_pdf
from reports.text import extract_pdf_text
from tests.factories import ReportPageFactory

pytestmark = pytest.mark.django_db

SENTENCE = "Tietosuojan vaikutustenarviointi tehdään ennen kokeilun käynnistämistä."


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Salainen", [SENTENCE]))))
    writer.encrypt(user_password="salasana", owner_password="omistaja")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CORRUPT = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> this is not really a PDF"


def upload(client, title: str, data: bytes, filename: str):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, data, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
        follow=True,
    )


@pytest.mark.parametrize(
    ("data", "status", "phrase"),
    [
        (encrypted_pdf(), DocumentText.Status.ENCRYPTED, "suojattu salasanalla"),
        (CORRUPT, DocumentText.Status.MALFORMED, "lukea PDF:nä"),
    ],
)
def test_bad_upload_is_kept_and_editor_is_told(admin_client, data, status, phrase):
    response = upload(admin_client, "Ongelmallinen raportti", data, "ongelma.pdf")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ongelmallinen raportti" in html
    # the editor works in Finnish (the site's default language)
    assert "sen tekstiä ei voitu poimia" in html and phrase in html
    document = get_document_model().objects.get(title="Ongelmallinen raportti")
    assert document.extracted_text.status == status
    assert document.extracted_text.text == ""


def test_good_upload_stores_text_without_warning(admin_client):
    response = upload(admin_client, "Hyvä raportti", make_pdf("Hyvä", [SENTENCE]), "hyva.pdf")
    assert "ei voitu poimia" not in response.content.decode()
    document = get_document_model().objects.get(title="Hyvä raportti")
    assert SENTENCE in " ".join(document.extracted_text.text.split())


def test_replacing_the_file_reextracts_and_title_edit_does_not():
    document = get_document_model()(
        title="Vaihdettava",
        file=SimpleUploadedFile("vaihdettava.pdf", make_pdf("A", ["Ensimmäinen versio."])),
    )
    document.save()
    first = document.extracted_text.extracted_at
    document.title = "Vaihdettava (uusi nimi)"
    document.save()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.extracted_at == first
    document.file = SimpleUploadedFile("vaihdettava2.pdf", make_pdf("A", ["Toinen versio."]))
    document.save()
    document.extracted_text.refresh_from_db()
    assert "Toinen versio." in document.extracted_text.text


def test_image_only_pdf_reports_no_text():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    with translation.override("en"):
        result = extract_pdf_text(out.getvalue())
    assert result.status == DocumentText.Status.NO_TEXT
    assert "scanned images" in result.error


def test_page_with_encrypted_pdf_publishes_and_editor_sees_status(admin_client, client):
    document = get_document_model()(
        title="Salattu liite", file=SimpleUploadedFile("salattu.pdf", encrypted_pdf())
    )
    document.save()
    page = ReportPageFactory(
        title="Raportti salatulla liitteellä",
        slug="salattu-raportti",
        publication_date=datetime.date(2025, 1, 1),
        abstract="Tiivistelmä.",
        publishers=[ReportPublisher(name_text="DigiFinland Oy")],
        files=[ReportFile(document=document, language="fi")],
    )
    assert page.live
    public = client.get(page.url)
    assert public.status_code == 200
    assert "Salattu liite" in public.content.decode()
    assert "<details" not in public.content.decode()  # no text to read on the page
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert "suojattu salasanalla" in edit.content.decode()
