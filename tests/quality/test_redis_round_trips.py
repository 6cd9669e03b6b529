"""Round trips to the shared cache per request, and renders that never invalidate the cache.

Every instance talks to Redis over the network, so each command is a round trip the page waits
for. Inside a request the cache generation is read once and each lookup once
(``cms.cache.request_cache_scope``); the writes a miss makes go out together at the end. Before
that a page-cache miss sent about 50 commands, half of them reads of the generation.

The round-trip counts need a real Redis (``make test-redis`` sets ``REDIS_URL``) and skip
without it; the rest runs on the test settings' memory cache too.
"""

from __future__ import annotations

import pytest
import redis
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from cms import cache as page_cache
from cms.middleware import PageCacheMiddleware
from cms.models import SiteSettings
from cms.settings.cache_config import redis_caches
from cms.shared_cache import redis_aliases
from tests.factories.home import StandardPageFactory
from tests.factories.tree import build_locale_tree

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

# A page-cache hit: the generation, then the page and the names it reads in one MGET.
HIT_ROUND_TRIPS = 2
# A miss whose lookups are cached: the generation, the MGET, about ten lookups read once each,
# Wagtail's own site root paths, the page written with its lookups' writes at the end.
WARM_MISS_ROUND_TRIPS = 16
# A miss right after a publish: every lookup is rebuilt; their writes still go out together.
COLD_MISS_ROUND_TRIPS = 18


class CountingConnection(redis.connection.Connection):
    """A Redis connection that counts what it sends: one send, one round trip (a pipeline of
    writes is one send)."""

    sent: list[bytes] = []

    def send_packed_command(self, command, check_health=True):
        packed = b"".join(command) if isinstance(command, list) else command
        CountingConnection.sent.append(packed.split(b"\r\n")[2])  # the (first) command's name
        return super().send_packed_command(command, check_health)


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def round_trips(settings, page_cache_on):
    """The caches on the test's Redis through counting connections; yields the sent commands."""
    if "default" not in redis_aliases():
        pytest.skip("REDIS_URL is not set (make test-postgres and make test-redis set it)")
    conf = redis_caches(
        settings.CACHES["default"]["LOCATION"], settings.CACHES["security"]["LOCATION"]
    )
    for alias in conf.values():
        alias["OPTIONS"] = {**alias["OPTIONS"], "connection_class": CountingConnection}
    with override_settings(CACHES=conf):
        for alias in conf:
            caches[alias].clear()
        yield CountingConnection.sent


def counted_get(client, url: str, sent: list[bytes]):
    sent.clear()
    response = client.get(url)
    assert response.status_code == 200
    return response, list(sent)


def test_hits_and_misses_stay_within_their_round_trips(client, round_trips):
    build_locale_tree()
    page = StandardPageFactory(title="Kierroksia")
    other = StandardPageFactory(title="Toinen sivu")
    url, other_url = page.url, other.url  # Wagtail's root-path lookup, outside the requests

    cold, cold_sent = counted_get(client, url, round_trips)
    assert cold["X-Page-Cache"] == "miss"
    assert len(cold_sent) <= COLD_MISS_ROUND_TRIPS, cold_sent
    assert cold_sent.count(b"GET") + cold_sent.count(b"MGET") < len(cold_sent)  # it did write

    hit, hit_sent = counted_get(client, url, round_trips)
    assert hit["X-Page-Cache"] == "hit"
    assert len(hit_sent) <= HIT_ROUND_TRIPS, hit_sent
    tracked, tracked_sent = counted_get(client, f"{url}?utm_source=kirje", round_trips)
    assert tracked["X-Page-Cache"] == "hit"
    assert len(tracked_sent) <= HIT_ROUND_TRIPS, tracked_sent

    warm, warm_sent = counted_get(client, other_url, round_trips)
    assert warm["X-Page-Cache"] == "miss"
    assert len(warm_sent) <= WARM_MISS_ROUND_TRIPS, warm_sent

    StandardPageFactory(title="Julkaistu välissä")  # a publish: every lookup is rebuilt
    after_publish, after_sent = counted_get(client, url, round_trips)
    assert after_publish["X-Page-Cache"] == "miss"
    assert len(after_sent) <= COLD_MISS_ROUND_TRIPS, after_sent


def test_a_request_reads_the_generation_once(monkeypatch, page_cache_on):
    reads = []
    real_read = page_cache._read_generation

    def counting_read():
        reads.append(1)
        return real_read()

    monkeypatch.setattr(page_cache, "_read_generation", counting_read)

    def view(request):
        for _ in range(5):  # menus, routing, settings: each builds a key from the generation
            page_cache.cached_under_generation("test", ("x",), lambda: "arvo")
        return HttpResponse("sivu")

    PageCacheMiddleware(view)(RequestFactory().get("/fi/kerran/"))
    assert len(reads) == 1


def test_a_publish_inside_a_request_moves_the_rest_of_it_to_the_new_generation():
    with page_cache.request_cache_scope():
        before = page_cache.get_generation()
        page_cache.bump_generation()
        assert page_cache.get_generation() != before
        assert page_cache.get_generation() == page_cache._read_generation()


def test_a_first_render_never_invalidates_the_page_cache(client, page_cache_on):
    """A page view must not write a public model: that would move the generation while the page
    renders, store the page under a generation nobody reads, and make the next request miss on
    every instance. A site whose settings nobody has saved yet renders with defaults."""
    build_locale_tree()
    page = StandardPageFactory(title="Ensimmäinen")
    SiteSettings.objects.all().delete()
    before = page_cache.get_generation()

    assert client.get(page.url)["X-Page-Cache"] == "miss"
    assert page_cache.get_generation() == before
    assert not SiteSettings.objects.exists()
    assert client.get(page.url)["X-Page-Cache"] == "hit"
