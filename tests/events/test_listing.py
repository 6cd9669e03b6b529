"""The events listing: upcoming until the end time, archive by year, filters, bad input, queries."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from events.models import EventTheme
from events.queries import upcoming_events
from tests.factories import EventPageFactory, EventSeriesPageFactory, ThemeFactory, translate

from .conftest import HELSINKI as HELSINKI_TZ
from .conftest import helsinki

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def programme(locale_tree, fi_index):
    """A small programme like the real one: the AI-aamu series (fi/sv/en), three upcoming
    sessions and three events of 2025, one of them a hybrid member event."""
    translate(fi_index, "sv", title="Evenemang", slug="evenemang")
    translate(fi_index, "en", title="Events", slug="events")
    series = EventSeriesPageFactory(parent=fi_index, title="AI-aamu", slug="ai-aamu")
    translate(series, "sv", title="AI-morgon")
    translate(series, "en", title="AI-aamu", schedule="every other Wednesday 8.30–9.30")
    quality = ThemeFactory(slug="parempi-hoidon-laatu", name="Parempi hoidon laatu")
    soon = timezone.localtime(timezone.now(), HELSINKI_TZ).replace(
        hour=8, minute=30, second=0, microsecond=0
    )

    def event(slug, title, start, event_type="ai_aamu", event_format="online", theme=None):
        return EventPageFactory(
            parent=fi_index,
            slug=slug,
            title=title,
            start=start,
            end=start + timedelta(hours=1),
            event_type=event_type,
            event_format=event_format,
            series=series if event_type == "ai_aamu" else None,
            event_themes=[EventTheme(theme=theme)] if theme else [],
        )

    upcoming = [
        event("ai-aamu-tuleva-1", "AI-aamu: Tekoälykokeilujen kuulumisia", soon + timedelta(7)),
        event(
            "ai-aamu-tuleva-2",
            "AI-aamu: Vastuullinen tekoäly ja EU:n tekoälyasetus",
            soon + timedelta(21),
            theme=quality,
        ),
        event("ai-aamu-tuleva-3", "AI-aamu: Kolmas aamu", soon + timedelta(35)),
    ]
    past = [
        event(
            "ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut",
            "AI-aamu: Ekosysteemin tilannekuva",
            helsinki(2025, 3, 12, 8, 30),
            theme=quality,
        ),
        event(
            "vastuullinen-tekoaly-julkisella-sektorilla",
            "Vastuullinen tekoäly julkisella sektorilla",
            helsinki(2025, 2, 20, 13, 0),
            event_type="member_event",
            event_format="hybrid",
        ),
        event(
            "ai-aamu-digifinlandin-ai-hanke",
            "AI-aamu: DigiFinlandin AI-hanke",
            helsinki(2025, 1, 22, 8, 30),
        ),
    ]
    swedish = {
        "ai-aamu-tuleva-1": "AI-aamu: Nytt från AI-försöken",
        "ai-aamu-tuleva-2": "AI-aamu: Ansvarsfull AI och EU:s AI-förordning",
        "ai-aamu-digifinlandin-ai-hanke": "AI-aamu: DigiFinlands AI-projekt",
    }
    for page in upcoming + past:
        if page.slug in swedish:
            translate(page, "sv", title=swedish[page.slug])
        if page.event_type == "ai_aamu":
            translate(page, "en")
    return upcoming, past


def test_event_leaves_upcoming_at_its_end_time_not_midnight(make_event):
    event = make_event(start=helsinki(2030, 6, 5, 8, 30), end=helsinki(2030, 6, 5, 9, 30))
    locale = event.locale

    def upcoming_at(moment):
        return event.pk in set(upcoming_events(locale, now=moment).values_list("pk", flat=True))

    assert upcoming_at(helsinki(2030, 6, 5, 8, 45))  # running
    assert upcoming_at(helsinki(2030, 6, 5, 9, 29))
    assert not upcoming_at(helsinki(2030, 6, 5, 9, 30))  # ended: gone, hours before midnight
    assert not upcoming_at(helsinki(2030, 6, 5, 12, 0))


def test_listing_page_moves_event_to_archive_after_it_ends(client, make_event, fi_index):
    event = make_event(
        title="Aamun testiwebinaari",
        start=helsinki(2030, 6, 5, 8, 30),
        end=helsinki(2030, 6, 5, 9, 30),
    )
    for moment, upcoming in (
        (helsinki(2030, 6, 5, 9, 0), True),
        (helsinki(2030, 6, 5, 10, 0), False),
    ):
        with mock.patch("django.utils.timezone.now", return_value=moment):
            html = client.get(fi_index.url).content.decode()
        upcoming_part, archive_part = html.split('id="archive-heading"')
        assert (event.title in upcoming_part) is upcoming
        assert (event.title in archive_part) is not upcoming


def test_upcoming_soonest_first_and_archive_grouped_by_year(client, fi_index):
    response = client.get(fi_index.url)
    assert response.status_code == 200
    upcoming = [e.slug for e in response.context["upcoming"]]
    assert upcoming == ["ai-aamu-tuleva-1", "ai-aamu-tuleva-2", "ai-aamu-tuleva-3"]
    archive = dict(response.context["archive"])
    assert [e.slug for e in archive[2025]] == [
        "ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut",
        "vastuullinen-tekoaly-julkisella-sektorilla",
        "ai-aamu-digifinlandin-ai-hanke",
    ]
    assert '<h3 class="event-archive__year">2025</h3>' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=member_event", {"vastuullinen-tekoaly-julkisella-sektorilla"}),
        ("format=hybrid", {"vastuullinen-tekoaly-julkisella-sektorilla"}),
        (
            "theme=parempi-hoidon-laatu",
            {"ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut", "ai-aamu-tuleva-2"},
        ),
        (
            "year=2025&type=ai_aamu",
            {"ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut", "ai-aamu-digifinlandin-ai-hanke"},
        ),
        (
            "date_from=2025-02-01&type=ai_aamu&format=online&year=2025",
            {"ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut"},
        ),
    ],
)
def test_filters(client, fi_index, query, expected):
    response = client.get(f"{fi_index.url}?{query}")
    assert response.status_code == 200
    shown = {e.slug for e in response.context["upcoming"]}
    shown |= {e.slug for _, events in response.context["archive"] for e in events}
    assert shown == expected


@pytest.mark.parametrize(
    "query",
    [
        "date_from=2025-13-45",
        "date_from=yesterday",
        "year=abc",
        "year=99999999999999999999",
        "type=party",
        "theme=no-such-theme",
        "format=<script>",
    ],
)
def test_malformed_filters_give_a_clear_400_not_500(client, fi_index, query):
    response = client.get(f"{fi_index.url}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0].replace(
        "&lt;script&gt;", ""
    )


def test_malformed_page_number_is_400(client, fi_index):
    assert client.get(f"{fi_index.url}?page=abc").status_code == 400
    assert client.get(f"{fi_index.url}?page=99").status_code == 404


def test_listing_query_count_does_not_grow_with_events(
    client, fi_index, make_event, django_assert_max_num_queries
):
    client.get(fi_index.url)  # warm caches (site root paths, etc.)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(fi_index.url)
    queries_before = len(before)  # read now: the query log is a bounded ring buffer
    base = timezone.now() + timedelta(days=30)
    for i in range(8):
        event = make_event(start=base + timedelta(days=i), end=base + timedelta(days=i, hours=2))
        from cms.models import Theme

        EventTheme.objects.create(
            page=event, theme=Theme.objects.filter(locale=event.locale).first()
        )
        past = make_event(
            start=helsinki(2024, 3, 1 + i, 9),
            end=helsinki(2024, 3, 1 + i, 10),
            event_type="workshop",
        )
        assert past
    client.get(fi_index.url)  # publishing invalidated the cached menu; measure the steady state
    with django_assert_max_num_queries(queries_before):
        response = client.get(fi_index.url)
    assert len(response.context["upcoming"]) == 3 + 8


def test_front_page_shows_next_three_events_in_visitor_language(client):
    html = client.get("/sv/").content.decode()
    assert "AI-aamu: Nytt från AI-försöken" in html
    assert "AI-aamu: Ansvarsfull AI och EU:s AI-förordning" in html
    assert "AI-aamu: DigiFinlands AI-projekt" not in html  # past
    assert "AI-aamu: Tekoälykokeilujen kuulumisia" not in html  # Finnish version


def test_series_page_lists_upcoming_and_past_sessions_with_schedule(client):
    from events.models import EventSeriesPage

    series = EventSeriesPage.objects.get(locale__language_code="en", slug="ai-aamu")
    response = client.get(series.url)
    assert response.status_code == 200
    assert [e.slug for e in response.context["upcoming_sessions"]] == [
        "ai-aamu-tuleva-1",
        "ai-aamu-tuleva-2",
        "ai-aamu-tuleva-3",
    ]
    assert "ai-aamu-digifinlandin-ai-hanke" in [e.slug for e in response.context["past_sessions"]]
    assert "every other Wednesday 8.30–9.30" in response.content.decode()


def test_series_page_links_to_topic_proposal_when_configured(client):
    from events.models import EventSeriesPage

    series = EventSeriesPage.objects.get(locale__language_code="fi", slug="ai-aamu")
    assert "Ehdota aihetta" not in client.get(series.url).content.decode()
    series.propose_topic_url = "https://example.org/ehdota"
    series.save_revision().publish()
    html = client.get(series.url).content.decode()
    assert 'href="https://example.org/ehdota"' in html


def test_past_event_shows_summary_and_click_to_open_recording(client, make_event):
    event = make_event(
        start=helsinki(2024, 4, 1, 9),
        end=helsinki(2024, 4, 1, 10),
        summary="<p>Tiivistelmä tapahtumasta.</p>",
        recording_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        online_link="https://example.org/live",
    )
    html = client.get(event.url).content.decode()
    assert "Tiivistelmä tapahtumasta." in html
    assert 'href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"' in html
    assert "<iframe" not in html  # nothing third-party loads before the visitor clicks
    assert "https://example.org/live" not in html  # the online link disappears after the end


def test_api_exposes_event_fields(client):
    response = client.get(
        "/api/v2/pages/?type=events.EventPage&fields=start,end,event_type,event_format&locale=fi"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 6
    assert {"start", "end", "event_type", "event_format"} <= set(items[0])


def test_api_gives_the_series_in_the_event_language(client):
    from events.models import EventPage, EventSeriesPage

    event = EventPage.objects.get(locale__language_code="sv", slug="ai-aamu-tuleva-2")
    series = EventSeriesPage.objects.get(locale__language_code="sv")
    data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert data["series_info"]["id"] == series.pk
    assert data["start"].startswith(event.start.astimezone(HELSINKI_TZ).strftime("%Y-%m-%dT08:30"))


def test_many_upcoming_events_show_the_first_ones_and_a_link_to_later_ones(
    client, make_event, fi_index
):
    """However many events are planned, the listing stays one short page; nothing is unreachable."""
    from events.listing import UPCOMING_SHOWN

    made = [
        make_event(start=helsinki(2031, 1, 1 + n, 9, 0), end=helsinki(2031, 1, 1 + n, 10, 0))
        for n in range(UPCOMING_SHOWN + 4)
    ]
    response = client.get(fi_index.url)
    shown = [e.pk for e in response.context["upcoming"]]
    assert len(shown) == UPCOMING_SHOWN
    later_url = response.context["upcoming_later_url"]
    assert later_url and "date_from=" in later_url
    assert "Myöhemmät tulevat tapahtumat" in response.content.decode() or later_url in (
        response.content.decode()
    )

    later = client.get(fi_index.url + later_url)
    assert later.status_code == 200
    later_shown = [e.pk for e in later.context["upcoming"]]
    # Together the two pages show every upcoming event, soonest first.
    assert {e.pk for e in made} <= set(shown) | set(later_shown)
    assert later_shown[-1] == made[-1].pk
