"""Text analysis: the chain (system Voikko or pyvoikko → lemmatiser → Snowball), compound parts,
unknown words, Swedish, stop words, hostile input."""

from __future__ import annotations

import pytest

from search import morphology
from search.analysis import analyzer_for, system_voikko_available
from search.morphology import lemmas_from_fst
from search.query import parse_query

# Inflected words and the base forms system Voikko (Debian libvoikko1 + voikko-fi) gives them;
# ``test_the_table_is_what_system_voikko_gives`` keeps the table honest where it is installed.
SYSTEM_VOIKKO_BASE_FORMS = {
    "hyvinvointialueella": ["hyvinvointialue"],
    "kokeiluista": ["kokeilu"],
    "jäsenorganisaatioiden": ["jäsenorganisaatio"],
    "tulkkauksen": ["tulkkaus"],
    "lääkitysriskien": ["lääkitysriski"],
    "toimintakyvyn": ["toimintakyky"],
    "syövän": ["syöpä", "syövä"],
    "lainsäädännön": ["lainsäädäntö"],
    "kehittämisessä": ["kehittää"],
    "tekoälymallien": ["tekoälymalli"],
    "helsingissä": ["helsinki"],
    "riskitietojen": ["riskitieto"],
    "palvelutarpeen": ["palvelutarve"],
    "lihavuuden": ["lihavuus"],
    "käyttöönoton": ["käyttöönotto"],
    "sairaanhoitopiirien": ["sairaanhoitopiiri"],
    "työryhmän": ["työryhmä"],
    "kumppaneiden": ["kumppani"],
    "yhteenvedon": ["yhteenveto"],
    "tutkimuksissa": ["tutkimus"],
    "potilaiden": ["potilas"],
    "hoitajille": ["hoitaja"],
    "päätöksenteon": ["päätöksenteko"],
    "uutiskirjeessä": ["uutiskirje"],
}

pytestmark = pytest.mark.django_db

needs_system_voikko = pytest.mark.skipif(
    not system_voikko_available(), reason="system Voikko is not installed (make system-deps)"
)


def terms(lang: str, word: str, analyser: str | None = None) -> set[str]:
    (result,) = analyzer_for(lang, analyser=analyser).query_words(word)
    return set(result.all_terms)


@pytest.fixture
def hidden_system_voikko(settings):
    """The loader believes the system library is absent: ``SEARCH_ANALYSER=pip``."""
    settings.SEARCH_ANALYSER = "pip"
    assert morphology.finnish_analyser_name() == morphology.PYVOIKKO


def test_base_forms_without_system_voikko(hidden_system_voikko):
    assert len(SYSTEM_VOIKKO_BASE_FORMS) >= 20
    analyser = analyzer_for("fi")
    assert analyser.analyser == "pip"
    for word, bases in SYSTEM_VOIKKO_BASE_FORMS.items():
        (found,) = analyser.query_words(word)
        assert found.primary == [bases[0]], word  # nouns lead (see morphology.CLASS_ORDER)
        assert set(bases) <= set(found.strong_terms), word
        pip = [lemma.base for lemma in morphology.finnish_lemmas(word)]
        assert list(dict.fromkeys(pip)) == list(dict.fromkeys(bases)), word


@needs_system_voikko
def test_the_table_is_what_system_voikko_gives():
    from libvoikko import Voikko

    voikko = Voikko("fi")
    for word, bases in SYSTEM_VOIKKO_BASE_FORMS.items():
        system = [a["BASEFORM"].lower() for a in voikko.analyze(word)]
        assert list(dict.fromkeys(system)) == bases, word


@needs_system_voikko
@pytest.mark.parametrize("word", [*SYSTEM_VOIKKO_BASE_FORMS, "ajankohtaista", "lainsäädäntöä"])
def test_system_and_pip_give_the_same_terms(word):
    system = analyzer_for("fi", analyser="auto")
    pip = analyzer_for("fi", analyser="pip")
    assert morphology.finnish_analyser_name("auto") == morphology.SYSTEM_VOIKKO
    assert system.word(word) == pip.word(word)


def test_one_parser_reads_the_transducer_output():
    (lemma,) = lemmas_from_fst(
        ["[Ln][Xp]laki[X]la[Sg][Ny]in[Bh][Bc][Ln][Xp]säädäntö[X]säädännö[Sg][Ny]n"]
    )
    assert lemma.base == "lainsäädäntö" and lemma.parts == ("laki", "säädäntö")
    (lemma,) = lemmas_from_fst(["[Lt][Xp]tulkata[X]tulkka[Ln][Xj]us[X]u[Sg][Ny]ksen"])
    assert lemma.base == "tulkkaus" and lemma.parts == ()
    (lemma,) = lemmas_from_fst(["[Lt][Xp]kehittää[X]kehittä[Tn4]mise[Sine][Ny]ssä"])
    assert (lemma.base, lemma.verbal_noun) == ("kehittää", "kehittäminen")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hyvinvointialueella", {"hyvinvointialue", "hyvinvointi", "alue"}),
        ("kokeiluista", {"kokeilu"}),
        ("jäsenorganisaatioiden", {"jäsenorganisaatio", "organisaatio", "jäsen"}),
        ("tulkkausratkaisu", {"tulkkausratkaisu", "tulkkaus", "ratkaisu"}),
        ("Tekoälypohjainen", {"tekoälypohjainen", "tekoäly", "pohjainen"}),
        ("lääkitysriskinarviointityökalun", {"työkalu", "arviointi"}),
        ("kehittämisessä", {"kehittää", "kehittäminen"}),
    ],
)
def test_base_forms_and_compound_parts(word, expected):
    assert expected <= terms("fi", word)


def test_primary_term_is_the_base_form():
    (word,) = analyzer_for("fi").query_words("Helsingissä")
    assert word.primary == ["helsinki"]


def test_snowball_only_when_asked():
    found = terms("fi", "kokeiluista", "snowball")
    assert "kokeilu" in found
    assert "tulkkauks" in terms("fi", "tulkkauksen", "snowball")
    (word,) = analyzer_for("fi", analyser="snowball").query_words("tekoälyjärjestelmää")
    assert word.prefix == ""


def test_unknown_words_fall_back_to_stem_and_prefix():
    analyser = analyzer_for("fi")
    (word,) = analyser.query_words("zorblaxeissa")
    assert word.primary == [analyser.stem("zorblaxeissa")]
    assert not word.known
    # A long stem also matches as a prefix: inflected forms in documents are found.
    (word,) = analyser.query_words("datahubiratkaisuissa")
    assert word.prefix and "datahubiratkaisuja".startswith(word.prefix)


def test_unknown_verbal_nouns_meet_in_the_minen_form():
    analyser = analyzer_for("fi")
    forms = ["luvittaminen", "luvittamisen", "luvittamisessa", "luvittamista"]
    shared = set.intersection(*(set(analyser.word(f).all_terms) for f in forms))
    assert "luvittaminen" in shared


def test_acronym_hyphen_forms_match_their_inflections():
    analyser = analyzer_for("fi")
    query = set(analyser.word("AI-mallin".lower()).all_terms)
    document = set(analyser.analyse("AI-malli ja AI-mallien käyttö").primary)
    assert {"ai", "malli"} <= query & document


def test_hyphenated_word_gives_parts_and_whole():
    for analyser in ("snowball", "auto"):
        found = terms("fi", "AI-assistentti", analyser)
        assert {"ai", "aiassistentti"} <= found
        assert "assistentti" in found or "assistent" in found


def test_diacritics_are_kept_and_case_folded():
    (word,) = analyzer_for("sv", analyser="snowball").query_words("ÅTGÄRD")
    assert all("å" in t or "a" not in t[:1] for t in word.primary)
    assert terms("fi", "äly", "snowball") != terms("fi", "aly", "snowball")


def test_stop_words_are_dropped_per_language():
    assert analyzer_for("en").query_words("the and of") == []
    assert analyzer_for("sv").query_words("och i att") == []
    assert analyzer_for("fi").query_words("ja tai sekä") == []
    assert [w.surface for w in analyzer_for("en").query_words("the ecosystem")] == ["ecosystem"]


def test_swedish_lemmas_and_stems():
    assert terms("sv", "utredningen") & terms("sv", "utredningar")
    assert "välfärdsområde" in terms("sv", "välfärdsområdet")
    # Definite plural of a compound meets its indefinite singular.
    assert terms("sv", "välfärdsområdena") & terms("sv", "välfärdsområde")
    assert "medlem" in terms("sv", "medlemmarna")
    assert "interpret" in terms("en", "interpretation")


def test_long_swedish_lemma_also_matches_as_prefix():
    (word,) = analyzer_for("sv").query_words("välfärdsområdet")
    assert word.prefix and "välfärdsområdesnivå".startswith(word.prefix)


def test_documents_and_queries_share_one_analyser():
    analyser = analyzer_for("fi")
    document = analyser.analyse("Automaattiset kirjaukset hyvinvointialueella")
    (query,) = analyser.query_words("hyvinvointialueella")
    assert set(query.primary) <= set(document.primary)


@pytest.mark.parametrize(
    "raw",
    ['"', "*", "(", "NEAR(a b)", "a AND OR NOT b", "'; DROP TABLE x; --", "💥🔥", "\x00abc"],
)
def test_hostile_input_parses_to_letters_and_digits_only(raw):
    parsed = parse_query(raw, analyzer_for("fi"))
    for clause in parsed.clauses:
        for term in clause.terms:
            assert term.isalnum()
        assert not clause.prefix or clause.prefix.isalnum()


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
