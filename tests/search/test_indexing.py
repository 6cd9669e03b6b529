"""Index sync: only live, public pages, kept in step on publish, unpublish, move and delete."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from demo.build.pdf import make_pdf
from home.models import StandardPage
from reports.models import ReportFile, ReportPage, ReportPublisher
from search import service
from search.backends import get_backend
from search.documents import build_document
from search.models import SearchDocument
from tests.factories import ReportPageFactory, StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def finnish_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="fi")


def titles(query: str, lang: str = "fi") -> list[str]:
    return [r.title for r in service.search(query, lang).results]


def make_page(parent: Page, slug: str, title: str, publish: bool = True) -> StandardPage:
    return StandardPageFactory(
        parent=parent,
        title=title,
        slug=slug,
        intro="Kuvaus kvanttitulkinnoista.",
        body=[("paragraph", "<p>Leipäteksti <b>lihavoitu</b> zygomorfinen sana.</p>")],
        draft=not publish,
    )


@pytest.fixture
def privacy_notice(locale_tree) -> StandardPage:
    """The English privacy notice; its Finnish source page says "tietosuoja", not "privacy"."""
    finnish = StandardPageFactory(title="Tietosuojaseloste", intro="Miten käsittelemme tietoja.")
    return translate(
        finnish, "en", title="Privacy notice", intro="How we handle your data: privacy."
    )


def test_content_is_indexed_per_locale(privacy_notice):
    assert SearchDocument.objects.filter(lang="fi").exists()
    assert SearchDocument.objects.filter(lang="sv").exists()
    assert SearchDocument.objects.filter(lang="en").exists()
    assert titles("privacy", "en") == ["Privacy notice"]
    assert titles("privacy", "fi") == []


def test_swedish_compound_is_found_by_its_parts(locale_tree):
    # "medlemmar" (members) finds the member directory, "Medlemsorganisationer": its parts are
    # words of the index (the lexicon is the site's own vocabulary, no hand list).
    StandardPageFactory(language="sv", title="Bli medlem", intro="Organisationer kan ansluta sig.")
    StandardPageFactory(language="sv", title="Medlemsorganisationer", intro="Vilka är med.")
    StandardPageFactory(language="sv", title="Evenemang", intro="Kommande evenemang.")
    assert "Medlemsorganisationer" in titles("medlemmar", "sv")[:3]
    assert "Medlemsorganisationer" in titles("organisation", "sv")[:3]
    assert "Evenemang" not in titles("medlemmar", "sv")


def test_reindex_splits_compounds_whatever_the_publishing_order(locale_tree):
    StandardPageFactory(language="sv", title="Riskverktyg", intro="Ett nytt verktyg.")
    StandardPageFactory(language="sv", title="Risker i vården", intro="Om risker.")
    assert "Riskverktyg" not in titles("risker", "sv")  # published before "risk" was a word
    service.reindex_all()
    assert "Riskverktyg" in titles("risker", "sv")


def test_publish_indexes_and_unpublish_removes():
    page = make_page(finnish_home(), "kvantti", "Kvanttisivu")
    assert titles("zygomorfinen") == ["Kvanttisivu"]
    page.unpublish()
    assert titles("zygomorfinen") == []


def test_drafts_are_not_indexed_and_draft_changes_do_not_leak():
    page = make_page(finnish_home(), "luonnos", "Luonnossivu", publish=False)
    assert titles("zygomorfinen") == []
    page.save_revision().publish()
    page.title = "Salainen ksylofonikvartetti"
    page.save_revision()  # a draft on top of the live version
    assert titles("ksylofonikvartetti") == []
    assert titles("zygomorfinen") == ["Luonnossivu"]


def test_private_pages_are_not_indexed():
    page = make_page(finnish_home(), "yksityinen", "Yksityinen sivu")
    assert titles("zygomorfinen") == ["Yksityinen sivu"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert titles("zygomorfinen") == []
    assert build_document(page) is None


def test_delete_removes_from_index():
    page = make_page(finnish_home(), "poistettava", "Poistettava sivu")
    page.delete()
    assert titles("zygomorfinen") == []
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_move_updates_urls_of_the_subtree():
    parent = make_page(finnish_home(), "vanhempi", "Vanhempi")
    child = StandardPageFactory(parent=parent, title="Lapsisivu", slug="lapsi")
    other = make_page(finnish_home(), "toinen", "Toinen")
    parent.refresh_from_db()
    parent.move(other, pos="last-child")
    url = SearchDocument.objects.get(page_id=child.pk, item="").url
    assert url == "/fi/toinen/vanhempi/lapsi/"


def test_document_text_comes_from_stream_and_rich_text_fields_without_markup():
    page = make_page(finnish_home(), "rakenne", "Rakenne")
    document = build_document(page)
    assert document.summary == "Kuvaus kvanttitulkinnoista."
    assert "lihavoitu" in document.body
    assert "<b>" not in document.body
    assert document.facets["type"] == ["standardpage"]


def test_search_facets_method_gives_the_facets(monkeypatch):
    page = make_page(finnish_home(), "koukut", "Koukut")
    monkeypatch.setattr(StandardPage, "search_facets", lambda self: {"year": [2024]})
    document = build_document(StandardPage.objects.get(pk=page.pk))
    assert document.facets == {"year": ["2024"], "type": ["standardpage"], "group": ["other"]}


def test_search_reindex_rebuilds_everything(privacy_notice):
    SearchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    live = Page.objects.filter(depth__gt=1).live().count()  # no page here lists search items
    assert SearchDocument.objects.count() == live
    assert f"Indexed {live} pages." in out.getvalue()
    assert titles("privacy", "en") == ["Privacy notice"]


def report_with_pdf(slug: str, sentence: str, publish: bool = True) -> tuple[ReportPage, object]:
    document = get_document_model()(
        title=f"Liite {slug}", file=SimpleUploadedFile(f"{slug}.pdf", make_pdf("Liite", [sentence]))
    )
    document.save()
    page = ReportPageFactory(
        title=f"Raportti {slug}",
        slug=slug,
        publication_date=datetime.date(2025, 1, 1),
        abstract="Tiivistelmä.",
        publishers=[ReportPublisher(name_text="DigiFinland Oy")],
        files=[ReportFile(document=document, language="fi")],
        draft=not publish,  # an unpublished report is not live, as when created in the admin
    )
    run_pdf_worker()
    return page, document


def run_pdf_worker() -> None:
    """Uploads only queue their text; the background worker's pdf job reads it."""
    call_command("run_worker", once=True, only="pdf", verbosity=0)


def test_replacing_a_report_pdf_makes_its_new_text_searchable_once_read():
    page, document = report_with_pdf(
        "vaihtuva", "Ensimmäinen versio käsittelee kvasaarimittauksia."
    )
    assert titles("kvasaarimittauksia") == ["Raportti vaihtuva"]
    document.file = SimpleUploadedFile(
        "vaihtuva2.pdf", make_pdf("Liite", ["Toinen versio käsittelee zeppeliinitelakoita."])
    )
    document.save()  # what the admin's "replace file" does
    run_pdf_worker()
    assert titles("zeppeliinitelakoita") == ["Raportti vaihtuva"]
    assert titles("kvasaarimittauksia") == []


def test_replacing_a_pdf_of_a_draft_report_does_not_index_the_draft():
    _page, document = report_with_pdf("luonnosraportti", "Vanha teksti.", publish=False)
    document.file = SimpleUploadedFile(
        "luonnos2.pdf", make_pdf("Liite", ["Uusi teksti zeppeliinitelakoista."])
    )
    document.save()
    run_pdf_worker()
    assert titles("zeppeliinitelakoista") == []


def test_deleting_a_report_pdf_removes_its_text_from_search():
    page, document = report_with_pdf("poistuva", "Liitteessä kerrotaan kvasaarimittauksista.")
    assert titles("kvasaarimittauksista") == ["Raportti poistuva"]
    document.delete()
    assert titles("kvasaarimittauksista") == []
    assert SearchDocument.objects.filter(page_id=page.pk).exists()  # the report itself stays


def test_optimising_after_a_bulk_load_keeps_the_results(privacy_notice):
    """``search_reindex`` optimises the index (FTS5 segments merged, PostgreSQL statistics):
    the same results, prefixes (FTS5's prefix index) included."""
    queries = [("privacy", "en"), ("priv", "en"), ("tietosuojaseloste", "fi"), ("tie", "fi")]

    def results() -> list:
        return [
            [(r.url, str(r.snippet), r.score) for r in service.search(q, lang).results]
            for q, lang in queries
        ]

    before = results()
    assert all(before[:2]) and before[2]
    get_backend().optimise()
    assert results() == before


def test_a_paused_bulk_write_leaves_the_index_until_it_is_rebuilt(locale_tree):
    """Inside ``indexing_paused`` publishing indexes nothing (a bulk writer re-indexes once at
    the end); outside it, publishing indexes again, and ``search_reindex`` catches up."""
    from search.signals import indexing_paused

    with indexing_paused():
        make_page(finnish_home(), "tauko", "Zeppeliinien tauko")
    assert "Zeppeliinien tauko" not in titles("zeppeliini")
    make_page(finnish_home(), "kokous", "Pingviinien kokous")
    assert "Pingviinien kokous" in titles("pingviini")
    call_command("search_reindex", verbosity=0, stdout=io.StringIO())
    assert "Zeppeliinien tauko" in titles("zeppeliini")


def test_a_phrase_finds_its_words_in_that_order_only():
    """A quoted phrase needs its words side by side in order; both words elsewhere in a text
    are not enough (PostgreSQL matches the words in its narrow table, then checks the order)."""
    StandardPageFactory(
        parent=finnish_home(),
        title="Järjestyksessä",
        slug="jarjestys",
        intro="Ksylofoni kvartetti soitti.",
    )
    StandardPageFactory(
        parent=finnish_home(),
        title="Sekaisin",
        slug="sekaisin",
        intro="Kvartetti soitti, ksylofoni vaikeni.",
    )
    assert sorted(titles("ksylofoni kvartetti")) == ["Järjestyksessä", "Sekaisin"]
    outcome = service.search('"ksylofoni kvartetti"', "fi")
    assert (outcome.count, [r.title for r in outcome.results]) == (1, ["Järjestyksessä"])


def _match_rows() -> tuple[list, list]:
    """PostgreSQL's narrow match table and what it should hold, derived from the documents."""
    from django.db import connection

    columns = "id, lang, title_key, facet_keys, head_vector::text"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}, search_vector::text FROM search_match ORDER BY id")
        held = cursor.fetchall()
        cursor.execute(
            f"SELECT {columns}, strip(search_vector)::text FROM search_searchdocument ORDER BY id"
        )
        derived = cursor.fetchall()
    return held, derived


def test_postgres_match_table_follows_the_documents():
    """Whatever writes the documents (indexing, an update, a removal, a flush), the narrow table
    PostgreSQL matches against holds exactly their id, language, keys and vectors."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's own table")
    first = make_page(finnish_home(), "ensimmainen", "Ensimmäinen")
    make_page(finnish_home(), "toinen", "Toinen")
    held, derived = _match_rows()
    assert len(held) == 2 and held == derived
    SearchDocument.objects.filter(page_id=first.pk).update(title_key="muutettu", lang="sv")
    held, derived = _match_rows()
    assert "muutettu" in {row[2] for row in held} and held == derived
    first.unpublish()
    held, derived = _match_rows()
    assert len(held) == 1 and held == derived
    with connection.cursor() as cursor:
        # A flush: the test's deferred foreign-key checks first (TRUNCATE refuses pending ones).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE search_searchdocument CASCADE")
    assert _match_rows() == ([], [])
