"""Pages are served by Wagtail's own view; the cached lookups behind it (``HomePage.route``,
``PublicPageMixin.get_view_restrictions``) answer exactly as Wagtail's would, also when cached.

Pages are requested twice in most tests: the first request fills the route, site and restriction
caches and the second is answered from them, which is where a stale answer would show.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Site

from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.redis]  # make test-redis runs these again

ABOUT = "/fi/tietoa/"


def about() -> StandardPage:
    return StandardPage.objects.get(url_path__endswith="/tietoa/", locale__language_code="fi")


def add_page(parent: Page, slug: str, *, live: bool = True) -> StandardPage:
    page = StandardPage(title=slug.title(), slug=slug, intro="Johdanto")
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save(update_fields=["live"])
    return page


def get_twice(client, url: str, **headers):
    first = client.get(url, **headers)
    second = client.get(url, **headers)
    assert first.status_code == second.status_code, url
    return second


def test_pages_and_their_descendants_are_served(client):
    child = add_page(about(), "alasivu")
    add_page(child, "lapsenlapsi")
    assert get_twice(client, ABOUT).status_code == 200
    assert get_twice(client, ABOUT + "alasivu/").status_code == 200
    response = get_twice(client, ABOUT + "alasivu/lapsenlapsi/")
    assert response.status_code == 200
    assert "Lapsenlapsi" in response.content.decode()


def test_unknown_and_draft_pages_are_404_but_live_children_of_drafts_are_served(client):
    draft = add_page(about(), "luonnos", live=False)
    add_page(draft, "julkaistu-lapsi")
    assert get_twice(client, ABOUT + "ei-ole/").status_code == 404
    assert get_twice(client, ABOUT + "luonnos/").status_code == 404
    # Wagtail routes through an unpublished parent to a live child; so do we.
    assert get_twice(client, ABOUT + "luonnos/julkaistu-lapsi/").status_code == 200


def test_missing_trailing_slash_redirects(client):
    response = client.get("/fi/tietoa")
    assert response.status_code == 301
    assert response["Location"].endswith(ABOUT)


def test_unpublishing_a_page_after_it_was_routed_makes_it_404(client):
    page = add_page(about(), "poistuva")
    assert get_twice(client, ABOUT + "poistuva/").status_code == 200
    page.unpublish()
    assert client.get(ABOUT + "poistuva/").status_code == 404


def test_moving_a_page_moves_its_url(client):
    page = add_page(about(), "muuttava")
    assert get_twice(client, ABOUT + "muuttava/").status_code == 200
    home = Page.objects.get(depth=2, locale__language_code="fi")
    page.move(home, pos="last-child")
    old = client.get(ABOUT + "muuttava/")
    assert old.status_code == 301  # Wagtail's automatic redirect from the old address
    assert old["Location"].endswith("/fi/muuttava/")
    assert client.get("/fi/muuttava/").status_code == 200


def test_password_restriction_protects_the_page_and_its_descendants(client):
    parent = add_page(about(), "salainen")
    add_page(parent, "sisalla")
    assert get_twice(client, ABOUT + "salainen/sisalla/").status_code == 200  # cached as public
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    for url in (ABOUT + "salainen/", ABOUT + "salainen/sisalla/"):
        response = get_twice(client, url)
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode()
        assert "Sisalla" not in response.content.decode()
        assert "no-cache" in response["Cache-Control"]


def test_login_and_group_restrictions_redirect_to_login(client):
    page = add_page(about(), "jasenille")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Sisäpiiri"))
    response = get_twice(client, ABOUT + "jasenille/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_removing_a_restriction_opens_the_page(client):
    page = add_page(about(), "avautuva")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert get_twice(client, ABOUT + "avautuva/").status_code == 302
    restriction.delete()
    assert client.get(ABOUT + "avautuva/").status_code == 200


def test_an_alias_is_served_and_follows_its_source_restrictions(client):
    source = add_page(about(), "lahde")
    home = Page.objects.get(depth=2, locale__language_code="fi")
    source.create_alias(parent=home, update_slug="alias")
    assert get_twice(client, "/fi/alias/").status_code == 200
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    assert get_twice(client, "/fi/alias/").status_code == 302


def test_language_switcher_leaves_out_a_restricted_translation(client):
    swedish = StandardPage.objects.get(url_path__endswith="/om/", locale__language_code="sv")
    assert 'hreflang="sv"' in get_twice(client, ABOUT).content.decode()
    PageViewRestriction.objects.create(page=swedish, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(ABOUT).content.decode()
    assert swedish.url not in html


def test_routable_sub_pages_still_resolve(client):
    index = "/fi/uutiset/"
    assert get_twice(client, index).status_code == 200
    response = get_twice(client, index + "feed/rss/")
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    assert client.get(index + "feed/ei-tallaista/").status_code == 404


def test_breadcrumbs_show_the_ancestors(client):
    child = add_page(about(), "murupolku")
    html = get_twice(client, child.url).content.decode()
    nav = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{ABOUT}"' in nav
    assert 'href="/fi/"' in nav


def test_each_site_serves_its_own_root_page(client):
    Site.objects.create(hostname="toinen.example", port=80, root_page=about())
    response = get_twice(client, "/fi/", HTTP_HOST="toinen.example")
    assert response.status_code == 200
    assert response.context["page"].pk == about().pk
    assert get_twice(client, "/fi/").context["page"].depth == 2  # the default site's front page


def test_an_unknown_host_without_a_default_site_gets_404(client):
    Site.objects.update(is_default_site=False)
    assert get_twice(client, ABOUT, HTTP_HOST="tuntematon.example").status_code == 404
