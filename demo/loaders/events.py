"""Events: the index, the AI-aamu series, past webinars, a member's event and upcoming webinars
(``events.yaml``). Upcoming webinars fall on the next Wednesdays after the day of loading."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from cms.models import Theme
from demo import data
from demo.loaders.home import body_blocks
from demo.loaders.media import image_block
from demo.toolkit import DemoContext, ensure_page, ensure_snippet, translate_all
from events.models import (
    EventAgendaItem,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventSpeaker,
    EventTheme,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def local(value) -> datetime:
    """``2025-01-22T08:30`` in a data file as an aware Helsinki datetime."""
    return datetime.fromisoformat(str(value)).replace(tzinfo=HELSINKI)


def next_weekdays(today: date, weekday: int, count: int, gap_days: int) -> list[date]:
    """The next ``count`` days of ``weekday`` after ``today``, ``gap_days`` apart."""
    first = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return [first + timedelta(days=gap_days * i) for i in range(count)]


def _agenda(start: time, items: list[str]) -> list[EventAgendaItem]:
    rows = []
    minutes = start.hour * 60 + start.minute
    for index, title in enumerate(items):
        at_minutes = minutes + (0 if index == 0 else 5 + (index - 1) * 25)
        rows.append(EventAgendaItem(time=time(at_minutes // 60, at_minutes % 60), title=title))
    return rows


def _themes(slugs) -> list[EventTheme]:
    themes = Theme.objects.filter(slug__in=list(slugs), locale__language_code="fi")
    return [EventTheme(theme=theme) for theme in themes]


def _organiser(spec):
    """The organiser as a member organisation (found by slug or name, else created)."""
    from members.models import MemberOrganisation

    existing = (
        MemberOrganisation.objects.filter(locale__language_code="fi")
        .filter(Q(slug=spec["slug"]) | Q(name=spec["name"]))
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing
    organisation, _created = ensure_snippet(
        MemberOrganisation,
        {"slug": spec["slug"]},
        name=spec["name"],
        organisation_type=MemberOrganisation.OrganisationType.PUBLIC_SECTOR,
        website=spec["website"],
    )
    return organisation


def _description(spec, texts: data.Texts) -> list:
    """The event's body: its illustration, then any paragraphs the data gives."""
    blocks = [image_block(spec["image"], texts)] if spec.get("image") else []
    return blocks + body_blocks(spec.get("body", []), {}, texts)


def load(ctx: DemoContext) -> None:
    source = data.load("events")
    common = source["common_strings"]
    online = source["online_venue"]
    index_spec, series_spec = source["index"], source["series"]
    index, created = ensure_page(
        ctx.home,
        EventIndexPage,
        index_spec["slug"],
        title=index_spec["title"],
        intro=index_spec["intro"],
        show_in_menus=True,
    )
    if created:
        ctx.note("event index")
    translate_all(index, data.Texts(common).strings, user=ctx.user)

    series, created = ensure_page(
        index,
        EventSeriesPage,
        series_spec["slug"],
        title=series_spec["title"],
        intro=series_spec["intro"],
        schedule=series_spec["schedule"],
    )
    if created:
        ctx.note("AI-aamu series")
    translate_all(series, data.Texts(common).strings, user=ctx.user)

    pages: list[tuple[EventPage, data.Texts]] = []
    for spec in source["past_webinars"]:
        texts = data.Texts(common, spec["strings"])
        start = local(spec["start"])
        page, created = ensure_page(
            index,
            EventPage,
            spec["slug"],
            title=spec["title"],
            event_type="ai_aamu",
            series=series,
            intro=spec["intro"],
            start=start,
            end=local(spec["end"]),
            event_format="online",
            venue=online,
            summary=f"<p>{spec['summary']}</p>",
            body=_description(spec, texts),
            speakers=[
                EventSpeaker(name=s["name"], organisation=s["organisation"], topic=s["topic"])
                for s in spec["speakers"]
            ],
            agenda_items=_agenda(start.time(), spec["agenda"]),
            event_themes=_themes(spec["themes"]),
        )
        if created:
            ctx.note(spec["slug"])
        pages.append((page, texts))

    spec = source["member_event"]
    texts = data.Texts(common, spec["strings"])
    member_event, created = ensure_page(
        index,
        EventPage,
        spec["slug"],
        title=spec["title"],
        event_type="member_event",
        intro=spec["intro"],
        start=local(spec["start"]),
        end=local(spec["end"]),
        event_format=spec["event_format"],
        venue=spec["venue"],
        organiser=_organiser(spec["organiser"]),
        body=_description(spec, texts),
        event_themes=_themes(spec["themes"]),
    )
    if created:
        ctx.note("member event")
    pages.append((member_event, texts))

    upcoming = source["upcoming_webinars"]
    start, end = time.fromisoformat(upcoming["start"]), time.fromisoformat(upcoming["end"])
    days = next_weekdays(
        timezone.localdate(),
        WEEKDAYS.index(upcoming["weekday"]),
        len(upcoming["topics"]),
        upcoming["gap_days"],
    )
    for number, (day, topic) in enumerate(zip(days, upcoming["topics"], strict=True), 1):
        texts = data.Texts(common)
        page, created = ensure_page(
            index,
            EventPage,
            f"ai-aamu-tuleva-{number}",
            title=texts.fi(topic["title"]),
            event_type="ai_aamu",
            series=series,
            intro=texts.fi(topic["intro"]),
            start=datetime.combine(day, start, tzinfo=HELSINKI),
            end=datetime.combine(day, end, tzinfo=HELSINKI),
            event_format="online",
            venue=online,
            online_link=upcoming["online_link"],
            online_link_visibility="registered",
            registration_mode="form",
            capacity=upcoming["capacity"],
            waiting_list=True,
            body=_description(topic, texts),
            speakers=[
                EventSpeaker(
                    name=texts.fi(s["name"]),
                    organisation=texts.fi(s["organisation"]),
                    topic=texts.fi(s["topic"]),
                )
                for s in topic.get("speakers", [])
            ],
            agenda_items=_agenda(
                start, [texts.fi(item) for item in topic.get("agenda", upcoming["agenda"])]
            ),
            event_themes=_themes(topic["themes"]),
        )
        if created:
            ctx.note(f"upcoming AI-aamu {number}")
        pages.append((page, texts))

    for page, texts in pages:
        translate_all(page, texts.strings, user=ctx.user)
