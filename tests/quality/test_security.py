"""Security headers on every public response type, upload checks and the admin login lockout."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.translation import override

from cms.security import (
    SafeDocumentForm,
    content_matches_extension,
    sanitise_filename,
    validate_document_upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.redis]  # make test-redis runs these again

# Every public response type that exists; apps add theirs here (path, expected status).
PUBLIC_RESPONSES = [
    ("/fi/", 200),
    ("/sv/", 200),
    ("/en/", 200),
    ("/fi/tietoa/", 200),
    ("/en/about/", 200),
    ("/fi/ei-ole-olemassa/", 404),
    ("/sitemap.xml", 200),
    ("/robots.txt", 200),
    ("/api/v2/pages/?locale=fi", 200),
    ("/healthz", 200),
    # one page of each app (and its feeds or API where it has them)
    ("/fi/kokeilut/", 200),
    ("/fi/kokeilut/ideahaku-2024/", 200),
    ("/fi/selvitykset/", 200),
    ("/fi/uutiset/", 200),
    ("/fi/uutiset/feed/rss/", 200),
    ("/fi/uutiskirje/marraskuu-2024/", 200),
    ("/fi/jasenet/", 200),
    ("/fi/tilaa-uutiskirje/", 200),
    ("/fi/tyoryhmat/", 200),
    ("/fi/lainsaadantotarpeet/", 200),
    ("/fi/tapahtumat/", 200),
    ("/fi/events-calendar.ics", 200),
    ("/api/evaluation/", 200),
]


@pytest.mark.parametrize(("path", "status"), PUBLIC_RESPONSES)
@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warm"])
def test_security_headers_on_every_public_response(client, settings, path, status, warm):
    settings.PAGE_CACHE_ENABLED = warm
    if warm:
        client.get(path)
    response = client.get(path)
    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


INLINE_FREE_PAGES = ["/fi/", "/sv/", "/en/", "/fi/tietoa/", "/fi/osallistu/"]
INLINE_FREE_PAGES += [
    "/fi/kokeilut/",
    "/fi/kokeilut/ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi/",
    "/fi/kokeilut/ideahaku-2024/",
    "/fi/selvitykset/",
    "/fi/selvitykset/tekoaly-hyvinvointialueilla/",
    "/fi/kayttotapaukset/",
    "/fi/uutiset/kokeilurahoitus-avautuu/",
    "/fi/uutiskirje/marraskuu-2024/",
    "/fi/jasenet/",
    "/fi/jasenet/liity-jaseneksi/",
    "/fi/tyoryhmat/juridiikan-tyoryhma/",
    "/fi/lainsaadantotarpeet/",
    "/fi/opit/",
    "/fi/tapahtumat/",
    "/fi/tapahtumat/ai-aamu-tuleva-1/",
]


@pytest.mark.parametrize("path", INLINE_FREE_PAGES)
def test_public_pages_need_no_inline_script_or_style(client, path):
    """The strict CSP would block inline code, so public pages must not contain any."""
    html = client.get(path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert not re.search(r"(src|href)=\"https?://(?!testserver)", html.split("<body")[0]), (
        "third-party request in <head>"
    )


def test_production_settings_are_strict():
    import importlib
    import os
    from unittest import mock

    env = {"SECRET_KEY": "x" * 20 + "abcdefghij" * 4, "ALLOWED_HOSTS": "example.org"}
    with mock.patch.dict(os.environ, env):
        prod = importlib.import_module("cms.settings.production")
        prod = importlib.reload(prod)
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert prod.SECURE_HSTS_SECONDS >= 31536000
    assert prod.SECURE_SSL_REDIRECT
    assert prod.SECURE_CONTENT_TYPE_NOSNIFF
    assert prod.X_FRAME_OPTIONS == "DENY"


# --- Uploads ---


def _zip(entries: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(first, entries.pop(first), compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
ODT = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"},
    first="mimetype",
)


@pytest.mark.parametrize(
    ("extension", "data", "ok"),
    [
        ("pdf", b"%PDF-1.7\n...", True),
        ("pdf", b"<html><script>alert(1)</script>", False),
        ("docx", DOCX, True),
        ("xlsx", DOCX, False),  # a Word file renamed to .xlsx
        ("docx", b"PK\x03\x04 not really a zip", False),
        ("odt", ODT, True),
        ("ods", ODT, False),
        ("csv", "nimi;alue\nPilotti;Päijät-Häme\n".encode(), True),
        ("txt", b"\xff\xfe\x00binary", False),
        ("txt", b"MZ\x90\x00\x03", False),
    ],
)
def test_document_content_must_match_extension(extension, data, ok):
    assert content_matches_extension(data, extension) is ok


@override("en")
def test_disallowed_extensions_and_oversized_files_are_refused():
    with pytest.raises(ValidationError, match="not allowed"):
        validate_document_upload(SimpleUploadedFile("kuva.svg", b"<svg/>"))
    with pytest.raises(ValidationError, match="not allowed"):
        validate_document_upload(SimpleUploadedFile("sivu.html", b"<html>"))
    with (
        override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10),
        pytest.raises(ValidationError, match="too large"),
    ):
        validate_document_upload(SimpleUploadedFile("a.pdf", b"%PDF-1.7 " + b"x" * 20))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("Vuosiraportti 2025 (lopullinen).PDF", "vuosiraportti-2025-lopullinen.pdf"),
        ("C:\\Users\\x\\Päätös.docx", "paatos.docx"),
        ("....pdf", "document.pdf"),
        ("<script>.txt", "script.txt"),
    ],
)
def test_filenames_are_sanitised(raw, clean):
    assert sanitise_filename(raw) == clean


def test_wagtail_document_form_uses_the_checks():
    from wagtail.documents.forms import get_document_form
    from wagtail.documents.models import Document

    form_class = get_document_form(Document)
    assert issubclass(form_class, SafeDocumentForm)
    from wagtail.models import Collection

    collection = Collection.get_first_root_node()
    fake = form_class(
        data={"title": "Raportti", "collection": collection.pk},
        files={"file": SimpleUploadedFile("raportti.pdf", b"<html>not a pdf</html>")},
    )
    assert not fake.is_valid()
    assert "file" in fake.errors
    real = form_class(
        data={"title": "Raportti", "collection": collection.pk},
        files={"file": SimpleUploadedFile("Raportti Ö.pdf", b"%PDF-1.4\n%%EOF")},
    )
    assert real.is_valid(), real.errors
    document = real.save()
    assert document.filename.startswith("raportti-o")


def test_svg_images_are_not_accepted():
    from wagtail.images.utils import get_allowed_image_extensions

    assert "svg" not in get_allowed_image_extensions()


@pytest.mark.parametrize(
    ("name", "disposition"),
    [("raportti.pdf", "inline"), ("taulukko.csv", "attachment"), ("muistio.txt", "attachment")],
)
def test_only_pdf_documents_are_served_inline(name, disposition):
    from wagtail.documents.models import Document

    document = Document(pk=7, title="T", file=SimpleUploadedFile(name, b"x"))
    assert document.content_disposition.startswith(disposition)
    assert "/documents/" in document.url  # through Django's serve view, not the media URL


# --- Admin login lockout ---

# Wagtail's admin and Django's admin both guard the same passwords, so both are locked.
LOGIN_URLS = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture(params=LOGIN_URLS)
def login_url(request):
    return request.param


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "toimittaja", "t@example.org", "oikea-salasana-9", is_staff=True
    )


@pytest.fixture
def login(client, login_url):
    def post(username, password, ip="10.0.0.1"):
        # The admin speaks the browser's language on the login page; these checks read English.
        return client.post(
            login_url,
            {"username": username, "password": password},
            REMOTE_ADDR=ip,
            HTTP_ACCEPT_LANGUAGE="en",
        )

    return post


def test_login_works_normally(login, editor):
    response = login("toimittaja", "oikea-salasana-9")
    assert response.status_code == 302


def test_five_failures_lock_the_account_for_that_address(login, editor):
    for _ in range(5):
        response = login("toimittaja", "väärä")
        assert response.status_code == 200  # the usual "didn't match" error
        assert "Too many failed sign-in attempts" not in response.content.decode()
    locked = login("toimittaja", "oikea-salasana-9")
    assert locked.status_code == 200
    assert "Too many failed sign-in attempts" in locked.content.decode()
    # Another address is not locked out by someone else's guessing.
    assert login("toimittaja", "oikea-salasana-9", ip="10.0.0.2").status_code == 302


def test_lockout_message_is_the_same_for_unknown_users(login, editor):
    for username in ("toimittaja", "ei-ketaan"):
        for _ in range(5):
            login(username, "väärä", ip="10.0.0.3")
    known = login("toimittaja", "x", ip="10.0.0.3").content.decode()
    unknown = login("ei-ketaan", "x", ip="10.0.0.3").content.decode()
    assert "Too many failed sign-in attempts" in known
    assert "Too many failed sign-in attempts" in unknown


def test_many_user_names_from_one_address_are_locked_too(login, editor):
    for n in range(20):
        login(f"arvaus{n}", "väärä", ip="10.0.0.4")
    response = login("toimittaja", "oikea-salasana-9", ip="10.0.0.4")
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_failures_at_one_admin_lock_the_other_too(client, editor):
    for _ in range(5):
        client.post(
            LOGIN_URLS[0], {"username": "toimittaja", "password": "väärä"}, REMOTE_ADDR="10.0.0.5"
        )
    response = client.post(
        LOGIN_URLS[1],
        {"username": "toimittaja", "password": "oikea-salasana-9"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Too many failed sign-in attempts" in response.content.decode()
