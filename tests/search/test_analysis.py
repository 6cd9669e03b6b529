"""Text analysis: Finnish base forms and compound parts, Snowball fallback, stop words."""

from __future__ import annotations

import pytest

from search.analysis import analyzer_for, compound_parts, voikko_available
from search.query import parse_query

needs_voikko = pytest.mark.skipif(not voikko_available(), reason="Voikko is not installed")


def terms(lang: str, word: str, use_voikko: bool | None = None) -> set[str]:
    (result,) = analyzer_for(lang, use_voikko).query_words(word)
    return set(result.all_terms)


@needs_voikko
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hyvinvointialueella", {"hyvinvointialue", "hyvinvointi", "alue"}),
        ("kokeiluista", {"kokeilu"}),
        ("jäsenorganisaatioiden", {"jäsenorganisaatio", "organisaatio", "jäsen"}),
        ("tulkkauksen", {"tulkkaus"}),
        ("tulkkausratkaisu", {"tulkkausratkaisu", "tulkkaus", "ratkaisu"}),
        ("Tekoälypohjainen", {"tekoälypohjainen", "tekoäly", "pohjainen"}),
        ("lääkitysriskinarviointityökalun", {"lääkitysriski", "työkalu", "arviointi"}),
    ],
)
def test_voikko_gives_base_forms_and_compound_parts(word, expected):
    assert expected <= terms("fi", word, True)


@needs_voikko
def test_primary_term_is_the_base_form():
    (word,) = analyzer_for("fi", True).query_words("Helsingissä")
    assert word.primary == ["helsinki"]


def test_snowball_fallback_without_voikko():
    found = terms("fi", "kokeiluista", False)
    assert "kokeilu" in found
    assert "tulkkauks" in terms("fi", "tulkkauksen", False)


@needs_voikko
def test_unknown_finnish_word_falls_back_to_snowball():
    (word,) = analyzer_for("fi", True).query_words("zorblaxeissa")
    assert word.primary == [analyzer_for("fi", False).stem("zorblaxeissa")]


def test_hyphenated_word_gives_parts_and_whole():
    for use_voikko in (False, None):
        found = terms("fi", "AI-assistentti", use_voikko)
        assert {"ai", "aiassistentti"} <= found
        assert "assistentti" in found or "assistent" in found


def test_diacritics_are_kept_and_case_folded():
    (word,) = analyzer_for("sv", False).query_words("ÅTGÄRD")
    assert all("å" in t or "a" not in t[:1] for t in word.primary)
    assert terms("fi", "äly", False) != terms("fi", "aly", False)


def test_stop_words_are_dropped_per_language():
    assert analyzer_for("en").query_words("the and of") == []
    assert analyzer_for("sv").query_words("och i att") == []
    assert analyzer_for("fi").query_words("ja tai sekä") == []
    assert [w.surface for w in analyzer_for("en").query_words("the ecosystem")] == ["ecosystem"]


def test_swedish_and_english_use_snowball():
    assert terms("sv", "utredningen") & terms("sv", "utredningar")
    assert "interpret" in terms("en", "interpretation")


def test_swedish_compounds_split_into_lexicon_words():
    assert {"medlem", "organisation"} <= terms("sv", "Medlemsorganisationer")
    assert {"läkemedel", "risk"} <= terms("sv", "läkemedelsrisker")
    # The plural keeps a doubled consonant in Snowball; the singular stem is an alternative.
    assert "medlem" in terms("sv", "medlemmar")
    # Words that are not two lexicon words stay whole.
    assert terms("sv", "evenemang") == {"evenemang"}
    assert "organisation" not in terms("fi", "medlemsorganisationer")


def test_swedish_member_search_finds_member_organisations():
    analyser = analyzer_for("sv")
    document = set(analyser.analyse("Medlemsorganisationer").extra)
    assert document & terms("sv", "medlemmar")


def test_documents_and_queries_share_one_analyser():
    analyser = analyzer_for("fi")
    document = analyser.analyse("Automaattiset kirjaukset hyvinvointialueella")
    (query,) = analyser.query_words("hyvinvointialueella")
    assert set(query.primary) <= set(document.primary)


def test_compound_parts_parse_voikko_wordbases():
    parts = compound_parts("hyvinvointialue", "+hyvinvointi(hyvin=vointi)+alue(alue)")
    assert parts == ["hyvinvointi", "alue"]
    assert compound_parts("tulkkaus", "+tulkka(tulkata)+us(+us)") == []


@pytest.mark.parametrize(
    "raw",
    ['"', "*", "(", "NEAR(a b)", "a AND OR NOT b", "'; DROP TABLE x; --", "💥🔥", "\x00abc"],
)
def test_hostile_input_parses_to_letters_and_digits_only(raw):
    parsed = parse_query(raw, analyzer_for("fi"))
    for clause in parsed.clauses:
        for term in clause.terms:
            assert term.isalnum()


def test_long_query_is_truncated():
    parsed = parse_query("sana " * 3000, analyzer_for("fi"))
    assert parsed.truncated
    assert len(parsed.clauses) <= 12


def test_quotes_make_phrases_and_last_word_is_a_prefix():
    parsed = parse_query('"reaaliaikainen tulkkaus" tekoä', analyzer_for("fi"))
    assert parsed.clauses[0].phrase
    assert parsed.clauses[-1].prefix == "tekoä"
    finished = parse_query("tekoä ", analyzer_for("fi"))
    assert finished.clauses[-1].prefix == ""
