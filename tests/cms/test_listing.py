"""The shared listing helper (``cms.listing``): validation, database facet counts, one page.

Built on a few reports from the factories; the report index is one of the helper's users, so the
HTTP tests go through it as a visitor would.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.listing import Facet, Field, Listing
from reports.filters import report_facets
from reports.models import ReportPage, ReportPublisher, ReportTheme
from tests.factories import ReportIndexPageFactory, ReportPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    """Three Finnish reports: two studies (2024, 2025) and a legal analysis (2025)."""
    index = ReportIndexPageFactory(slug="selvitykset")
    care = ThemeFactory(name="Hoito", slug="hoito")
    rows = [
        ("Alpha", "study", dt.date(2024, 3, 1), "DigiFinland Oy"),
        ("Beta", "study", dt.date(2025, 3, 1), "THL"),
        ("Gamma", "legal", dt.date(2025, 6, 1), "THL"),
    ]
    for title, report_type, day, publisher in rows:
        ReportPageFactory(
            parent=index,
            title=title,
            report_type=report_type,
            publication_date=day,
            publishers=[ReportPublisher(name_text=publisher)],
            report_themes=[ReportTheme(theme=care)] if title != "Gamma" else [],
        )
    return index


def _listing(index, **params) -> Listing:
    request = RequestFactory().get("/", params)
    rows = ReportPage.objects.live().child_of(index).order_by("title")
    with translation.override("en"):
        return Listing(request, rows, facets=report_facets(ReportPage), per_page=2)


def _counts(listing: Listing, param: str) -> dict[str, int]:
    facet = next(f for f in listing.facets if f.param == param)
    return {o.value: o.count for o in facet.options}


def test_unfiltered_listing_counts_every_option_and_shows_one_page(index):
    listing = _listing(index)
    assert listing.status == 200 and not listing.filtered
    assert _counts(listing, "type") == {"legal": 1, "study": 2}
    assert _counts(listing, "year") == {"2025": 2, "2024": 1}
    assert [o.value for o in listing.facets[2].options] == ["2025", "2024"]  # newest first
    assert _counts(listing, "publisher") == {"digifinland-oy": 1, "thl": 2}
    assert _counts(listing, "theme") == {"hoito": 2}
    assert listing.count == 3
    assert [r.title for r in listing.page] == ["Alpha", "Beta"]


def test_a_facet_counts_with_the_other_selections_kept(index):
    listing = _listing(index, year="2025", publisher="thl")
    assert [r.title for r in listing.results] == ["Beta", "Gamma"]
    # type counts keep year and publisher; year counts keep publisher only
    assert _counts(listing, "type") == {"legal": 1, "study": 1}
    assert _counts(listing, "year") == {"2025": 2, "2024": 0}
    assert listing.filtered and [f.param for f in listing.active] == ["year", "publisher"]


def test_unknown_value_is_a_400_with_a_message_and_does_not_filter(index):
    listing = _listing(index, type="nonsense", year="2024")
    assert listing.status == 400
    assert listing.errors == [
        "Report type: there is no choice “nonsense”. Choose one from the list."
    ]
    assert [r.title for r in listing.results] == ["Alpha"]  # the valid filter still applies


def test_overlong_value_is_cut_in_the_message(index):
    listing = _listing(index, theme="x" * 5000)
    assert listing.status == 400
    assert len(listing.errors[0]) < 200


def test_parameters_the_listing_does_not_declare_are_ignored(index):
    listing = _listing(index, utm_source="newsletter", fbclid="abc")
    assert listing.status == 200 and listing.count == 3


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1234567"])
def test_malformed_page_number_is_a_400(index, page):
    assert _listing(index, page=page).status == 400


def test_page_past_the_last_is_404(index):
    with pytest.raises(Http404):
        _listing(index, page="3")


def test_a_field_filter_validates_with_its_form_field(index):
    since = Field(
        "since",
        forms.DateField(label="Since"),
        lambda rows, day: rows.filter(publication_date__gte=day),
        input_type="date",
    )
    rows = ReportPage.objects.live().child_of(index).order_by("title")
    good = Listing(RequestFactory().get("/", {"since": "2025-01-01"}), rows, fields=[since])
    assert [r.title for r in good.results] == ["Beta", "Gamma"]
    with translation.override("en"):
        bad = Listing(RequestFactory().get("/", {"since": "yesterday"}), rows, fields=[since])
    assert bad.status == 400 and bad.errors[0].startswith("Since: ")
    assert bad.results.count() == 3


def test_fixed_choices_are_shown_even_with_no_rows(index):
    facet = Facet(
        "type",
        "Type",
        "report_type",
        choices=lambda: [("guidance", "Guidance"), ("study", "Study")],
    )
    rows = ReportPage.objects.live().child_of(index)
    listing = Listing(RequestFactory().get("/"), rows, facets=[facet])
    assert [(o.value, o.count) for o in listing.facets[0].options] == [
        ("guidance", 0),
        ("study", 2),
    ]


def test_listing_queries_do_not_grow_with_rows(index):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            listing = _listing(index, year="2025")
            list(listing.page)
        return len(captured)

    few = queries()
    for n in range(8):
        ReportPageFactory(parent=index, title=f"Delta {n}", publication_date=dt.date(2025, 1, 1))
    assert queries() == few


@override_settings(PAGE_CACHE_ENABLED=False)
def test_report_index_answers_400_for_a_bad_filter_and_shows_why(client, index):
    response = client.get(index.url, {"type": "nonsense"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="message message--error"' in html and "nonsense" in html
    assert client.get(index.url, {"type": "legal"}).status_code == 200


def test_keyed_counts_over_all_rows_are_cached_until_a_publish(index):
    """With a ``cache_key`` the unfiltered facet counts cost no query on the next visit; a
    publish moves the page-cache generation, so a new report is counted at once."""

    def keyed(**params) -> Listing:
        request = RequestFactory().get("/", params)
        rows = ReportPage.objects.live().child_of(index).order_by("title")
        with translation.override("en"):
            return Listing(
                request, rows, facets=report_facets(ReportPage), per_page=2, cache_key="t"
            )

    with CaptureQueriesContext(connection) as first:
        keyed()
    with CaptureQueriesContext(connection) as second:
        listing = keyed()
    assert len(second) < len(first) and len(second) <= 1  # only the page's COUNT
    assert _counts(listing, "type") == {"legal": 1, "study": 2}
    # a selection counts the other facets in the database, as before
    assert _counts(keyed(year="2025"), "type") == {"legal": 1, "study": 1}
    ReportPageFactory(parent=index, title="Delta", report_type="legal")  # published: new generation
    assert _counts(keyed(), "type") == {"legal": 2, "study": 2}


def test_keyed_counts_for_a_selection_are_cached_until_a_publish(index):
    """A filtered visit (facet selections only) repeats with no query for its counts or its
    number of results; a publish moves the generation, so a new matching report counts at once."""

    def keyed(**params) -> Listing:
        request = RequestFactory().get("/", params)
        rows = ReportPage.objects.live().child_of(index).order_by("title")
        with translation.override("en"):
            return Listing(
                request, rows, facets=report_facets(ReportPage), per_page=2, cache_key="s"
            )

    with CaptureQueriesContext(connection) as first:
        keyed(year="2025", publisher="thl")
    with CaptureQueriesContext(connection) as second:
        listing = keyed(year="2025", publisher="thl")
    assert len(first) >= 4 and len(second) == 0  # the shown rows are fetched when rendered
    assert _counts(listing, "type") == {"legal": 1, "study": 1}
    assert _counts(listing, "year") == {"2025": 2, "2024": 0}
    assert listing.count == 2 and [r.title for r in listing.page] == ["Beta", "Gamma"]
    # another selection is counted for itself, not served from the first one's entry
    assert keyed(year="2024").count == 1
    ReportPageFactory(
        parent=index,
        title="Delta",
        report_type="legal",
        publication_date=dt.date(2025, 9, 1),
        publishers=[ReportPublisher(name_text="THL")],
    )
    listing = keyed(year="2025", publisher="thl")
    assert _counts(listing, "type") == {"legal": 2, "study": 1}
    assert listing.count == 3


def test_cached_number_of_articles_follows_a_publish(client):
    """The news index keeps its number of articles under the generation: the eleventh article
    opens a second page at once (a stale count would answer 404 there)."""
    from tests.factories import NewsPageFactory

    first = NewsPageFactory(title="Vanhin uutinen", slug="vanhin")
    index = first.get_parent()
    for n in range(1, 10):
        NewsPageFactory(title=f"Uutinen {n}", slug=f"uutinen-{n}", parent=index)
    assert client.get(index.url).status_code == 200
    assert client.get(index.url, {"page": "2"}).status_code == 404
    NewsPageFactory(title="Uutinen 10", slug="uutinen-10", parent=index)
    second = client.get(index.url, {"page": "2"})
    assert second.status_code == 200
    assert "Vanhin uutinen" in second.content.decode()  # the oldest moved to page 2
