"""Feeds (RSS/Atom per language and per pilot), the updates listing and the API v2 fields."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from pilots.models import Indicator, PilotTheme
from tests.factories import (
    IndicatorFactory,
    MeasurementFactory,
    PilotIndexPageFactory,
    PilotPageFactory,
    PilotUpdatePageFactory,
    RegionFactory,
    ThemeFactory,
    translate,
)

pytestmark = pytest.mark.django_db

# slug → name in fi, sv, en
REGIONS = {
    "kanta-hame": ("Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme"),
    "pohjanmaa": ("Pohjanmaa", "Österbotten", "Ostrobothnia"),
    "varsinais-suomi": ("Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
}
THEMES = {
    "tehokkaampi-ammattilaistyo": (
        "Tehokkaampi ammattilaisten työ",
        "Effektivare arbete för yrkesfolk",
        "More efficient professional work",
    ),
    "parempi-asiakaspalvelu": (
        "Parempi asiakaspalvelu",
        "Bättre kundservice",
        "Better customer service",
    ),
    "parempi-hoidon-laatu": (
        "Parempi hoidon laatu",
        "Bättre vårdkvalitet",
        "Better quality of care",
    ),
}
LANGUAGES = ("fi", "sv", "en")
# fi slug, titles (fi, sv, en), region, theme, its update's titles (fi, sv, en) and date
PILOTS = [
    (
        "lastensuojelun-tekoaly",
        ("Lastensuojelun tekoäly", "AI inom barnskyddet", "AI in child welfare"),
        "kanta-hame",
        "tehokkaampi-ammattilaistyo",
        (
            "Kokeilu käynnistyi lastensuojelussa",
            "Försöket inleddes inom barnskyddet",
            "The pilot started in child welfare",
        ),
        dt.date(2025, 3, 1),
    ),
    (
        "lingai-reaaliaikainen-tulkkaus",
        (
            "LingAI-reaaliaikainen tulkkaus",
            "LingAI-tolkning i realtid",
            "LingAI real-time interpretation",
        ),
        "pohjanmaa",
        "parempi-asiakaspalvelu",
        (
            "Tulkkaus otettiin käyttöön ensimmäisessä toimipisteessä",
            "Tolkningen togs i bruk på det första verksamhetsstället",
            "Interpretation in use at the first site",
        ),
        dt.date(2025, 4, 1),
    ),
    (
        "tekoaly-syovan-pet-kuvantamisessa",
        (
            "Tekoäly syövän PET-kuvantamisessa",
            "AI i PET-avbildning av cancer",
            "AI in cancer PET imaging",
        ),
        "varsinais-suomi",
        "parempi-hoidon-laatu",
        (
            "Ensimmäiset PET-aineistot analysoitu",
            "De första PET-materialen analyserade",
            "First PET data analysed",
        ),
        dt.date(2025, 5, 1),
    ),
]


@pytest.fixture(autouse=True)
def pilots(locale_tree):
    """Three pilots with one update each, in fi, sv and en; LingAI has an indicator."""
    index = PilotIndexPageFactory(title="Kokeilut", slug="kokeilut")
    indexes = {
        "fi": index,
        "sv": translate(index, "sv", title="Försök", slug="forsok"),
        "en": translate(index, "en", title="Pilots", slug="pilots"),
    }
    assert indexes["en"].url == "/en/pilots/"
    made = {}
    for slug, titles, region, theme, update_titles, day in PILOTS:
        regions = {
            lang: RegionFactory(
                slug=region, name=REGIONS[region][i], locale=locale_tree.locales[lang]
            )
            for i, lang in enumerate(LANGUAGES)
        }
        themes = {
            lang: ThemeFactory(slug=theme, name=THEMES[theme][i], locale=locale_tree.locales[lang])
            for i, lang in enumerate(LANGUAGES)
        }
        pilot = PilotPageFactory(
            parent=index,
            slug=slug,
            title=titles[0],
            region=regions["fi"],
            theme_links=[PilotTheme(theme=themes["fi"])],
            status="ongoing",
            category="interpretation" if "tulkkaus" in slug else "other",
            technology="nlp" if "tulkkaus" in slug else "",
            start_date=dt.date(2025, 1, 1),
        )
        if "tulkkaus" in slug:
            indicator = IndicatorFactory(
                page=pilot,
                name="Asiakaskäyntien tulkattu osuus",
                unit="%",
                direction="up",
                baseline_value=Decimal(40),
                target_value=Decimal(80),
            )
            MeasurementFactory(indicator=indicator, date=dt.date(2025, 3, 31), value=55)
            MeasurementFactory(indicator=indicator, date=dt.date(2025, 6, 30), value=65)
        update = PilotUpdatePageFactory(parent=pilot, title=update_titles[0], date=day)
        for i, lang in enumerate(LANGUAGES[1:], start=1):
            translated = translate(
                pilot,
                lang,
                title=titles[i],
                slug="lingai-real-time-interpretation"
                if lang == "en" and "tulkkaus" in slug
                else slug,
                region=regions[lang],
                theme_links=[PilotTheme(theme=themes[lang])],
            )
            if lang == "en":
                indicators = Indicator.objects.filter(page=translated)
                indicators.update(name="Share of client visits interpreted")
            translate(update, lang, title=update_titles[i])
        made[slug] = pilot
    return made


ATOM = "{http://www.w3.org/2005/Atom}"
SWEDISH_UPDATES = {
    "Försöket inleddes inom barnskyddet",
    "Tolkningen togs i bruk på det första verksamhetsstället",
    "De första PET-materialen analyserade",
}


def rss_titles(response) -> list[str]:
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_feed_lists_updates_in_the_requested_language_only(client):
    response = client.get("/sv/forsok/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.find("channel/language").text == "sv"
    assert set(rss_titles(response)) == SWEDISH_UPDATES
    links = [item.findtext("link") for item in root.iter("item")]
    assert all("/sv/forsok/" in link for link in links)


def test_atom_feed_parses_and_is_english(client):
    response = client.get("/en/pilots/feed/atom/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = {entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")}
    assert titles == {
        "The pilot started in child welfare",
        "Interpretation in use at the first site",
        "First PET data analysed",
    }


def test_pilot_feed_has_only_that_pilots_updates(client):
    response = client.get("/fi/kokeilut/lingai-reaaliaikainen-tulkkaus/feed/rss/")
    assert rss_titles(response) == ["Tulkkaus otettiin käyttöön ensimmäisessä toimipisteessä"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/sv/forsok/updates/rss/", "/sv/forsok/feed/rss/"),
        ("/en/pilots/updates/atom/", "/en/pilots/feed/atom/"),
        (
            "/fi/kokeilut/lingai-reaaliaikainen-tulkkaus/updates/rss/",
            "/fi/kokeilut/lingai-reaaliaikainen-tulkkaus/feed/rss/",
        ),
    ],
)
def test_feed_addresses_before_the_one_convention_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


def test_updates_listing_and_pilot_page_show_updates(client):
    html = client.get("/fi/kokeilut/updates/").content.decode()
    assert "Ensimmäiset PET-aineistot analysoitu" in html
    assert "Tekoäly syövän PET-kuvantamisessa" in html  # the pilot is named beside its update
    pilot = client.get("/fi/kokeilut/tekoaly-syovan-pet-kuvantamisessa/").content.decode()
    assert "Ensimmäiset PET-aineistot analysoitu" in pilot
    assert client.get("/fi/kokeilut/updates/?page=abc").status_code == 400


def test_pilot_page_draws_indicator_with_progress_in_words(client):
    html = client.get("/en/pilots/lingai-real-time-interpretation/").content.decode()
    assert "Share of client visits interpreted" in html
    # baseline 40, target 80, latest 65: 25 of 40 → 62 %
    assert "62 % of the way to the target" in html
    svg = html.split('<svg class="chart chart--indicator"', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "<title" in svg and "," not in svg.split("<title", 1)[0]
    assert "<caption id=" in html and '<details class="chart-data">' in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_api_lists_the_pilots_of_each_language(client, language):
    response = client.get(
        "/api/v2/pages/",
        {"type": "pilots.PilotPage", "locale": language, "fields": "*", "limit": 20},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == len(PILOTS)
    assert {item["meta"]["locale"] for item in data["items"]} == {language}
    item = next(i for i in data["items"] if i["region"]["slug"] == "pohjanmaa")
    assert item["status"] == "ongoing"
    assert item["category"] == "interpretation"
    assert item["technology"] == "nlp"
    assert item["start_date"] == "2025-01-01"
    assert [t["slug"] for t in item["themes"]] == ["parempi-asiakaspalvelu"]
    (indicator,) = item["indicators"]
    assert indicator["direction"] == "up"
    assert [m["date"] for m in indicator["measurements"]] == ["2025-03-31", "2025-06-30"]


def test_api_region_and_theme_names_follow_the_language(client):
    data = client.get(
        "/api/v2/pages/",
        {"type": "pilots.PilotPage", "locale": "sv", "fields": "region,themes", "limit": 20},
    ).json()
    names = {i["region"]["name"] for i in data["items"]}
    assert "Egentliga Tavastland" in names
    assert {t["name"] for i in data["items"] for t in i["themes"]} == {
        "Bättre kundservice",
        "Effektivare arbete för yrkesfolk",
        "Bättre vårdkvalitet",
    }


def test_front_page_shows_latest_pilot_updates(client):
    html = client.get("/en/").content.decode()
    assert "Latest pilot updates" in html
    assert "First PET data analysed" in html
