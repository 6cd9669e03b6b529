"""Hypothesis over every public URL's query parameters: whatever a visitor sends, never a 500.

Table-driven: each app adds its URLs and the parameters it reads to ``FUZZ_TARGETS`` (and, for
forms, to ``FORM_TARGETS`` with the field names). Unknown parameters are fuzzed everywhere too.
The tables walk the demo site's URLs, so those tests carry the ``demo`` marker; the funding form
builds its own open call. Form fuzzing raises ``FORM_RATE_LIMIT`` so that every example reaches
the form instead of the rate limiter's 429.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilots.models import FundingApplication
from tests.factories import FundingCallPageFactory

pytestmark = pytest.mark.django_db

# Far above the examples a test posts, so the rate limiter never answers in the form's place.
UNLIMITED_FORMS = override_settings(FORM_RATE_LIMIT="10000/m")

API_PARAMS = ["locale", "limit", "offset", "order", "search", "fields", "type", "child_of"]
API_PARAMS += ["descendant_of", "translation_of", "slug", "html_path", "search_operator"]

# (path, parameter names the view reads)
FUZZ_TARGETS: list[tuple[str, list[str]]] = [
    ("/fi/", ["page"]),
    ("/sv/", ["page"]),
    ("/fi/tietoa/", ["page"]),
    ("/en/about/", ["page"]),
    ("/sitemap.xml", ["page"]),
    ("/robots.txt", []),
    ("/api/v2/pages/", API_PARAMS),
    ("/api/v2/pages/find/", ["html_path", "locale"]),
    ("/api/v2/images/", ["limit", "offset", "order", "search", "fields"]),
    ("/api/v2/documents/", ["limit", "offset", "order", "search", "fields"]),
    # pilots
    ("/fi/kokeilut/", ["region", "theme", "category", "technology", "status", "page"]),
    ("/en/pilots/updates/", ["page"]),
    ("/fi/kokeilut/feed/rss/", ["page"]),
    ("/fi/kokeilut/feed/atom/", ["page"]),
    # reports
    ("/fi/selvitykset/", ["type", "theme", "year", "publisher", "page"]),
    ("/sv/utredningar/", ["type", "theme", "year", "publisher"]),
    ("/fi/kayttotapaukset/", ["category", "page"]),
    # news, blog, newsletter
    ("/fi/uutiset/", ["page", "tag"]),
    ("/fi/uutiset/feed/rss/", []),
    ("/fi/blogi/feed/atom/", []),
    ("/fi/uutiskirje/", ["page"]),
    # events
    ("/fi/tapahtumat/", ["type", "theme", "format", "date_from", "year", "page"]),
    ("/en/events/", ["type", "theme", "format", "date_from", "year", "page"]),
    ("/fi/events-calendar.ics", []),
    ("/fi/events.rss", []),
    ("/fi/events.atom", []),
    # members and coordination
    ("/fi/jasenet/", ["q", "type", "region", "page"]),
    ("/sv/medlemmar/", ["q", "type", "region"]),
    ("/fi/lainsaadantotarpeet/", ["topic", "status", "pilot"]),
    ("/fi/opit/", ["page"]),
    ("/api/evaluation/", ["pilot"]),
]

# (path, field names) for public POST forms; the apps add theirs.
FORM_TARGETS: list[tuple[str, list[str]]] = [
    ("/admin/login/", ["username", "password", "remember", "next"]),
    ("/fi/tilaa-uutiskirje/", ["email", "language", "consent", "website_url"]),
    (
        "/fi/jasenet/liity-jaseneksi/",
        ["organisation_name", "contact_name", "email", "organisation_type", "region", "website"]
        + ["message", "consent"],
    ),
    (
        "/fi/osallistu/ehdota-ai-aamun-aihetta/",
        ["name", "organisation", "email", "title", "description", "offer", "partners_sought"]
        + ["event_date", "link", "consent"],
    ),
    ("/fi/tapahtumat/ai-aamu-tuleva-1/", ["name", "email", "organisation", "consent"]),
]

# A valid application to the funding call: the baseline the fuzzing varies.
VALID_APPLICATION = {
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

nasty_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from(
        [
            "",
            "-1",
            "0",
            "1e9",
            "9" * 40,
            "NaN",
            "'; DROP TABLE x; --",
            "<script>",
            "../../etc/passwd",
            "%00",
            "\x00",
            "title,-id",
            "*",
            "_",
            "random",
            "fi,sv",
        ]
    ),
)
FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _assert_no_server_error(response, path, params) -> None:
    assert response.status_code < 500, f"{path} {params!r} -> {response.status_code}"


@pytest.mark.demo
@pytest.mark.parametrize(("path", "names"), FUZZ_TARGETS, ids=[t[0] for t in FUZZ_TARGETS])
def test_query_parameters_never_cause_a_server_error(client, path, names):
    keys = st.sampled_from(names + ["q", "x"]) if names else st.sampled_from(["q", "x"])

    @FUZZ_SETTINGS
    @given(params=st.dictionaries(keys, nasty_text, max_size=4))
    def check(params):
        _assert_no_server_error(client.get(path, params), path, params)

    check()


@pytest.mark.demo
@UNLIMITED_FORMS
@pytest.mark.parametrize(("path", "fields"), FORM_TARGETS, ids=[t[0] for t in FORM_TARGETS])
def test_form_fields_never_cause_a_server_error(client, path, fields):
    @FUZZ_SETTINGS
    @given(data=st.fixed_dictionaries(dict.fromkeys(fields, nasty_text)))
    def check(data):
        response = client.post(path, data)
        _assert_no_server_error(response, path, data)
        assert response.status_code != 429, f"{path}: the rate limit answered, not the form"

    check()


@UNLIMITED_FORMS
def test_funding_form_fields_never_cause_a_server_error(client):
    """An open call takes a valid application, then survives hostile values in every field."""
    call = FundingCallPageFactory()
    baseline = client.post(call.url, VALID_APPLICATION)
    assert baseline.status_code == 302, "the valid application must be accepted first"
    assert FundingApplication.objects.filter(call=call).count() == 1

    @FUZZ_SETTINGS
    @given(data=st.fixed_dictionaries(dict.fromkeys(VALID_APPLICATION, nasty_text)))
    def check(data):
        response = client.post(call.url, {**VALID_APPLICATION, **data})
        _assert_no_server_error(response, call.url, data)
        assert response.status_code in (200, 302), f"{call.url} {data!r} -> {response.status_code}"

    check()
