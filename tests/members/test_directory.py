"""The member directory: A–Z with Finnish letters, filters and search without JS, in fi/sv/en."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from members.directory import letter_of, sort_key
from members.models import MemberDirectoryPage, MemberOrganisation

pytestmark = pytest.mark.django_db


def directory(language: str) -> MemberDirectoryPage:
    return MemberDirectoryPage.objects.get(locale__language_code=language)


def entries(html: str) -> list[str]:
    return re.findall(r'id="org-([a-z0-9-]+)"', html)


def letter_links(html: str) -> list[str]:
    return re.findall(r'href="#letter-([^"]+)"', html)


@pytest.mark.parametrize(
    ("language", "url", "type_label", "description"),
    [
        ("fi", "/fi/jasenet/", "Yritys", "Ministeriö johtaa ekosysteemiä"),
        ("sv", "/sv/medlemmar/", "Företag", "Ministeriet leder ekosystemet"),
        ("en", "/en/members/", "Company", "The ministry leads the ecosystem"),
    ],
)
def test_directory_in_each_language(client, language, url, type_label, description):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert description in html
    slugs = entries(html)
    assert len(slugs) >= 30
    # Finnish alphabetical order: Å and Ä and Ö come after Z (names differ by language; Sitra
    # and Åbo Akademi do not).
    assert slugs.index("abo-akademi") > slugs.index("sitra")
    assert slugs.index("alykas-hoiva") > slugs.index("abo-akademi")
    assert slugs.index("ostra-care-tech") > slugs.index("alykas-hoiva")  # Ö last
    links = letter_links(html)
    assert links[-3:] == ["Å", "Ä", "Ö"]
    for letter in links:
        assert f'id="letter-{letter}"' in html  # every jump has a target
    assert 'id="letter-B"' in html and 'id="letter-X"' not in html
    # A letter without members is shown, but not as a link.
    assert "az__empty" in html


def test_type_filter_and_counts(client):
    html = client.get("/en/members/?type=company").content.decode()
    slugs = entries(html)
    companies = set(
        MemberOrganisation.objects.filter(
            locale__language_code="en", organisation_type="company", is_public=True
        ).values_list("slug", flat=True)
    )
    assert set(slugs) == companies
    assert f"{len(companies)} organisations shown" in html
    assert f"Company ({len(companies)})" in html  # the facet count in the select


def test_region_filter_and_name_search_together(client):
    html = client.get("/sv/medlemmar/?region=pirkanmaa&q=UNIVERSITET").content.decode()
    assert entries(html) == ["tampereen-yliopisto"]
    html = client.get("/fi/jasenet/?q=hyvinvointialue").content.decode()
    assert len(entries(html)) == 7


def test_hidden_organisations_are_not_listed(client):
    MemberOrganisation.objects.filter(slug="sitra").update(is_public=False)
    assert "sitra" not in entries(client.get("/fi/jasenet/").content.decode())


def test_invalid_filters_are_reported_not_crashed(client):
    response = client.get("/en/members/?type=spaceship&q=" + "x" * 101)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert len(entries(html)) >= 30  # invalid filters are ignored, the list is still there


def test_entry_shows_pilots_and_working_groups(client):
    fi = Locale.objects.get(language_code="fi")
    stm = MemberOrganisation.objects.get(slug="stm", locale=fi)
    pilot_model = pytest.importorskip("pilots.models")
    index = Page.objects.get(slug="jasenet", locale=fi).get_parent()
    pilots_index = pilot_model.PilotIndexPage(title="Kokeilut", slug="kokeilut-testi")
    index.add_child(instance=pilots_index)
    pilot = pilot_model.PilotPage(
        title="Testikokeilu", slug="testikokeilu", summary="S", lead_organisation=stm
    )
    pilots_index.add_child(instance=pilot)
    html = client.get("/fi/jasenet/").content.decode()
    entry = html.split('id="org-stm"')[1].split("</li>\n                    \n")[0]
    assert "Testikokeilu" in entry
    assert "Juridiikan työryhmä" in entry  # STM chairs the legal working group


def test_query_count_does_not_grow_with_members(client, django_assert_max_num_queries):
    fi = Locale.objects.get(language_code="fi")
    with CaptureQueriesContext(connection) as before:
        client.get("/fi/jasenet/")
    for i in range(15):
        MemberOrganisation.objects.create(
            locale=fi, name=f"Lisäjäsen {i} Oy", slug=f"lisajasen-{i}", organisation_type="company"
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get("/fi/jasenet/?type=company")
    assert len(entries(response.content.decode())) >= 15


def test_sort_and_letters_helpers():
    names = ["Östra", "Åbo", "Ärrä", "Zeta", "aava", "Über"]
    assert sorted(names, key=sort_key) == ["aava", "Über", "Zeta", "Åbo", "Ärrä", "Östra"]
    assert letter_of("3D Oy") == "#" and letter_of("über") == "Y"


@pytest.mark.parametrize(
    ("url", "heading", "newest"),
    [
        ("/fi/", "Uudet jäsenorganisaatiot", "Digitaalisen hoivan yhdistys ry"),
        ("/en/", "New member organisations", "Digital Care Association"),
    ],
)
def test_front_page_shows_the_newest_members(client, url, heading, newest):
    html = client.get(url).content.decode()
    assert heading in html and newest in html
    assert 'href="' + directory(url.strip("/")).url + '"' in html


def test_working_group_and_partner_pages(client):
    html = client.get("/en/working-groups/legal/").content.decode()
    assert "Legal working group" in html
    # a member organisation, by its English name
    assert "Finnish Institute for Health and Welfare (THL)" in html
    assert "Monthly, online" in html
    html = client.get("/sv/partner/").content.decode()
    assert "Wenla" in html and "Innokylä" in html and "För företag" in html
    html = client.get("/fi/kumppanit/innokyla/").content.decode()
    assert 'href="https://innokyla.fi"' in html
