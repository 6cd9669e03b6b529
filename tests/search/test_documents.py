"""Search documents come from what each page type declares, not from guessed field names."""

from __future__ import annotations

import pytest
from wagtail.models import Page
from wagtail.search import index

from coordination.models import LegislativeNeedsPage
from home.models import NewsPage, StandardPage
from search import service
from search.documents import build_document, build_documents
from search.models import SearchDocument
from tests.factories import (
    LegislativeNeedFactory,
    LegislativeNeedsPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def slugs(query: str, lang: str = "fi") -> list[str]:
    return [r.url for r in service.search(query, lang).results]


def test_a_declared_field_is_findable_and_an_undeclared_one_is_not(locale_tree):
    # NewsPage declares intro and body; its author is a text field it does not declare.
    assert "author" not in {f.field_name for f in NewsPage.get_search_fields()}
    page = NewsPageFactory(
        title="Kvanttiuutinen",
        author="Zyxwerth Kirjoittaja",
        body=[("paragraph", "<p>Leipätekstissä mainitaan glorptronit.</p>")],
    )
    assert slugs("glorptronit") == [page.url]
    assert slugs("zyxwerth") == []


def test_the_summary_is_the_declared_summary_field(locale_tree):
    page = StandardPageFactory(title="Yhteenveto", intro="Esittely <b>lihavoitu</b>.")
    document = build_document(StandardPage.objects.get(pk=page.pk))
    assert document.summary == "Esittely lihavoitu."
    # The summary is not repeated in the body.
    assert "Esittely" not in document.body


def test_a_boosted_declaration_ranks_with_the_summary(locale_tree, monkeypatch):
    page = StandardPageFactory(
        title="Painotus",
        intro="Esittely.",
        body=[("paragraph", "<p>Painotettu leipäteksti.</p>")],
    )
    declared = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body", boost=2),
    ]
    monkeypatch.setattr(StandardPage, "search_fields", declared)
    document = build_document(StandardPage.objects.get(pk=page.pk))
    assert "Painotettu leipäteksti." in document.head
    assert "Painotettu" not in document.body
    row = service.to_row(document)
    assert "painottaa" in row.summary_terms or "painotettu" in row.summary_terms


def test_removing_a_declaration_removes_the_text_from_the_index(locale_tree, monkeypatch):
    page = StandardPageFactory(
        title="Julistus", body=[("paragraph", "<p>Sana kvasiglorp vain leipätekstissä.</p>")]
    )
    assert slugs("kvasiglorp") == [page.url]
    monkeypatch.setattr(StandardPage, "search_fields", Page.search_fields)
    service.index_page(page)
    assert slugs("kvasiglorp") == []


def test_public_legislative_needs_are_results_with_their_own_anchor(locale_tree):
    register = LegislativeNeedsPageFactory()
    public = LegislativeNeedFactory(
        law="Asiakastietolaki", description="Kirjausten jakaminen tiimeissä.", is_public=True
    )
    LegislativeNeedFactory(law="Salainen laki", description="Sisäinen tarve.", is_public=False)
    documents = build_documents(LegislativeNeedsPage.objects.get(pk=register.pk))
    assert [d.title for d in documents] == [register.title, "Asiakastietolaki"]
    assert documents[1].url == f"{register.url}#need-{public.pk}"
    assert documents[1].facets["type"] == ["legislativeneed"]
    service.index_page(register)
    assert slugs("asiakastietolaki")[0] == f"{register.url}#need-{public.pk}"
    assert slugs("salainen") == []


def test_saving_an_item_reindexes_the_page_that_lists_it(locale_tree):
    register = LegislativeNeedsPageFactory()
    need = LegislativeNeedFactory(law="Vanha laki", is_public=True)
    assert slugs("vanha")
    need.law = "Uusi laki"
    need.save()
    assert slugs("vanha") == []
    assert slugs("uusi") == [f"{register.url}#need-{need.pk}"]
    need.delete()
    assert slugs("uusi") == []
    assert SearchDocument.objects.filter(page_id=register.pk).count() == 1
