"""Reports: the API, stored PDF text, the report page, index filters and query counts."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.documents import get_document_model

from demo.build.pdf import make_pdf
from reports.models import (
    DocumentText,
    ReportFile,
    ReportIndexPage,
    ReportPage,
    ReportPublisher,
    ReportTheme,
)
from reports.text import document_text
from tests.factories import ReportIndexPageFactory, ReportPageFactory, ThemeFactory, translate

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Selvitys kokoaa noin 50 tekoälyn käyttötapausta kuuteen luokkaan ja kuvaa edellytykset "
    "niiden kansalliselle edistämiselle hyvinvointialueilla."
)
# fi slug, type, date, theme slug, titles in fi, sv, en
REPORTS = [
    (
        "tekoaly-hyvinvointialueilla",
        "study",
        datetime.date(2024, 3, 1),
        "parempi-asiakaspalvelu",
        (
            "Tekoäly hyvinvointialueilla: käyttötapaukset",
            "AI i välfärdsområdena",
            "AI in the wellbeing services counties",
        ),
    ),
    (
        "kayttotapaukset-ja-lainsaadanto",
        "legal",
        datetime.date(2024, 12, 1),
        "tehokkaampi-ammattilaistyo",
        (
            "Käyttötapaukset ja lainsäädäntö",
            "Användningsfall och lagstiftning",
            "AI use cases and the law",
        ),
    ),
]


@pytest.fixture(autouse=True)
def reports(locale_tree):
    """Two Finnish reports with a PDF each, a heading and a theme, translated into sv and en."""
    index = ReportIndexPageFactory(title="Selvitykset", slug="selvitykset")
    translate(index, "sv", title="Utredningar", slug="utredningar")
    translate(index, "en", title="Reports", slug="reports")
    pages = {}
    for slug, report_type, day, theme, titles in REPORTS:
        themes = {
            lang: ThemeFactory(slug=theme, locale=locale_tree.locales[lang])
            for lang in ("fi", "en")
        }
        pdf = make_pdf(titles[0], [SENTENCE] * 20)
        document = get_document_model()(
            title=f"{titles[0]} (PDF)",
            file=ContentFile(pdf, name=f"{slug}.pdf"),
            file_size=len(pdf),  # as the admin's upload form records it
        )
        document.save()
        page = ReportPageFactory(
            parent=index,
            slug=slug,
            title=titles[0],
            report_type=report_type,
            publication_date=day,
            body=[("heading", {"text": "Tausta", "level": "h2"})],
            publishers=[ReportPublisher(name_text="DigiFinland Oy")],
            files=[ReportFile(document=document, language="fi")],
            report_themes=[ReportTheme(theme=themes["fi"])],
        )
        sv_slug = "ai-i-valfardsomradena" if slug == "tekoaly-hyvinvointialueilla" else slug
        translate(
            page,
            "sv",
            title=titles[1],
            slug=sv_slug,
            body=[("heading", {"text": "Bakgrund", "level": "h2"})],
        )
        translate(page, "en", title=titles[2], report_themes=[ReportTheme(theme=themes["en"])])
        pages[slug] = page
    # Uploads only queue their text; the worker's pdf job reads it, as in production.
    call_command("run_worker", once=True, only="pdf", verbosity=0)
    return pages


def squash(text: str) -> str:
    return " ".join(text.split())


def test_api_lists_both_finnish_reports_with_files(client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "reports.ReportPage", "locale": "fi", "fields": "report_files,publication_date"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    titles = [item["title"] for item in items]
    assert len(items) == 2
    assert any(t.startswith("Tekoäly hyvinvointialueilla") for t in titles)
    assert any("lainsäädäntö" in t for t in titles)
    for item in items:
        (pdf,) = item["report_files"]
        assert pdf["url"].endswith(".pdf")
        assert pdf["size"] > 500
        assert pdf["language"] == "fi"


def test_extracted_pdf_text_is_stored_and_public():
    page = ReportPage.objects.get(slug="tekoaly-hyvinvointialueilla", locale__language_code="fi")
    document = page.files.get().document
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.OK
    assert SENTENCE in squash(record.text)
    assert SENTENCE in squash(document_text(document))


def test_report_page_shows_files_toc_fulltext_and_citation(client):
    html = client.get("/sv/utredningar/ai-i-valfardsomradena/").content.decode()
    assert "AI i välfärdsområdena" in html
    # file with size and language; the PDF stays Finnish
    assert re.search(r"\(PDF, [\d,.]+\s*kB", html)
    assert 'hreflang="fi"' in html
    # table of contents links to the heading anchors the heading block renders
    assert 'href="#bakgrund"' in html and 'id="bakgrund"' in html
    # one language at a time: the Swedish page links to the PDF's Finnish text on the Finnish
    # page ("read on the page" there) instead of printing Finnish
    assert "Selvitys kokoaa noin 50" not in html
    link = re.search(r'report__fulltext-elsewhere">.*?href="([^"]+)"', html, re.S).group(1)
    finnish_page, anchor = link.split("#")
    finnish = client.get(finnish_page).content.decode()
    assert f'class="report__fulltext" id="{anchor}"' in finnish
    assert "Selvitys kokoaa noin 50" in finnish
    assert "DigiFinland Oy (2024)." in html


def test_index_filters_with_counts_and_bad_values(client):
    response = client.get("/fi/selvitykset/", {"type": "legal"})
    html = response.content.decode()
    assert "lainsäädäntö" in html
    assert "Tekoäly hyvinvointialueilla:" not in html
    response = client.get("/fi/selvitykset/", {"year": "2024", "type": "nonsense"})
    assert response.status_code == 400  # a bad value is the visitor's error, said beside the form
    html = response.content.decode()
    assert 'class="message message--error"' in html and "nonsense" in html
    assert "Tekoäly hyvinvointialueilla:" in html  # the valid filter (2024) still applies
    assert client.get("/fi/selvitykset/", {"year": "x" * 5000}).status_code == 400
    assert client.get("/fi/selvitykset/", {"page": "abc"}).status_code == 400


def test_theme_filter_uses_synchronised_slugs_in_every_language(client):
    html = client.get("/en/reports/", {"theme": "parempi-asiakaspalvelu"}).content.decode()
    assert "AI in the wellbeing services counties" in html
    assert "AI use cases and the law" not in html


def _add_reports(
    index: ReportIndexPage, count: int, files: int = 1, prefix: str = "r"
) -> list[ReportPage]:
    document_model = get_document_model()
    pages = []
    for n in range(count):
        page = ReportPage(
            title=f"Testiraportti {n}",
            slug=f"{prefix}-testiraportti-{n}",
            publication_date=datetime.date(2023, 1 + n % 12, 1),
            abstract="Tiivistelmä.",
            report_type="guidance",
            key_recommendations=[("recommendation", f"Suositus {i}") for i in range(files)],
            body=[("heading", {"text": f"Luku {i}", "level": "h2"}) for i in range(files)],
            locale=index.locale,
        )
        page.publishers = [ReportPublisher(name_text=f"Julkaisija {n}")]
        for i in range(files):
            doc = document_model(
                title=f"Liite {n}-{i}",
                file=ContentFile(
                    make_pdf("Liite", [f"Teksti {i}"]), name=f"{prefix}-liite-{n}-{i}.pdf"
                ),
            )
            doc.save()
            page.files.add(ReportFile(document=doc, language="fi"))
        index.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@override_settings(PAGE_CACHE_ENABLED=False)  # measure renders, not cache hits
def test_index_query_count_does_not_grow_with_reports(client, django_assert_max_num_queries):
    index = ReportIndexPage.objects.get(locale__language_code="fi")
    client.get(index.url)  # warm caches (site root paths, locales)
    few = _count(client, index.url)
    _add_reports(index, 11)
    client.get(index.url)  # publishing emptied the menu cache: warm it again, like above
    with django_assert_max_num_queries(few):
        assert client.get(index.url).status_code == 200


@override_settings(PAGE_CACHE_ENABLED=False)  # measure renders, not cache hits
def test_report_page_query_count_does_not_grow_with_files(client, django_assert_max_num_queries):
    index = ReportIndexPage.objects.get(locale__language_code="fi")
    (small,) = _add_reports(index, 1, files=1)
    client.get(small.url)
    few = _count(client, small.url)
    big = ReportPage.objects.get(pk=_add_reports(index, 2, files=6, prefix="big")[1].pk)
    client.get(small.url)  # publishing emptied the menu cache: warm it again, like above
    client.get(big.url)  # each page's route and language versions are cached on first render
    with django_assert_max_num_queries(few):
        assert client.get(big.url).status_code == 200
