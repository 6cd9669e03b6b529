"""An event's speakers: one natural line each on the page, and findable by search (declared)."""

from __future__ import annotations

import re

import pytest

from events.models import EventPage, EventSpeaker
from search import service
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(locale_tree) -> EventPage:
    page = EventPageFactory(
        title="Tekoälyaamu",
        speakers=[
            EventSpeaker(name="DigiFinland Oy", organisation="DigiFinland Oy", topic="AI-hanke"),
            EventSpeaker(name="Maija Meikäläinen", organisation="THL", topic=""),
        ],
    )
    page.save_revision().publish()
    return page


def speaker_lines(html: str) -> list[str]:
    section = html.split('class="event-speakers"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", item).split()) for item in items]


def test_the_speaker_line_reads_naturally(client, event):
    assert speaker_lines(client.get(event.url).text) == [
        "DigiFinland Oy: AI-hanke",
        "Maija Meikäläinen, THL",
    ]


def test_speakers_are_searchable_because_the_event_declares_them(event):
    assert [r.url for r in service.search("Meikäläinen", "fi").results] == [event.url]
