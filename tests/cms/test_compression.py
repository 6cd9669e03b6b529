"""Pages are gzip-compressed for clients that accept it, above the page cache (see
docs/deployment.md, "Compression"), and can be turned off for a compressing proxy."""

from __future__ import annotations

import gzip

import pytest
from django.conf import settings

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

GZIP = "django.middleware.gzip.GZipMiddleware"


@pytest.fixture
def page_path(locale_tree) -> str:
    page = StandardPageFactory(parent=locale_tree.fi, title="Pakkaus", intro="Sisältöä " * 80)
    return page.url


def test_gzip_sits_above_the_page_cache_and_below_whitenoise():
    order = settings.MIDDLEWARE
    assert order.index("whitenoise.middleware.WhiteNoiseMiddleware") < order.index(GZIP)
    assert order.index(GZIP) < order.index("cms.middleware.PageCacheMiddleware")


def test_page_is_compressed_when_the_client_accepts_gzip(client, page_path):
    plain = client.get(page_path)
    compressed = client.get(page_path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert plain.status_code == compressed.status_code == 200
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_cache_hits_are_compressed_and_the_cache_keeps_one_plain_copy(client, page_path, settings):
    client.get(page_path)  # the first render creates the site settings (a new cache generation)
    settings.PAGE_CACHE_ENABLED = True
    first = client.get(page_path, HTTP_ACCEPT_ENCODING="gzip")
    hit = client.get(page_path, HTTP_ACCEPT_ENCODING="gzip")
    plain_hit = client.get(page_path)
    assert first["X-Page-Cache"] == "miss"
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert plain_hit["X-Page-Cache"] == "hit" and "Content-Encoding" not in plain_hit
    assert gzip.decompress(hit.content) == plain_hit.content


def test_form_page_with_a_csrf_token_is_compressed_with_a_fresh_token_each_time(client):
    """BREACH: compression stays on; the masked token differs in every response."""
    tokens = []
    for _ in range(2):
        response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        marker = 'name="csrfmiddlewaretoken" value="'
        start = html.index(marker) + len(marker)
        tokens.append(html[start : html.index('"', start)])
    assert tokens[0] != tokens[1]


def test_compress_html_false_takes_the_middleware_out(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("COMPRESS_HTML", "false")
    try:
        reloaded = importlib.reload(base)
        assert GZIP not in reloaded.MIDDLEWARE
    finally:
        monkeypatch.delenv("COMPRESS_HTML")
        importlib.reload(base)
