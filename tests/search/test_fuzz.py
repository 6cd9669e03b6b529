"""Any input is a valid query: hypothesis throws random and hostile strings at both endpoints."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PilotPageFactory, ReportPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def indexed_pages(locale_tree):
    """A few pages in each language, so queries meet real documents, snippets and facets."""
    for language in ("fi", "sv", "en"):
        StandardPageFactory(language=language, title="Tekoäly ja hyvinvointialue")
        PilotPageFactory(language=language, title="Tulkkaus tekoälyllä", summary="AI tulkkaus")
    ReportPageFactory(title="Tekoälyn käyttö", abstract="Selvitys tekoälystä ja tulkkauksesta")


HOSTILE = [
    '"',
    '""',
    "*",
    "(",
    ")",
    "NEAR(",
    "NEAR(a b, 2)",
    "a AND",
    "OR OR",
    "NOT",
    "-",
    "^",
    ":",
    "{title}:",
    "title:x",
    "'; DROP TABLE search_searchdocument; --",
    "1' OR '1'='1",
    "a & b | !c <-> d:*",
    "\\",
    "%",
    "_",
    "\x00",
    "💥🔥🤖",
    "ä" * 10_000,
    "tekoäly " * 2000,
    "\u202e\u200b\ufeff",
    "𝔱𝔢𝔨𝔬ä𝔩𝔶",
    "x²³ ½",
]

queries = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.lists(st.sampled_from(HOSTILE + ["tekoäly", "tulkkaus", "AI", "hyvinvointialue"])).map(
        " ".join
    ),
)
common = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@settings(common, max_examples=400)
@given(q=queries, lang=st.sampled_from(["fi", "sv", "en"]))
def test_api_never_fails(client, q, lang):
    response = client.get("/api/search/", {"q": q, "lang": lang, "theme": q[:50]})
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json()["count"], int)
    autocomplete = client.get("/api/search/autocomplete/", {"q": q, "lang": lang})
    assert autocomplete.status_code == 200


@common
@given(q=queries, path=st.sampled_from(["/fi/haku/", "/sv/sok/", "/en/search/"]))
def test_search_page_never_fails(client, q, path):
    response = client.get(path, {"q": q})
    assert response.status_code == 200, response.content[:300]
