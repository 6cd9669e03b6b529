"""Words the index holds are analysed from its vocabulary, not by loading the analyser.

#18: "a cold process answers its first query in under 1 s", also with the pip chain, whose
transducer takes 1–2 s to load. Every word of an indexed text is stored with its analysis
(``SearchTerm.analysis``), so a query of such words never asks the Voikko transducer or the
lemmatiser; the results are the same as when the analyser runs.
"""

from __future__ import annotations

import pytest

from search import analysis, morphology, service
from search.analysis import WordTerms, analyzer_for
from search.models import SearchTerm
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    ("tekoälykokeilujen hyvinvointialueilla", "fi"),
    ("lääkitysriskien arviointi", "fi"),
    ('"syövän hoidossa"', "fi"),
    ("tulkkaus hyvinvointialueella", "fi"),
]


@pytest.fixture(params=["pip", "auto"])
def indexed(request, settings, locale_tree):
    """A few Finnish pages, indexed by the chain under test (pip: system Voikko hidden)."""
    settings.SEARCH_ANALYSER = request.param
    StandardPageFactory(
        title="Tekoälykokeilujen tulokset hyvinvointialueilla",
        intro="Lääkitysriskien arviointi syövän hoidossa ja tulkkauksen kokeilut.",
    )
    StandardPageFactory(
        title="Tulkkauksen kokeilu",
        intro="Reaaliaikainen tulkkaus hyvinvointialueella; kokeilussa arviointi.",
    )
    StandardPageFactory(title="Syövän hoito", intro="Lääkitysriskit ja niiden arviointi.")
    return request.param


@pytest.fixture
def analyser_calls(monkeypatch) -> list[str]:
    """Records every word the Voikko transducer or the lemmatiser is asked about."""
    calls: list[str] = []
    finnish_lemmas, lemmatise = morphology.finnish_lemmas, morphology.lemmatise

    def spy_lemmas(word, *args, **kwargs):
        calls.append(word)
        return finnish_lemmas(word, *args, **kwargs)

    def spy_lemmatise(word, *args, **kwargs):
        calls.append(word)
        return lemmatise(word, *args, **kwargs)

    monkeypatch.setattr(morphology, "finnish_lemmas", spy_lemmas)
    monkeypatch.setattr(morphology, "lemmatise", spy_lemmatise)
    return calls


def cold_analysers() -> None:
    """A fresh process's analysers: nothing analysed or recalled yet."""
    analysis._cached_analyzer.cache_clear()


def outcome(query: str, lang: str) -> list[tuple]:
    found = service.search(query, lang)
    return [(r.url, r.title, str(r.snippet), r.score) for r in found.results]


def test_index_words_need_no_analyser_and_give_the_same_results(indexed, analyser_calls):
    cold_analysers()
    stored = [outcome(query, lang) for query, lang in QUERIES]
    assert analyser_calls == []
    assert all(stored), stored

    # The full chain: no stored analyses, every word through the analyser.
    SearchTerm.objects.update(analysis="")
    cold_analysers()
    analysed = [outcome(query, lang) for query, lang in QUERIES]
    assert analyser_calls, "the spy must see the analyser when nothing is stored"
    assert stored == analysed


def test_a_word_the_index_lacks_is_analysed(indexed, analyser_calls):
    cold_analysers()
    titles = [r.title for r in service.search("tekoälykokeiluissamme", "fi").results]
    assert "tekoälykokeiluissamme" in analyser_calls
    assert titles[0] == "Tekoälykokeilujen tulokset hyvinvointialueilla"


def test_stored_analysis_is_what_the_analyser_gives(indexed):
    cold_analysers()
    fresh = analyzer_for("fi")
    rows = SearchTerm.objects.filter(lang="fi").exclude(analysis="")
    assert rows.count() >= 15
    for row in rows:
        assert row.analyser == fresh.chain
        assert WordTerms.decode(row.term, row.analysis) == fresh.word(row.term), row.term


def test_another_chains_analyses_are_not_used(indexed):
    cold_analysers()
    assert analyzer_for("fi").recall(["tekoälykokeilujen"]) == 1
    assert analyzer_for("fi", analyser="snowball").recall(["tekoälykokeilujen"]) == 0


def test_words_stored_by_another_chain_are_analysed_again(indexed):
    SearchTerm.objects.filter(term="tekoälykokeilujen").update(analyser="old", base="x")
    StandardPageFactory(title="Tekoälykokeilujen uutiset")
    row = SearchTerm.objects.get(lang="fi", term="tekoälykokeilujen")
    assert (row.analyser, row.base) == (analyzer_for("fi").chain, "tekoälykokeilu")


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("tekoälykokeilujen", "fi"),
        ("datahubiratkaisuissa", "fi"),
        ("luvittamisessa", "fi"),
        ("välfärdsområdet", "sv"),
        ("medlemmarna", "sv"),
        ("interpretation", "en"),
    ],
)
def test_encoded_terms_read_back_the_same(word, lang):
    terms = analyzer_for(lang).word(word)
    assert WordTerms.decode(word, terms.encode()) == terms
