"""PDF text extraction: broken and encrypted uploads are kept, reported, and never block publishing."""

from __future__ import annotations

import datetime
import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo.build.pdf import make_pdf
from reports.models import DocumentText, ReportFile, ReportPage, ReportPublisher
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


def run_pdf_worker() -> None:
    """What the worker's ``pdf`` job does: extract every pending document (in a child process)."""
    call_command("run_worker", once=True, only="pdf", verbosity=0)


@pytest.mark.parametrize(
    ("data", "status", "phrase"),
    [
        (encrypted_pdf(), DocumentText.Status.ENCRYPTED, "suojattu salasanalla"),
        (CORRUPT, DocumentText.Status.MALFORMED, "lukea PDF:nä"),
    ],
)
def test_bad_upload_is_kept_and_its_problem_recorded(admin_client, data, status, phrase):
    response = upload(admin_client, "Ongelmallinen raportti", data, "ongelma.pdf")
    assert response.status_code == 200
    assert "Ongelmallinen raportti" in response.content.decode()
    document = get_document_model().objects.get(title="Ongelmallinen raportti")
    assert document.extracted_text.status == DocumentText.Status.PENDING  # not read in the request
    run_pdf_worker()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.status == status
    assert document.extracted_text.text == ""
    assert phrase in document.extracted_text.error  # in the site's language (Finnish)


def test_good_upload_stores_text_after_the_worker_runs(admin_client):
    upload(admin_client, "Hyvä raportti", make_pdf("Hyvä", [SENTENCE]), "hyva.pdf")
    document = get_document_model().objects.get(title="Hyvä raportti")
    assert document.extracted_text.text == ""
    run_pdf_worker()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.status == DocumentText.Status.OK
    assert SENTENCE in " ".join(document.extracted_text.text.split())


def test_replacing_the_file_reextracts_and_title_edit_does_not():
    document = get_document_model()(
        title="Vaihdettava",
        file=SimpleUploadedFile("vaihdettava.pdf", make_pdf("A", ["Ensimmäinen versio."])),
    )
    document.save()
    run_pdf_worker()
    document.extracted_text.refresh_from_db()
    first = document.extracted_text.extracted_at
    document.title = "Vaihdettava (uusi nimi)"
    document.save()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.extracted_at == first
    assert document.extracted_text.status == DocumentText.Status.OK
    document.file = SimpleUploadedFile("vaihdettava2.pdf", make_pdf("A", ["Toinen versio."]))
    document.save()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.status == DocumentText.Status.PENDING
    run_pdf_worker()
    document.extracted_text.refresh_from_db()
    assert "Toinen versio." in document.extracted_text.text


def slow_pdf(pages: int = 100, operators: int = 20_000) -> bytes:
    """A small PDF (tens of kB) whose pages all share one huge compressed content stream:
    reading its text takes pypdf minutes (measured: about 1 s per page on this machine)."""
    content = b"BT /F1 1 Tf " + b"(ab) Tj " * operators + b"ET"
    stream = zlib.compress(content, 9)
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Resources "
        + font
        + b" /Contents 3 0 R >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_crafted_slow_pdf_is_stopped_at_the_time_limit(settings):
    settings.PDF_EXTRACT_SECONDS = 3
    data = slow_pdf()
    assert len(data) < 100_000
    document = get_document_model()(title="Hidas PDF", file=SimpleUploadedFile("hidas.pdf", data))
    document.save()
    assert document.extracted_text.status == DocumentText.Status.PENDING
    run_pdf_worker()
    document.extracted_text.refresh_from_db()
    assert document.extracted_text.status == DocumentText.Status.LIMIT
    assert "3 sekuntia" in document.extracted_text.error
    assert document.extracted_text.text == ""


def test_page_limit_reads_only_the_first_pages(settings):
    settings.PDF_EXTRACT_MAX_PAGES = 1
    paragraphs = [f"Kappale {n}: " + "sanoja " * 60 for n in range(120)]
    document = get_document_model()(
        title="Pitkä", file=SimpleUploadedFile("pitka.pdf", make_pdf("Pitkä", paragraphs))
    )
    document.save()
    run_pdf_worker()
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.OK and record.page_count > 1
    assert "Kappale 0:" in record.text and "Kappale 119:" not in record.text
    assert "vain 1 ensimmäistä sivua" in record.error


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
    run_pdf_worker()
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
    # no text to read on the page (the site menu has its own <details>)
    assert 'class="report__fulltext"' not in public.content.decode()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert "suojattu salasanalla" in edit.content.decode()


def _report_with(document, slug: str) -> ReportPage:
    return ReportPageFactory(
        title=f"Raportti {slug}",
        slug=slug,
        publication_date=datetime.date(2025, 1, 1),
        abstract="Tiivistelmä.",
        publishers=[ReportPublisher(name_text="DigiFinland Oy")],
        files=[ReportFile(document=document, language="fi")],
    )


def test_editor_sees_extracting_then_the_text_becomes_searchable(admin_client):
    from search import service

    word = "Xqzvortelmi"  # a made-up word: no other page can match it
    document = get_document_model()(
        title="Taustalla luettava",
        file=SimpleUploadedFile(
            "tausta.pdf", make_pdf("Tausta", [f"{word} on tämän raportin aihe."])
        ),
    )
    document.save()
    page = _report_with(document, "taustalla-luettava")
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "Poimitaan tekstiä" in edit.content.decode()  # "Extracting text…" in Finnish
    assert service.search(word, "fi").count == 0

    run_pdf_worker()  # extraction re-indexes the live reports that attach the document
    found = service.search(word, "fi")
    assert [r.url for r in found.results] == [page.url]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "Poimitaan tekstiä" not in edit.content.decode()
