"""The funding call: its application form's rules, statistics from submissions, CSV export and
the 2024 call's published results."""

from __future__ import annotations

import datetime as dt
import random
import statistics
from collections import Counter
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pilots.models import FundingApplication, FundingCallPage
from pilots.stats import compute_statistics

pytestmark = pytest.mark.django_db

VALID = {
    "organisation_type": "county",
    "organisation_name": "Esimerkin hyvinvointialue",
    "contact_name": "Hakija",
    "contact_email": "kirjaamo@example.org",
    "project_name": "Tekoälyhanke",
    "category": "interpretation",
    "sector": "health",
    "technology": "nlp",
    "total_budget": "200000",
    "requested_funding": "100000",
    "maturity": "plan-ready",
    "description": "Kuvaus hankkeesta.",
    "partners": "",
    "website_url": "",
}


def make_call(parent, opens_in: dt.timedelta, closes_in: dt.timedelta, slug="haku"):
    now = timezone.now()
    return parent.add_child(
        instance=FundingCallPage(
            title="Haku", slug=slug, form_opens_at=now + opens_in, form_closes_at=now + closes_in
        )
    )


@pytest.fixture
def open_call(fresh_index):
    return make_call(fresh_index, -dt.timedelta(days=1), dt.timedelta(days=1))


def test_open_form_stores_a_valid_application(client, open_call):
    response = client.post(open_call.url, VALID)
    assert response.status_code == 302
    application = FundingApplication.objects.get(call=open_call)
    assert application.requested_funding == Decimal(100_000)


def test_form_refuses_an_ineligible_organisation_type(client, open_call):
    response = client.post(open_call.url, {**VALID, "organisation_type": "other"})
    assert response.status_code == 200
    assert "Rahoitusta voivat hakea vain hyvinvointialueet" in response.content.decode()
    assert not FundingApplication.objects.exists()


def test_form_refuses_more_than_half_of_the_budget(client, open_call):
    response = client.post(open_call.url, {**VALID, "requested_funding": "100000.01"})
    assert "enintään 50 %" in response.content.decode()
    assert not FundingApplication.objects.exists()


def test_form_refuses_bots_filling_the_honeypot(client, open_call):
    client.post(open_call.url, {**VALID, "website_url": "http://spam.example"})
    assert not FundingApplication.objects.exists()


@pytest.mark.parametrize(
    ("opens_in", "closes_in"),
    [(dt.timedelta(days=1), dt.timedelta(days=2)), (-dt.timedelta(days=2), -dt.timedelta(days=1))],
    ids=["before-opening", "after-closing"],
)
def test_form_refuses_submissions_outside_the_open_period(client, fresh_index, opens_in, closes_in):
    call = make_call(fresh_index, opens_in, closes_in)
    response = client.post(call.url, VALID)
    assert response.status_code == 403
    assert not FundingApplication.objects.exists()
    assert 'name="project_name"' not in client.get(call.url).content.decode()


@pytest.mark.redis
def test_form_is_rate_limited(client, open_call, settings):
    settings.FORM_RATE_LIMIT = "2/m"
    for _ in range(2):
        client.post(open_call.url, {**VALID, "organisation_type": "other"})
    assert client.post(open_call.url, VALID).status_code == 429


def _generate(call, n: int, seed: int = 7) -> list[FundingApplication]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        budget = Decimal(rng.randrange(50_000, 900_000, 1000))
        rows.append(
            FundingApplication.objects.create(
                call=call,
                organisation_type=rng.choice(["county", "hus", "helsinki"]),
                organisation_name=f"Org {i}",
                contact_name="Yhteys",
                contact_email="info@example.org",
                project_name=f"Hanke {i}",
                category="other",
                sector=rng.choice(["health", "social", "both"]),
                technology=rng.choice(
                    ["nlp", "computer-vision", "deep-learning", "generative-ai", "combination"]
                ),
                total_budget=budget,
                requested_funding=(budget * Decimal(rng.randint(10, 50)) / 100).quantize(
                    Decimal("1")
                ),
                maturity=rng.choice(["idea", "plan-ready", "started"]),
                description="x",
            )
        )
    return rows


@pytest.mark.parametrize("n", [1, 12, 37])
def test_statistics_equal_those_recomputed_from_submissions(client, fresh_index, n):
    call = make_call(fresh_index, -dt.timedelta(days=10), -dt.timedelta(days=1), slug=f"haku-{n}")
    rows = _generate(call, n, seed=n)
    response = client.get(call.url)
    assert response.status_code == 200
    ((stats, dimensions),) = response.context["statistics"]
    requested = [r.requested_funding for r in rows]
    assert stats.count == n
    assert stats.requested_total == sum(requested)
    assert stats.median_requested == statistics.median(requested)
    for dimension in ("sector", "technology", "maturity"):
        expected = Counter(getattr(r, dimension) for r in rows)
        shown = {s.key: s.count for s in stats.shares[dimension]}
        assert shown == {k: expected.get(k, 0) for k in shown}
        assert sum(shown.values()) == n
    html = response.content.decode()
    assert "Tilastoja saapuneista hakemuksista" in html
    assert html.count('class="chart chart--bars"') == 3


def test_statistics_ignore_other_calls(fresh_index):
    first = make_call(fresh_index, -dt.timedelta(days=3), -dt.timedelta(days=1), slug="a")
    second = make_call(fresh_index, -dt.timedelta(days=3), -dt.timedelta(days=1), slug="b")
    _generate(first, 5)
    _generate(second, 3)
    assert compute_statistics(second.applications()).count == 3


def test_published_2024_results_are_drawn_as_charts_and_tables(client):
    response = client.get("/en/pilots/call-for-ideas-2024/")
    assert response.status_code == 200
    ((stats, dimensions),) = response.context["statistics"]
    assert stats.published
    assert stats.count == 50
    assert stats.requested_total == Decimal(10_000_000)
    assert stats.granted_total == Decimal(2_300_000)
    assert stats.median_requested == Decimal(158_000)
    assert stats.funding_available == "2–3 M€"
    sector = {s.key: s.percent for s in stats.shares["sector"]}
    assert sector == {"health": 50, "social": 20, "both": 30}
    maturity = {s.key: s.percent for s in stats.shares["maturity"]}
    assert maturity["plan-ready"] > 50 and maturity["started"] == maturity["idea"] == 20
    html = response.content.decode()
    assert "158,000 €" in html
    assert html.count('class="chart chart--bars"') == 3
    assert "Health care" in html


def test_staff_can_export_applications_as_csv(admin_client, client, open_call):
    client.post(open_call.url, VALID)
    url = reverse("pilots_funding_applications:index") + "?export=csv"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    assert "Tekoälyhanke" in body and "kirjaamo@example.org" in body
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
