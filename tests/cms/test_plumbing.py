"""robots.txt, health check, the public API and answers to bad input (the sitemap: test_sitemap)."""

from unittest import mock

import pytest
from django.db import OperationalError

from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(locale_tree):
    """An "about" page in Finnish with its Swedish and English translations."""
    page = StandardPageFactory(title="Tietoa", slug="tietoa")
    translate(page, "sv", title="Om ekosystemet", slug="om")
    translate(page, "en", title="About", slug="about")
    return page


def test_robots_points_to_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_healthz_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_fails_when_database_does_not(client):
    with mock.patch("cms.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_api_lists_swedish_pages_only(client, about):
    data = client.get("/api/v2/pages/?locale=sv&fields=locale").json()
    titles = {item["title"] for item in data["items"]}
    assert titles == {"Startsida", "Om ekosystemet"}
    assert {item["meta"]["locale"] for item in data["items"]} == {"sv"}


@pytest.mark.parametrize(
    "path", ["/fi/" + "a" * 5000 + "/", "/fi/%00/", "/fi/tietoa/" + "x/" * 400]
)
def test_hostile_paths_get_a_clean_404(client, about, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Sivua ei löydy" in response.content.decode()  # the localized 404 page


def test_malformed_page_parameter_is_a_400_not_a_500(rf):
    from django.core.exceptions import BadRequest
    from django.http import Http404

    from cms.pagination import paginate

    items = list(range(30))
    with pytest.raises(BadRequest):
        paginate(rf.get("/", {"page": "abc"}), items)
    with pytest.raises(BadRequest):
        paginate(rf.get("/", {"page": "9" * 50}), items)
    with pytest.raises(Http404):
        paginate(rf.get("/", {"page": "99"}), items)
    assert list(paginate(rf.get("/", {"page": "2"}), items, per_page=12)) == list(range(12, 24))


def test_demo_notice_is_shown_and_translated(client, locale_tree):
    from wagtail.models import Site

    from cms.models import SiteSettings

    assert "Demosisältöä." not in client.get("/fi/").content.decode()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.demo_content = True
    settings.save()
    assert "Demo content." in client.get("/en/").content.decode()
    assert "Demosisältöä." in client.get("/fi/").content.decode()
