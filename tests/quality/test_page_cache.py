"""The anonymous page cache: hits, invalidation on every kind of change, and what it never caches."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template import engines
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from cms.cache import bump_generation
from cms.middleware import PageCacheMiddleware, no_page_cache
from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.redis]  # make test-redis runs these again


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The cache is off in the test settings; these tests are about it."""
    settings.PAGE_CACHE_ENABLED = True


ABOUT = "/fi/tietoa/"


def about_page() -> StandardPage:
    return StandardPage.objects.get(slug="tietoa", locale__language_code="fi")


def publish(page: Page, **changes) -> None:
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_second_anonymous_request_is_served_from_cache(client):
    first = client.get(ABOUT)
    second = client.get(ABOUT)
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_cached_pages_send_shared_cache_headers(client):
    client.get(ABOUT)
    response = client.get(ABOUT)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=60" in cache_control
    assert "Cookie" in response["Vary"]
    # Headers set below the cache (CSP, framing) and above it (nosniff) are on hits too.
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_published_change_is_visible_on_next_request_with_warm_cache(client):
    client.get(ABOUT)
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    publish(about_page(), title="Päivitetty otsikko 123")
    response = client.get(ABOUT)
    assert "Päivitetty otsikko 123" in response.content.decode()
    # The front page shows the menu with the page title: it is refreshed too.
    assert "Päivitetty otsikko 123" in client.get("/fi/").content.decode()


def test_unpublishing_removes_the_page_at_once(client):
    client.get(ABOUT)
    about_page().unpublish()
    assert client.get(ABOUT).status_code == 404


def test_moving_and_deleting_invalidate(client):
    page = about_page()
    home = page.get_parent()
    other = StandardPage(title="Väliaikainen", slug="valiaikainen")
    home.add_child(instance=other)
    other.save_revision().publish()
    client.get("/fi/valiaikainen/")
    assert client.get("/fi/valiaikainen/")["X-Page-Cache"] == "hit"
    other.move(page, pos="last-child")
    assert client.get("/fi/valiaikainen/").status_code in (301, 404)  # Wagtail may redirect
    assert client.get("/fi/tietoa/valiaikainen/").status_code == 200
    Page.objects.get(pk=other.pk).delete()
    assert client.get("/fi/tietoa/valiaikainen/").status_code == 404


def test_saving_a_setting_refreshes_every_page(client):
    from cms.models import SiteSettings

    client.get(ABOUT)
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.contact_email = "uusi-osoite@example.org"
    settings_obj.save()
    assert "uusi-osoite@example.org" in client.get(ABOUT).content.decode()


def test_menu_change_shows_in_header(client):
    page = about_page()
    home = page.get_parent()
    new = StandardPage(title="Uusi valikkosivu", slug="uusi-valikko", show_in_menus=True)
    client.get(ABOUT)
    home.add_child(instance=new)
    new.save_revision().publish()
    assert "Uusi valikkosivu" in client.get(ABOUT).content.decode()


def test_editors_never_get_cached_pages_and_never_fill_the_cache(client):
    client.get(ABOUT)
    assert client.get(ABOUT)["X-Page-Cache"] == "hit"
    editor = get_user_model().objects.create_superuser("editor-x", "e@example.org", "pw-123456")
    client.force_login(editor)
    response = client.get(ABOUT)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    # An editor's page (with the Wagtail user bar) is never handed to a visitor.
    bump_generation()
    client.force_login(editor)
    client.get("/fi/osallistu/")
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/fi/osallistu/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert "w-userbar" not in anonymous.content.decode()


def test_post_requests_are_never_cached(client):
    client.get(ABOUT)
    response = client.post(ABOUT, {})
    assert "X-Page-Cache" not in response


def _csrf_view(request):
    template = engines["django"].from_string("<form method=post>{% csrf_token %}</form>")
    return HttpResponse(template.render({}, request))


def test_pages_with_a_csrf_token_are_not_cached():
    factory = RequestFactory()
    chain = PageCacheMiddleware(CsrfViewMiddleware(_csrf_view))
    first = chain(factory.get("/fi/lomake/"))
    second = chain(factory.get("/fi/lomake/"))
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in second
    assert first.cookies  # the CSRF cookie is why it is personal
    assert "no-store" in first["Cache-Control"]


def test_password_protected_page_form_is_not_cached(client):
    page = about_page()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    first = client.get(ABOUT)
    second = client.get(ABOUT)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert second.get("X-Page-Cache") != "hit"


def test_views_can_opt_out():
    factory = RequestFactory()
    chain = PageCacheMiddleware(no_page_cache(lambda request: HttpResponse("hei")))
    chain(factory.get("/fi/x/"))
    assert "X-Page-Cache" not in chain(factory.get("/fi/x/"))


def test_a_render_overlapping_a_publish_is_not_served_afterwards():
    """A response rendered while the generation changed is stored under the old generation."""
    factory = RequestFactory()
    renders = []

    def view(request):
        renders.append(1)
        if len(renders) == 1:
            bump_generation()  # an editor publishes while this (old) page is rendering
        return HttpResponse(f"render {len(renders)}")

    chain = PageCacheMiddleware(view)
    assert chain(factory.get("/fi/kilpa/")).content == b"render 1"
    assert chain(factory.get("/fi/kilpa/")).content == b"render 2"
    assert chain(factory.get("/fi/kilpa/"))["X-Page-Cache"] == "hit"


def test_query_string_is_part_of_the_key(client):
    client.get("/api/v2/pages/?locale=sv")
    response = client.get("/api/v2/pages/?locale=en")
    titles = {item["title"] for item in response.json()["items"]}
    assert "Startsida" not in titles


def test_per_process_cache_keeps_the_generation_in_a_shared_file(tmp_path, settings):
    """With the memory cache each worker has its own cache: a publish in one process must reach
    the others, so the generation lives in a file they all read."""
    from cms import cache as page_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    assert page_cache._uses_file_generation()
    before = page_cache.get_generation()
    (tmp_path / "generation").write_text("set-by-another-process")
    assert page_cache.get_generation() == "set-by-another-process" != before
    bump_generation()
    assert (tmp_path / "generation").read_text() != "set-by-another-process"


def _time_bounded_view(moment):
    from django.http import HttpResponse

    from cms.cache import expire_page_cache_at

    def view(request):
        expire_page_cache_at(moment)
        return HttpResponse("events")

    return view


def _page_timeout_spy(stored: list):
    """``cache_set`` as the middleware calls it, recording the timeout of each stored page (the
    entry of the parameter names it reads is left out)."""
    from cms.cache import cache_set

    def spy(key, value, timeout):
        if key.startswith("pagecache:"):
            stored.append(timeout)
        return cache_set(key, value, timeout)

    return spy


def test_a_time_bounded_page_is_cached_only_until_its_moment(rf, monkeypatch):
    """An events listing must drop an event when it ends, not when the cache times out."""
    import datetime

    from django.utils import timezone

    from cms.middleware import PageCacheMiddleware

    stored = []
    monkeypatch.setattr("cms.middleware.cache_set", _page_timeout_spy(stored))
    soon = timezone.now() + datetime.timedelta(seconds=30)
    PageCacheMiddleware(_time_bounded_view(soon))(rf.get("/fi/tapahtumat/"))
    assert stored and 0 < stored[0] <= 30

    stored.clear()
    past = timezone.now() - datetime.timedelta(seconds=1)
    response = PageCacheMiddleware(_time_bounded_view(past))(rf.get("/fi/tapahtumat/"))
    assert stored == [] and response.content == b"events"


def test_event_listing_bounds_its_cache_time_by_the_next_event_end(client, monkeypatch, settings):
    settings.PAGE_CACHE_ENABLED = True
    stored = []
    monkeypatch.setattr("cms.middleware.cache_set", _page_timeout_spy(stored))
    from events.models import EventIndexPage

    index = EventIndexPage.objects.live().get(locale__language_code="fi")
    client.get(index.url)
    assert stored, "the listing was not cached at all"
    from events.queries import upcoming_events

    first_end = min(e.end for e in upcoming_events(index.locale))
    from django.utils import timezone

    assert stored[0] <= (first_end - timezone.now()).total_seconds() + 1


def _page_cache_keys() -> list[str]:
    """The stored page-cache keys, from the local-memory cache or from Redis (make test-redis)."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        return [key.decode() for key in client.scan_iter(match="*:pagecache:*")]
    return [key for key in cache._cache if ":pagecache:" in key]


def test_random_query_strings_do_not_fill_the_cache(client):
    """400 GETs with query strings the page does not read make at most a handful of entries."""
    import random
    import string

    rng = random.Random(14)
    outcomes = []
    for i in range(400):
        name = "".join(rng.choices(string.ascii_lowercase, k=6))
        value = "".join(rng.choices(string.ascii_letters + string.digits, k=8))
        extra = rng.choice(["", f"&utm_source={value}", "&fbclid=x"])
        response = client.get(f"{ABOUT}?{name}={value}{extra}")
        assert response.status_code == 200
        outcomes.append(response.get("X-Page-Cache"))
        if i == 200:
            client.get(ABOUT)  # once the bare page is cached, random strings are served from it
    assert len(_page_cache_keys()) <= 3
    assert set(outcomes[201:]) == {"hit"}
    assert client.get(f"{ABOUT}?utm_campaign=syksy&zz=1")["X-Page-Cache"] == "hit"


def test_parameters_a_page_reads_still_make_their_own_entries(client):
    from pilots.models import PilotIndexPage

    index = PilotIndexPage.objects.live().get(locale__language_code="fi")
    from cms.models import Region

    region = Region.objects.filter(locale__language_code="fi").first()
    first = client.get(f"{index.url}?region={region.slug}")
    bare = client.get(index.url)
    assert first.status_code == bare.status_code == 200
    assert bare.content != first.content
    again = client.get(f"{index.url}?region={region.slug}&utm_medium=mail")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content


def test_search_page_keys_on_its_own_parameters(client):
    client.get("/fi/haku/?q=tulkkaus")
    response = client.get("/fi/haku/?q=tulkkaus&junk=1")
    assert response["X-Page-Cache"] == "hit"
    other = client.get("/fi/haku/?q=potilas")
    assert other["X-Page-Cache"] == "miss"
