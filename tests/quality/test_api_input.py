"""The public API answers hostile input with JSON 400s and unknown URLs with JSON 404s."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "search=%22",
        "search=%00",
        "search=%1F",
        'search=a"b"c"',
        "offset=99999999999999999999",
        "search=x&offset=99999999999999999999",
    ],
)
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_hostile_search_and_offset_answer_a_json_400(client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_ordinary_search_still_works(client):
    response = client.get('/api/v2/pages/?search="tekoäly"&offset=0')
    assert response.status_code == 200
    assert "items" in response.json()


@pytest.mark.parametrize("path", ["/api/v2/nothing/", "/api/v2/pages/999999/", "/api/x"])
def test_api_not_found_is_a_json_404_not_a_locale_redirect(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]
