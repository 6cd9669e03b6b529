"""The .ics files and feeds: parse with icalendar, right UTC times across DST, stable UID/SEQUENCE."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import translate

from .conftest import helsinki

pytestmark = pytest.mark.django_db

# (Finnish, Swedish, English) titles: three upcoming sessions and one past one
UPCOMING = [
    (
        "AI-aamu: Tekoälykokeilujen kuulumisia",
        "AI-aamu: Nytt från AI-försöken",
        "AI-aamu: News from the AI pilots",
    ),
    ("AI-aamu: Vastuullinen tekoäly", "AI-aamu: Ansvarsfull AI", "AI-aamu: Responsible AI"),
    ("AI-aamu: Kolmas aamu", "AI-aamu: Tredje morgonen", "AI-aamu: The third morning"),
]
PAST = (
    "AI-aamu: DigiFinlandin AI-hanke",
    "AI-aamu: DigiFinlands AI-projekt",
    "AI-aamu: DigiFinland's AI project",
)


@pytest.fixture
def programme(locale_tree, fi_index, make_event):
    """Three upcoming online mornings and a past one, each in fi, sv and en."""
    translate(fi_index, "sv", title="Evenemang", slug="evenemang")
    translate(fi_index, "en", title="Events", slug="events")
    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    dates = [start + timedelta(days=14 * n) for n in range(3)] + [helsinki(2025, 1, 22, 8, 30)]
    events = []
    for (fi, sv, en), when in zip([*UPCOMING, PAST], dates, strict=True):
        event = make_event(
            title=fi,
            start=when,
            end=when + timedelta(hours=1),
            event_format="online",
            online_link="https://example.org/live-room",
            online_link_visibility="registered",
        )
        translate(event, "sv", title=sv)
        translate(event, "en", title=en)
        events.append(event)
    return events


def vevents(body: bytes) -> list:
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


def test_event_ics_times_are_right_on_both_sides_of_the_dst_change(client, make_event):
    # Finland moves to summer time on 2025-03-30: 8.30 is 06:30 UTC before, 05:30 UTC after.
    before = make_event(start=helsinki(2025, 3, 26, 8, 30), end=helsinki(2025, 3, 26, 9, 30))
    after = make_event(start=helsinki(2025, 3, 31, 8, 30), end=helsinki(2025, 3, 31, 9, 30))

    response = client.get(f"/fi/event-{before.translation_key}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = vevents(response.content)
    assert event.decoded("dtstart") == datetime(2025, 3, 26, 6, 30, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2025, 3, 26, 7, 30, tzinfo=UTC)

    (event,) = vevents(client.get(f"/fi/event-{after.translation_key}.ics").content)
    assert event.decoded("dtstart") == datetime(2025, 3, 31, 5, 30, tzinfo=UTC)
    assert str(event["summary"]) == after.title


def test_event_page_states_helsinki_time_and_links_the_ics(client, make_event):
    event = make_event(start=helsinki(2030, 3, 27, 8, 30), end=helsinki(2030, 3, 27, 9, 30))
    html = client.get(event.url).content.decode()
    assert "8.30" in html and "9.30" in html
    assert "Helsingin aikaa" in html or "Helsinki time" in html
    assert f"/fi/event-{event.translation_key}.ics" in html


def test_uid_is_stable_and_sequence_grows_only_when_time_or_place_changes(client, make_event):
    event = make_event()
    url = f"/fi/event-{event.translation_key}.ics"
    (first,) = vevents(client.get(url).content)
    assert str(first["uid"]) == f"event-{event.translation_key}@sotetekoaly.fi"
    assert int(first["sequence"]) == 0

    event.title = "Uusi otsikko"
    event.save_revision().publish()
    (renamed,) = vevents(client.get(url).content)
    assert str(renamed["uid"]) == str(first["uid"])
    assert int(renamed["sequence"]) == 0

    # A draft that moves the event does not change what calendars see until it is published.
    event.start = helsinki(2030, 5, 7, 9, 0)
    event.end = helsinki(2030, 5, 7, 11, 0)
    revision = event.save_revision()
    assert int(vevents(client.get(url).content)[0]["sequence"]) == 0
    revision.publish()
    (moved,) = vevents(client.get(url).content)
    assert str(moved["uid"]) == str(first["uid"])
    assert int(moved["sequence"]) == 1
    assert moved.decoded("dtstart") == datetime(2030, 5, 7, 6, 0, tzinfo=UTC)

    event.refresh_from_db()
    event.venue = "Tampere"
    event.save_revision().publish()
    assert int(vevents(client.get(url).content)[0]["sequence"]) == 2


def test_translations_share_the_uid(client, programme):
    fi = programme[0]
    en = fi.get_translation(fi.get_translations().filter(locale__language_code="en").first().locale)
    (fi_event,) = vevents(client.get(f"/fi/event-{fi.translation_key}.ics").content)
    (en_event,) = vevents(client.get(f"/en/event-{fi.translation_key}.ics").content)
    assert fi_event["uid"] == en_event["uid"]
    assert str(en_event["summary"]) == en.title != fi.title


def test_subscription_feed_lists_upcoming_events_of_the_language_only(client, programme):
    from events.models import EventPage

    body = client.get("/sv/events-calendar.ics").content
    summaries = {str(e["summary"]) for e in vevents(body)}
    upcoming_sv = set(
        EventPage.objects.live()
        .filter(locale__language_code="sv", end__gt=datetime.now(UTC))
        .values_list("title", flat=True)
    )
    assert summaries == upcoming_sv == {sv for _fi, sv, _en in UPCOMING}
    assert "AI-aamu: DigiFinlands AI-projekt" not in summaries  # past


def test_private_online_link_stays_out_of_public_ics(client, programme):
    event = programme[0]
    assert event.online_link and event.online_link_visibility == "registered"
    body = client.get(f"/fi/event-{event.translation_key}.ics").content.decode()
    assert event.online_link not in body
    assert event.online_link not in client.get(event.url).content.decode()


@pytest.mark.parametrize("path", ["/en/events.rss", "/en/events.atom"])
def test_feeds_parse_and_list_upcoming_events(client, programme, path):
    response = client.get(path)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    titles = [el.text for el in root.iter() if el.tag.endswith("title")]
    assert "AI-aamu: News from the AI pilots" in titles
    assert "AI-aamu: DigiFinland's AI project" not in titles


def test_unknown_event_ics_is_404(client):
    assert client.get("/fi/event-00000000-0000-0000-0000-000000000000.ics").status_code == 404
