"""The visitor's main journeys in real Chromium, the way a person clicks through them.

Finding a pilot with the filters is in tests/pilots/test_browser.py and the editors' paths in
tests/editorial/test_editorial_browser.py; this file holds the journeys that cross apps.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from pypdf import PdfReader

from members.models import Subscriber

pytestmark = [pytest.mark.e2e]


def test_visitor_searches_a_report_and_opens_its_pdf(demo_site, live_server, page):
    call_command("search_reindex", verbosity=0, stdout=io.StringIO())
    page.goto(f"{live_server.url}/fi/")
    page.get_by_label("Hae sivustolta").fill("lainsäädännön tulkinnat")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/fi/haku/\?q=.*"))

    page.locator(".search-result__title a", has_text="käyttötapaukset ja lainsäädäntö").click()
    page.wait_for_url(re.compile(r".*/fi/selvitykset/kayttotapaukset-ja-lainsaadanto/"))
    pdf_link = page.get_by_role("link", name=re.compile(r"\(PDF\)$")).first
    href = pdf_link.get_attribute("href")
    assert pdf_link.get_attribute("hreflang") == "fi"

    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "lainsäädäntö" in text.lower()


def test_visitor_switches_language_on_a_pilot_page(demo_site, live_server, page):
    page.goto(f"{live_server.url}/fi/kokeilut/")
    page.get_by_role("link", name="Ammattilaisen AI-assistentti").first.click()
    page.wait_for_url(f"{live_server.url}/fi/kokeilut/ammattilaisen-ai-assistentti/")

    page.get_by_role("link", name="Svenska").click()
    page.wait_for_url(f"{live_server.url}/sv/forsok/ai-assistent-for-yrkesutbildade/")
    assert page.locator("html").get_attribute("lang") == "sv"
    swedish_title = page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(rf"{live_server.url}/en/pilots/[^/]+/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() not in ("", swedish_title)


def test_visitor_subscribes_to_the_newsletter_and_confirms(demo_site, live_server, page):
    page.goto(f"{live_server.url}/fi/tilaa-uutiskirje/")
    page.get_by_role("textbox", name="Sähköposti").fill("lukija@example.org")
    page.get_by_label("svenska").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Tilaa").click()
    page.wait_for_load_state()
    assert Subscriber.objects.get(email="lukija@example.org").status == "pending"

    [message] = mail.outbox
    assert message.to == ["lukija@example.org"]
    [link] = re.findall(r"https?://\S+/newsletter/confirm/\S+/", message.body)
    page.goto(f"{live_server.url}{urlsplit(link).path}")
    assert Subscriber.objects.get(email="lukija@example.org").status == "pending"  # GET asks
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    subscriber = Subscriber.objects.get(email="lukija@example.org")
    assert subscriber.status == "confirmed" and subscriber.language == "sv"
