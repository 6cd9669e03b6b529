"""Elasticsearch: mappings and requests as data; a real server only when ELASTICSEARCH_URL is set."""

from __future__ import annotations

import os
import uuid

import pytest

from search.analysis import analyzer_for
from search.backends import elastic
from search.backends.elastic import IndexedPage, build_search, index_name
from search.query import parse_query


def parsed(text: str, lang: str = "fi"):
    return parse_query(text, analyzer_for(lang))


def test_mapping_stores_analysed_terms_in_whitespace_fields():
    mapping = IndexedPage._doc_type.mapping.to_dict()
    properties = mapping["properties"]
    for name in ("title", "title_extra", "summary", "summary_extra", "body", "body_extra"):
        assert properties[name] == {"type": "text", "analyzer": "terms"}
    assert properties["facets"] == {"type": "keyword"}
    assert properties["display_text"]["analyzer"] == "standard"
    analysis = IndexedPage._doc_type.mapping._collect_analysis()
    assert analysis["analyzer"]["terms"]["tokenizer"] == "whitespace"


def test_one_index_per_language():
    assert {index_name(lang) for lang in ("fi", "sv", "en")} == {
        "sotecms-fi",
        "sotecms-sv",
        "sotecms-en",
    }


def test_query_is_and_of_clauses_with_weighted_fields():
    body = build_search(parsed("hyvinvointialueella tulkkaus "), "fi", {}, 0, 10).to_dict()
    must = body["query"]["bool"]["must"]
    assert len(must) == 2
    first = must[0]["bool"]["should"][0]["multi_match"]
    assert "hyvinvointialue" in first["query"].split()
    assert "title^10" in first["fields"] and "body^2" in first["fields"]
    assert body["aggs"] == {"facets": {"terms": {"field": "facets", "size": 500}}}
    assert body["highlight"]["fields"]["display_text"]["pre_tags"] == ["<mark>"]
    assert body["from"] == 0 and body["size"] == 10


def test_or_fallback_phrase_prefix_and_facet_filters():
    body = build_search(
        parsed('"reaaliaikainen tulkkaus" tekoä'),
        "fi",
        {"region": ["Keski-Suomi"]},
        10,
        10,
        operator="or",
    ).to_dict()
    clauses = body["query"]["bool"]["should"]
    assert body["query"]["bool"]["minimum_should_match"] == 1
    assert clauses[0]["multi_match"]["type"] == "phrase"
    assert {"prefix": {"title": {"value": "tekoä"}}} in clauses[1]["bool"]["should"]
    assert body["query"]["bool"]["filter"] == [{"terms": {"facets": ["region:Keski-Suomi"]}}]
    assert body["from"] == 10


def _strings(node, key=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif key in ("query", "value"):
        yield node


def test_hostile_input_stays_plain_terms():
    body = build_search(parsed('NEAR( "a" OR *:* {"x": 1} fo~2'), "en", {}, 0, 10).to_dict()
    values = list(_strings(body["query"]))
    assert values
    assert all(word.isalnum() for value in values for word in value.split())


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL not set")
@pytest.mark.django_db
def test_real_server_round_trip(settings, monkeypatch):
    from search import service
    from search.backends import _instances

    monkeypatch.setattr(elastic, "INDEX_PREFIX", f"sotecms-test-{uuid.uuid4().hex[:8]}")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    _instances.clear()
    try:
        service.reindex_all()
        outcome = service.search("privacy", "en")
        assert outcome.results[0].title == "Privacy notice"
        assert outcome.facets["type"]
    finally:
        backend = _instances.get("elasticsearch")
        if backend is not None:
            for lang in ("fi", "sv", "en"):
                backend._client().options(ignore_status=404).indices.delete(index=index_name(lang))
        _instances.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("analyser", ["auto", "pip"])
def test_elasticsearch_indexes_the_terms_the_database_backends_index(settings, analyser):
    """The same analysed terms reach every backend: ES documents carry the stored row's terms."""
    from search.documents import PageDocument
    from search.service import to_row

    settings.SEARCH_ANALYSER = analyser
    document = PageDocument(
        page_id=1,
        lang="fi",
        url="/fi/x/",
        content_type="pilotpage",
        title="Tekoälymallien käyttöönotto hyvinvointialueilla",
        summary="AI-mallin luvittamisessa huomioidaan lainsäädäntö.",
        body="Kehittämisessä käytetään datahubiratkaisuja.",
    )
    row = to_row(document)
    indexed = IndexedPage.from_row(row, []).to_dict()
    for name in ("title", "title_extra", "summary", "summary_extra", "body", "body_extra"):
        terms = getattr(row, f"{name}_terms" if not name.endswith("_extra") else name)
        assert indexed.get(name, "") == terms
    assert {"tekoälymalli", "käyttöönotto", "hyvinvointialue"} <= set(indexed["title"].split())
    assert {"luvittaminen", "ai", "malli", "lainsäädäntö"} <= set(
        (indexed["summary"] + " " + indexed["summary_extra"]).split()
    )


@pytest.mark.django_db
def test_elasticsearch_query_has_the_analysis_prefix_of_unknown_words():
    body = build_search(parsed("datahubiratkaisuissa "), "fi", {}, 0, 10).to_dict()
    (clause,) = body["query"]["bool"]["must"]
    prefixes = [o["prefix"] for o in clause["bool"]["should"] if "prefix" in o]
    word = analyzer_for("fi").word("datahubiratkaisuissa")
    assert word.prefix and {"title": {"value": word.prefix}} in prefixes
