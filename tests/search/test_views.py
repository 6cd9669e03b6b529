"""The search pages and the JSON API as visitors and API clients see them."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from home.models import StandardPage
from search import service
from search.backends import BackendUnavailable

from .corpus import build_corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return build_corpus()


@pytest.mark.parametrize(
    ("path", "heading"), [("/fi/haku/", "Haku"), ("/sv/sok/", "Sök"), ("/en/search/", "Search")]
)
def test_search_page_per_language(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text
    assert 'role="search"' in response.text


def test_search_path_of_another_language_redirects(client):
    response = client.get("/en/haku/?q=privacy")
    assert response.status_code == 302
    assert response["Location"] == "/en/search/?q=privacy"


def test_results_with_highlighted_snippets(client, corpus):
    response = client.get("/fi/haku/", {"q": "tulkkauksen"})
    assert response.status_code == 200
    text = response.text
    assert "LingAI-reaaliaikainen tulkkaus" in text
    assert "<mark>tulkkausta</mark>" in text


def test_user_text_is_escaped(client, corpus):
    response = client.get("/fi/haku/", {"q": '<script>alert("x")</script> tulkkaus'})
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.text
    assert "&lt;script&gt;" in response.text


def test_page_content_is_escaped_in_snippets(client):
    home = Page.objects.get(depth=2, locale__language_code="fi")
    page = StandardPage(title="Merkit", slug="merkit", intro="Vertailu a<b ja kvasaari")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/api/search/", {"q": "kvasaari", "lang": "fi"})
    assert response.json()["results"][0]["snippet"] == "Vertailu a&lt;b ja <mark>kvasaari</mark>"


def test_content_type_tabs_and_facet_filters(client):
    response = client.get("/fi/haku/", {"q": "tekoäly"})
    assert 'class="search-tabs"' in response.text
    assert "Keski-Suomi" in response.text  # region facet
    filtered = client.get("/api/search/", {"q": "tekoäly", "lang": "fi", "region": "Pohjois-Savo"})
    data = filtered.json()
    assert [r["title"] for r in data["results"]] == [
        "Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto"
    ]
    # the region counts ignore the region filter so other regions stay choosable (the demo
    # content has one matching pilot in each of these counties)
    regions = {f["value"]: f["count"] for f in data["facets"]["region"]}
    assert regions["Pohjois-Savo"] == 1 and regions["Kanta-Häme"] == 1
    themes = {f["value"] for f in data["facets"]["theme"]}
    assert themes == {"Parempi hoidon laatu"}
    only_pilots = client.get("/api/search/", {"q": "tekoäly", "lang": "fi", "type": "pilotpage"})
    assert {r["type"] for r in only_pilots.json()["results"]} == {"pilotpage"}


def test_and_falls_back_to_or_and_says_so(client, corpus):
    data = client.get("/api/search/", {"q": "tulkkaus lääkitysturvallisuus", "lang": "fi"}).json()
    assert data["operator"] == "or"
    assert data["count"] >= 2
    assert "any of them" in data["message"]
    # Not "interpretation medication": English stems "medication" and "medical" alike, and the
    # demo's PET imaging use case (a result of its own) has "interpreted" and "medical", so AND
    # rightly finds it. No text is about interpretation and obesity.
    page = client.get("/en/search/", {"q": "interpretation obesity"})
    assert "No page contained all of your words" in page.text


def test_a_misspelt_word_is_corrected_against_the_index(client, corpus):
    data = client.get("/api/search/", {"q": "lääkitysturvalisuutta", "lang": "fi"}).json()
    assert data["count"] >= 1
    assert data["correction"] == {
        "query": "lääkitysturvallisuutta",
        "original": "lääkitysturvalisuutta",
    }
    page = client.get("/fi/haku/", {"q": "lääkitysturvalisuutta"})
    assert "Näytetään tulokset haulle <strong>lääkitysturvallisuutta</strong>." in page.text
    assert "Hae sen sijaan:" in page.text and "exact=1" in page.text
    # The words as typed, on request: nothing found, the correction only offered.
    exact = client.get(
        "/api/search/", {"q": "lääkitysturvalisuutta", "lang": "fi", "exact": "1"}
    ).json()
    assert exact["count"] == 0 and exact["correction"] is None
    assert exact["suggestion"] == "lääkitysturvallisuutta"


@pytest.mark.parametrize(
    ("path", "lang", "typo", "fixed", "shown"),
    [
        # The typo must not pass for a compound (medicin + gen) that matches every text
        # about medicine: then it was never corrected.
        ("/sv/sok/", "sv", "medicinerngen", "medicineringen", "Visar resultat för"),
        ("/en/search/", "en", "interpretaton", "interpretation", "Showing results for"),
        (
            "/fi/haku/",
            "fi",
            "hyvnvointialueilla",
            "hyvinvointialueilla",
            "Näytetään tulokset haulle",
        ),
    ],
)
def test_correction_in_every_language(client, corpus, path, lang, typo, fixed, shown):
    data = client.get("/api/search/", {"q": typo, "lang": lang}).json()
    assert data["correction"] == {"query": fixed, "original": typo}
    assert data["count"] >= 1
    page = client.get(path, {"q": typo})
    assert f"{shown} <strong>{fixed}</strong>." in page.text


def test_no_correction_for_known_words(client, corpus):
    data = client.get("/api/search/", {"q": "tulkkaus", "lang": "fi"}).json()
    assert data["correction"] is None and data["count"] >= 1


def test_zero_results_help(client):
    response = client.get("/en/search/", {"q": "qwxzyv"})
    assert response.status_code == 200
    assert "Nothing found" in response.text


def test_only_punctuation_gets_a_clear_message(client):
    response = client.get("/en/search/", {"q": '"*( )"'})
    assert response.status_code == 200
    assert "no words to look for" in response.text
    data = client.get("/api/search/", {"q": "the of and", "lang": "en"}).json()
    assert data["count"] == 0 and data["message"]


def test_api_shape_and_language(client, corpus):
    data = client.get("/api/search/", {"q": "interpretation", "lang": "en"}).json()
    assert set(data) >= {"count", "results", "facets"}
    first = data["results"][0]
    assert set(first) == {"title", "url", "type", "snippet", "score"}
    assert first["url"].startswith("/en/")
    assert client.get("/api/search/", {"q": "x", "lang": "de"}).status_code == 400


def test_api_pagination(client, corpus):
    first = client.get("/api/search/", {"q": "tekoäly", "lang": "fi"}).json()
    assert first["count"] > 10
    second = client.get("/api/search/", {"q": "tekoäly", "lang": "fi", "page": "2"}).json()
    assert second["results"] and second["results"][0]["url"] not in {
        r["url"] for r in first["results"]
    }
    assert client.get("/api/search/", {"q": "x", "page": "abc"}).status_code == 400
    assert client.get("/fi/haku/", {"q": "tekoäly", "page": "abc"}).status_code == 400
    assert client.get("/fi/haku/", {"q": "tekoäly", "page": "2"}).status_code == 200


def test_autocomplete_titles(client):
    data = client.get("/api/search/autocomplete/", {"q": "tekoälyp", "lang": "fi"}).json()
    assert "Tekoälypohjainen reaaliaikainen tulkkausratkaisu" in [
        r["title"] for r in data["results"]
    ]
    word_start = client.get("/api/search/autocomplete/", {"q": "tulkk", "lang": "fi"}).json()
    # two demo pilots, the demo news item about the interpretation pilot and the use case of
    # the catalogue (listed items are results of their own, so they are suggested too)
    assert {r["title"] for r in word_start["results"]} == {
        "LingAI-reaaliaikainen tulkkaus",
        "Reaaliaikainen tulkkaus",
        "Tulkkaus otettiin käyttöön ensimmäisessä toimipisteessä",
        "Tekoälypohjainen reaaliaikainen tulkkausratkaisu",
    }
    inside = client.get("/api/search/autocomplete/", {"q": "kkaus", "lang": "fi"}).json()
    assert inside["results"] == []


def test_backend_down_gives_503_not_500(client, monkeypatch):
    def down(*args, **kwargs):
        raise BackendUnavailable("connection refused")

    monkeypatch.setattr(service, "search", down)
    page = client.get("/fi/haku/", {"q": "tekoäly"})
    assert page.status_code == 503
    assert "Search is temporarily unavailable" in page.text or "Haku" in page.text
    api = client.get("/api/search/", {"q": "tekoäly", "lang": "fi"})
    assert api.status_code == 503
    assert api.json()["error"]


def test_page_types_have_real_plurals_and_results_name_their_type(client):
    """Page types have a translated plural (not Django's singular plus "s"); a result names its
    type in the singular ("Perussivu")."""
    from wagtail.models import get_page_models

    missing = [
        m.__name__
        for m in get_page_models()
        if m is not Page and "verbose_name_plural" not in m._meta.original_attrs
    ]
    assert missing == []
    html = client.get("/fi/haku/", {"q": "tietoa"}).text
    assert '<span class="tag">Perussivu</span>' in html
    assert "perussivus" not in html.lower()
    assert "standardsidas" not in client.get("/sv/sok/", {"q": "om"}).text.lower()


def test_swedish_compounds_and_definite_forms(client, corpus):
    def slugs(q: str) -> list[str]:
        data = client.get("/api/search/", {"q": q, "lang": "sv"}).json()
        return [r["url"].rstrip("/").rsplit("/", 1)[-1] for r in data["results"]]

    # A compound query reaches its parts (both are words of the index): risk + verktyg.
    assert "lakemedelsrisker" in slugs("riskverktygen")
    # A definite form reaches the compound that starts with it.
    assert "lakemedelsrisker" in slugs("läkemedlet")
    # A definite plural meets the definite singular of the same word (demo content).
    assert "automatiska-journalanteckningar-i-valfardsomradet" in slugs("välfärdsområdena")
