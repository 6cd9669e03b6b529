"""The pilot index: combinable GET filters with counts, notices for unknown values, and a
constant number of SQL queries whatever the number of pilots."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import PilotIndexPageFactory, RegionFactory, ThemeFactory, translate

from .conftest import make_indicator, make_pilot, make_update

pytestmark = pytest.mark.django_db

INDEX = "/fi/kokeilut/"
KANTA_HAME_PILOTS = {
    "AI-pohjainen toimintakyvyn muutoksen ennakointi",
    "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen",
}


def listed_titles(response) -> set[str]:
    html = response.content.decode()
    cards = html.split('<ul class="cards pilot-cards">', 1)
    if len(cards) < 2:
        return set()
    block = cards[1].split("</ul>", 1)[0]
    return {
        re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<h3>\s*<a [^>]*>([^<]+)</a>", block)
    }


# title, region, theme, category, technology
CATALOGUE = [
    (
        "AI-pohjainen toimintakyvyn muutoksen ennakointi",
        "kanta-hame",
        "parempi-asiakaspalvelu",
        "other",
        "",
    ),
    (
        "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen",
        "kanta-hame",
        "tehokkaampi-ammattilaistyo",
        "other",
        "",
    ),
    (
        "LingAI-reaaliaikainen tulkkaus",
        "keski-suomi",
        "tehokkaampi-ammattilaistyo",
        "interpretation",
        "nlp",
    ),
    (
        "Tekoälypohjainen reaaliaikainen tulkkausratkaisu",
        "hus",
        "parempi-hoidon-laatu",
        "interpretation",
        "combination",
    ),
]


@pytest.fixture(autouse=True)
def catalogue(locale_tree):
    """Four live pilots and one draft under /fi/kokeilut/, the Kanta-Häme two also in Swedish."""
    index = PilotIndexPageFactory(title="Kokeilut", slug="kokeilut")
    sv_index = translate(index, "sv", title="Försök", slug="forsok")
    RegionFactory(slug="kanta-hame", name="Kanta-Häme")
    RegionFactory(slug="kanta-hame", name="Egentliga Tavastland", locale=locale_tree.sv.locale)
    ThemeFactory(slug="parempi-hoidon-laatu", name="Parempi hoidon laatu")
    pilots = []
    for title, region, theme, category, technology in CATALOGUE:
        pilot = make_pilot(index, title, region, [theme], category=category, technology=technology)
        if region == "kanta-hame":
            translate(pilot, "sv")
        pilots.append(pilot)
    make_pilot(index, "Luonnoskokeilu", "kanta-hame", draft=True)
    return index, sv_index, pilots


def test_index_lists_every_live_pilot(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    assert listed_titles(response) == {title for title, *_ in CATALOGUE}


def test_region_filter_shows_exactly_the_two_kanta_hame_pilots(client):
    response = client.get(INDEX, {"region": "kanta-hame"})
    assert listed_titles(response) == KANTA_HAME_PILOTS
    html = response.content.decode()
    assert re.search(r'<option value="kanta-hame"\s+selected', html)


def test_filters_combine_and_show_counts(client):
    response = client.get(INDEX, {"region": "kanta-hame", "theme": "tehokkaampi-ammattilaistyo"})
    assert listed_titles(response) == {
        "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen"
    }
    facets = {f.param: f for f in response.context["listing"].facets}
    themes = {o.value: o.count for o in facets["theme"].options}
    # Theme counts are for Kanta-Häme (the other active filter): one pilot in each of two themes.
    assert themes == {
        "parempi-asiakaspalvelu": 1,
        "tehokkaampi-ammattilaistyo": 1,
        "parempi-hoidon-laatu": 0,
    }
    regions = {o.value: o.count for o in facets["region"].options}
    assert regions["keski-suomi"] == 1 and regions["kanta-hame"] == 1 and regions["hus"] == 0


def test_category_and_technology_filters(client):
    response = client.get(INDEX, {"category": "interpretation"})
    assert listed_titles(response) == {
        "LingAI-reaaliaikainen tulkkaus",
        "Tekoälypohjainen reaaliaikainen tulkkausratkaisu",
    }
    response = client.get(INDEX, {"category": "interpretation", "technology": "nlp"})
    assert listed_titles(response) == {"LingAI-reaaliaikainen tulkkaus"}
    response = client.get(INDEX, {"status": "completed"})
    assert listed_titles(response) == set()
    assert "Rajauksia vastaavia kokeiluja ei löytynyt." in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"theme": "<script>x</script>"},
        {"status": "x" * 5000},
        {"category": "nurse-whisperer", "technology": "quantum"},
    ],
)
def test_unknown_filter_values_are_a_400_with_a_message(client, params):
    response = client.get(INDEX, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "message--error" in html
    assert "<script>x</script>" not in html
    if params == {"region": "atlantis"}:
        assert len(listed_titles(response)) == len(CATALOGUE)
        assert "atlantis" in html


def test_filters_are_translated_in_swedish(client):
    response = client.get("/sv/forsok/", {"region": "kanta-hame"})
    html = response.content.decode()
    assert "Egentliga Tavastland" in html
    assert '<label for="filter-region">Område</label>' in html
    assert "Pågående" in html  # the status option label
    assert len(listed_titles(response)) == 2


def test_overview_has_map_and_theme_chart_with_tables(client):
    html = client.get(INDEX).content.decode()
    assert html.count('role="img"') >= 2
    assert '<title id="pilot-map-title">' in html
    assert "<caption id=" in html and '<details class="chart-data">' in html
    # Kanta-Häme has two pilots: its row in the data table says so.
    assert re.search(r"<th scope=\"row\">Kanta-Häme</th>\s*<td>2</td>", html)


def _count_queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths, settings) that are per process
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# Counts the queries of rendering, not of a page-cache hit.
@override_settings(PAGE_CACHE_ENABLED=False)
def test_index_queries_do_not_grow_with_pilots(client, fresh_index, django_assert_max_num_queries):
    themes = ["parempi-asiakaspalvelu", "parempi-hoidon-laatu"]
    for i in range(3):
        make_pilot(fresh_index, f"Kokeilu {i}", theme_slugs=themes)
    url = fresh_index.url + "?status=ongoing"
    with_three = _count_queries(client, url)
    regions = ["pirkanmaa", "hus", "kanta-hame", "keski-suomi"]
    for i in range(3, 30):
        make_pilot(fresh_index, f"Kokeilu {i}", region_slug=regions[i % 4], theme_slugs=themes)
    client.get(url)
    with django_assert_max_num_queries(with_three):
        response = client.get(url)
    # the map and chart count all 30; the cards are one page of them (cms.listing, #15)
    assert response.context["listing"].count == 30
    assert len(response.context["pilots"]) == 24
    assert sum(count for _region, count in response.context["region_rows"]) == 30
    rest = client.get(url + "&page=2")
    assert len(rest.context["pilots"]) == 6
    assert "30" in rest.content.decode()


# Counts the queries of rendering, not of a page-cache hit.
@override_settings(PAGE_CACHE_ENABLED=False)
def test_pilot_page_queries_do_not_grow_with_indicators_and_updates(
    client, fresh_index, django_assert_max_num_queries
):
    pilot = make_pilot(fresh_index, "Mittarikokeilu", theme_slugs=["parempi-hoidon-laatu"])
    for i in range(3):
        make_indicator(pilot, name=f"Mittari {i}")
        make_update(pilot, f"Päivitys {i}", dt.date(2025, 3, 1 + i))
    with_three = _count_queries(client, pilot.url)
    for i in range(3, 30):
        make_indicator(pilot, name=f"Mittari {i}", measurements=3)
        make_update(pilot, f"Päivitys {i}", dt.date(2025, 4, 1) + dt.timedelta(days=i))
    client.get(pilot.url)
    with django_assert_max_num_queries(with_three):
        response = client.get(pilot.url)
    assert len(response.context["indicator_rows"]) == 30
    assert len(response.context["updates"]) == 30


# Counts the queries of rendering, not of a page-cache hit.
@override_settings(PAGE_CACHE_ENABLED=False)
def test_updates_listing_queries_do_not_grow(client, fresh_index, django_assert_max_num_queries):
    pilots = [make_pilot(fresh_index, f"Päivityskokeilu {i}") for i in range(3)]
    for i, pilot in enumerate(pilots):
        make_update(pilot, f"Uutinen {i}", dt.date(2025, 3, 1 + i))
    url = fresh_index.url + "updates/"
    with_three = _count_queries(client, url)
    for i in range(3, 20):
        make_update(pilots[i % 3], f"Uutinen {i}", dt.date(2025, 3, 1 + i))
    client.get(url)
    with django_assert_max_num_queries(with_three):
        response = client.get(url)
    assert len(response.context["updates"]) == 20
