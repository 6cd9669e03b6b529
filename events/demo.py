"""Demo events from shared/CONTENT.md: AI-aamu webinars and a member event, in fi with sv/en.

The three future AI-aamu sessions are dated at load time (the next three Wednesdays two weeks
apart, 8.30–9.30 Helsinki time) so the demo always has upcoming events. Pages are found by slug,
so a second run creates nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from cms.demo_content import DemoContext, ensure_page, translate_all
from cms.models import Theme

from .models import (
    EventAgendaItem,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventSpeaker,
    EventTheme,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
WEDNESDAY = 2


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)


def next_wednesdays(today: date, count: int = 3, gap_days: int = 14) -> list[date]:
    """The next ``count`` Wednesdays after ``today``, ``gap_days`` apart."""
    first = today + timedelta(days=(WEDNESDAY - today.weekday()) % 7 or 7)
    return [first + timedelta(days=gap_days * i) for i in range(count)]


COMMON = {
    "sv": {
        "Tapahtumat": "Evenemang",
        "tapahtumat": "evenemang",
        "Verkoston tapahtumat, kuten AI-aamu-webinaarit, sekä jäsenten tapahtumat, joista verkosto tiedottaa.": (
            "Nätverkets evenemang, såsom AI-aamu-webbinarierna, och medlemmarnas evenemang som "
            "nätverket informerar om."
        ),
        "AI-aamu": "AI-aamu",
        "Verkoston aamuwebinaarit, joissa kuullaan ajankohtaisista sote-tekoälyn hankkeista.": (
            "Nätverkets morgonwebbinarier om aktuella AI-projekt inom social- och hälsovården."
        ),
        "joka toinen keskiviikko klo 8.30–9.30, verkossa": (
            "varannan onsdag kl. 8.30–9.30, på webben"
        ),
        "Teams-verkkotapahtuma": "Webbevenemang i Teams",
        "Avaus": "Öppning",
        "Keskustelu ja kysymykset": "Diskussion och frågor",
        "Loppusanat": "Avslutning",
    },
    "en": {
        "Tapahtumat": "Events",
        "tapahtumat": "events",
        "Verkoston tapahtumat, kuten AI-aamu-webinaarit, sekä jäsenten tapahtumat, joista verkosto tiedottaa.": (
            "The network's events, such as the AI-aamu morning webinars, and members' events "
            "that the network announces."
        ),
        "AI-aamu": "AI-aamu",
        "Verkoston aamuwebinaarit, joissa kuullaan ajankohtaisista sote-tekoälyn hankkeista.": (
            "The network's morning webinars on current social and health care AI projects."
        ),
        "joka toinen keskiviikko klo 8.30–9.30, verkossa": (
            "every other Wednesday 8.30–9.30, online"
        ),
        "Teams-verkkotapahtuma": "Online event in Teams",
        "Avaus": "Opening",
        "Keskustelu ja kysymykset": "Discussion and questions",
        "Loppusanat": "Closing words",
    },
}

INDEX_INTRO = (
    "Verkoston tapahtumat, kuten AI-aamu-webinaarit, sekä jäsenten tapahtumat, joista verkosto "
    "tiedottaa."
)
SERIES_INTRO = "Verkoston aamuwebinaarit, joissa kuullaan ajankohtaisista sote-tekoälyn hankkeista."
SCHEDULE = "joka toinen keskiviikko klo 8.30–9.30, verkossa"
ONLINE = "Teams-verkkotapahtuma"


def _agenda(start_hour: int, start_minute: int, items: list[str]) -> list[EventAgendaItem]:
    rows = []
    minutes = start_hour * 60 + start_minute
    for index, title in enumerate(items):
        at_minutes = minutes + (0 if index == 0 else 5 + (index - 1) * 25)
        rows.append(EventAgendaItem(time=time(at_minutes // 60, at_minutes % 60), title=title))
    return rows


def _themes(*slugs: str) -> list[EventTheme]:
    themes = Theme.objects.filter(slug__in=slugs, locale__language_code="fi")
    return [EventTheme(theme=theme) for theme in themes]


SUMMARY_DIGIFINLAND = (
    "Webinaarissa käytiin läpi DigiFinlandin AI-hanke: selvitys Tekoäly hyvinvointialueilla "
    "(maaliskuu 2024), juridisten tulkintojen selvitys (joulukuu 2024) ja vuonna 2025 "
    "käynnistyvät 10 tekoälykokeilua hyvinvointialueilla ja HUSissa."
)
SUMMARY_ECOSYSTEM = (
    "Ekosysteemissä on yli 200 jäsenorganisaatiota ja yli 1 100 uutiskirjeen tilaajaa. "
    "Webinaarissa esiteltiin 10 tekoälykokeilua, jotka käynnistyivät tammikuussa 2025."
)


def _past_events() -> list[dict]:
    return [
        {
            "slug": "ai-aamu-digifinlandin-ai-hanke",
            "title": "AI-aamu: DigiFinlandin AI-hanke",
            "start": at(date(2025, 1, 22), 8, 30),
            "end": at(date(2025, 1, 22), 9, 30),
            "intro": "DigiFinland kertoo tekoälyhankkeestaan ja hyvinvointialueiden tekoälykokeiluista.",
            "summary": f"<p>{SUMMARY_DIGIFINLAND}</p>",
            "speakers": [("DigiFinland Oy", "DigiFinland Oy", "DigiFinlandin AI-hanke")],
            "agenda": ["Avaus", "DigiFinlandin AI-hanke", "Keskustelu ja kysymykset"],
            "themes": ("parempi-asiakaspalvelu", "tehokkaampi-ammattilaistyo"),
            "sv": {
                "AI-aamu: DigiFinlandin AI-hanke": "AI-aamu: DigiFinlands AI-projekt",
                "DigiFinland kertoo tekoälyhankkeestaan ja hyvinvointialueiden tekoälykokeiluista.": (
                    "DigiFinland berättar om sitt AI-projekt och om AI-försöken i välfärdsområdena."
                ),
                "DigiFinlandin AI-hanke": "DigiFinlands AI-projekt",
                SUMMARY_DIGIFINLAND: (
                    "Webbinariet gick igenom DigiFinlands AI-projekt: utredningen AI i "
                    "välfärdsområdena (mars 2024), utredningen om juridiska tolkningar (december "
                    "2024) och de 10 AI-försök som inleds 2025 i välfärdsområdena och HUS."
                ),
            },
            "en": {
                "AI-aamu: DigiFinlandin AI-hanke": "AI-aamu: DigiFinland's AI project",
                "DigiFinland kertoo tekoälyhankkeestaan ja hyvinvointialueiden tekoälykokeiluista.": (
                    "DigiFinland presents its AI project and the AI pilots in the wellbeing "
                    "services counties."
                ),
                "DigiFinlandin AI-hanke": "DigiFinland's AI project",
                SUMMARY_DIGIFINLAND: (
                    "The webinar went through DigiFinland's AI project: the report AI in the "
                    "wellbeing services counties (March 2024), the legal-interpretations study "
                    "(December 2024) and the 10 AI pilots starting in 2025 in the wellbeing "
                    "services counties and HUS."
                ),
            },
        },
        {
            "slug": "ai-aamu-ekosysteemi-tilannekuva-ja-kokeilut",
            "title": "AI-aamu: Ekosysteemi, sen tilannekuva ja tekoälykokeilut",
            "start": at(date(2025, 2, 13), 8, 30),
            "end": at(date(2025, 2, 13), 9, 30),
            "intro": (
                "Katsaus SOTE-tekoälyn ekosysteemiin, sen tilannekuvaan ja kymmeneen "
                "tekoälykokeiluun."
            ),
            "summary": f"<p>{SUMMARY_ECOSYSTEM}</p>",
            "speakers": [("DigiFinland Oy", "DigiFinland Oy", "Ekosysteemin tilannekuva")],
            "agenda": [
                "Avaus",
                "Ekosysteemin tilannekuva",
                "Tekoälykokeilut",
                "Keskustelu ja kysymykset",
            ],
            "themes": (
                "parempi-asiakaspalvelu",
                "tehokkaampi-ammattilaistyo",
                "parempi-hoidon-laatu",
            ),
            "sv": {
                "AI-aamu: Ekosysteemi, sen tilannekuva ja tekoälykokeilut": (
                    "AI-aamu: Ekosystemet, lägesbilden och AI-försöken"
                ),
                "Katsaus SOTE-tekoälyn ekosysteemiin, sen tilannekuvaan ja kymmeneen "
                "tekoälykokeiluun.": "En översikt av ekosystemet, dess lägesbild och de tio AI-försöken.",
                "Ekosysteemin tilannekuva": "Ekosystemets lägesbild",
                "Tekoälykokeilut": "AI-försöken",
                SUMMARY_ECOSYSTEM: (
                    "Ekosystemet har över 200 medlemsorganisationer och över 1 100 prenumeranter "
                    "på nyhetsbrevet. Webbinariet presenterade de 10 AI-försök som inleddes i "
                    "januari 2025."
                ),
            },
            "en": {
                "AI-aamu: Ekosysteemi, sen tilannekuva ja tekoälykokeilut": (
                    "AI-aamu: The ecosystem, its situational picture and the pilots"
                ),
                "Katsaus SOTE-tekoälyn ekosysteemiin, sen tilannekuvaan ja kymmeneen "
                "tekoälykokeiluun.": (
                    "An overview of the ecosystem, its situational picture and the ten AI pilots."
                ),
                "Ekosysteemin tilannekuva": "The ecosystem's situational picture",
                "Tekoälykokeilut": "The AI pilots",
                SUMMARY_ECOSYSTEM: (
                    "The ecosystem has over 200 member organisations and over 1,100 newsletter "
                    "subscribers. The webinar presented the 10 AI pilots that started in "
                    "January 2025."
                ),
            },
        },
    ]


FUTURE_TOPICS = [
    (
        "AI-aamu: Tekoälykokeilujen kuulumisia",
        "Hyvinvointialueiden tekoälykokeilut kertovat, miten työ on edennyt.",
        (
            "AI-aamu: Nytt från AI-försöken",
            "AI-försöken i välfärdsområdena berättar hur arbetet har framskridit.",
        ),
        (
            "AI-aamu: News from the AI pilots",
            "The AI pilots in the wellbeing services counties tell how the work has progressed.",
        ),
        ("tehokkaampi-ammattilaistyo",),
    ),
    (
        "AI-aamu: Sote-tekoälyn juridiset tulkinnat",
        "Mitä joulukuussa 2024 julkaistu juridisten tulkintojen selvitys tarkoittaa käytännössä?",
        (
            "AI-aamu: Juridiska tolkningar av AI inom social- och hälsovården",
            "Vad betyder utredningen om juridiska tolkningar från december 2024 i praktiken?",
        ),
        (
            "AI-aamu: Legal interpretations of social and health care AI",
            "What does the legal-interpretations study published in December 2024 mean in practice?",
        ),
        ("parempi-hoidon-laatu",),
    ),
    (
        "AI-aamu: Vastuullinen tekoäly ja EU:n tekoälysäädös",
        "Vastuullinen tekoäly ja datan laatu EU:n tekoälysäädöksen mukaan.",
        (
            "AI-aamu: Ansvarsfull AI och EU:s AI-förordning",
            "Ansvarsfull AI och datakvalitet enligt EU:s AI-förordning.",
        ),
        (
            "AI-aamu: Responsible AI and the EU AI Act",
            "Responsible AI and data quality under the EU AI Act.",
        ),
        ("parempi-asiakaspalvelu",),
    ),
]

HELSINKI_EVENT = {
    "slug": "vastuullinen-tekoaly-julkisella-sektorilla",
    "title": "Vastuullinen tekoäly julkisella sektorilla",
    "intro": "Helsingin kaupungin tapahtuma tekoälyn vastuullisesta käytöstä julkisella sektorilla.",
    "sv": {
        "Vastuullinen tekoäly julkisella sektorilla": "Ansvarsfull AI inom den offentliga sektorn",
        "Helsingin kaupungin tapahtuma tekoälyn vastuullisesta käytöstä julkisella sektorilla.": (
            "Helsingfors stads evenemang om ansvarsfull användning av AI inom den offentliga sektorn."
        ),
        "Helsinki": "Helsingfors",
    },
    "en": {
        "Vastuullinen tekoäly julkisella sektorilla": "Responsible AI in the public sector",
        "Helsingin kaupungin tapahtuma tekoälyn vastuullisesta käytöstä julkisella sektorilla.": (
            "A City of Helsinki event on the responsible use of AI in the public sector."
        ),
        "Helsinki": "Helsinki",
    },
}


def _helsinki_organiser():
    """The City of Helsinki as a member organisation (found by slug or name, else created)."""
    from members.models import MemberOrganisation

    existing = (
        MemberOrganisation.objects.filter(locale__language_code="fi")
        .filter(Q(slug="helsingin-kaupunki") | Q(name="Helsingin kaupunki"))
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing
    from cms.demo_content import ensure_snippet

    organisation, _created = ensure_snippet(
        MemberOrganisation,
        {"slug": "helsingin-kaupunki"},
        name="Helsingin kaupunki",
        organisation_type=MemberOrganisation.OrganisationType.PUBLIC_SECTOR,
        website="https://www.hel.fi/",
    )
    return organisation


def _translate(page, *maps: dict, user=None) -> None:
    strings = {
        lang: {k: v for m in maps for k, v in m.get(lang, {}).items()} for lang in ("sv", "en")
    }
    translate_all(page, strings, user=user)


def load(ctx: DemoContext) -> None:
    index, created = ensure_page(
        ctx.home,
        EventIndexPage,
        "tapahtumat",
        title="Tapahtumat",
        intro=INDEX_INTRO,
        show_in_menus=True,
    )
    if created:
        ctx.note("event index")
    _translate(index, COMMON, user=ctx.user)

    series, created = ensure_page(
        index,
        EventSeriesPage,
        "ai-aamu",
        title="AI-aamu",
        intro=SERIES_INTRO,
        schedule=SCHEDULE,
    )
    if created:
        ctx.note("AI-aamu series")
    _translate(series, COMMON, user=ctx.user)

    pages: list[tuple[EventPage, dict]] = []
    for spec in _past_events():
        page, created = ensure_page(
            index,
            EventPage,
            spec["slug"],
            title=spec["title"],
            event_type="ai_aamu",
            series=series,
            intro=spec["intro"],
            start=spec["start"],
            end=spec["end"],
            event_format="online",
            venue=ONLINE,
            summary=spec["summary"],
            speakers=[
                EventSpeaker(name=n, organisation=o, topic=t) for n, o, t in spec["speakers"]
            ],
            agenda_items=_agenda(8, 30, spec["agenda"]),
            event_themes=_themes(*spec["themes"]),
        )
        if created:
            ctx.note(spec["slug"])
        pages.append((page, spec))

    organiser = _helsinki_organiser()
    helsinki, created = ensure_page(
        index,
        EventPage,
        HELSINKI_EVENT["slug"],
        title=HELSINKI_EVENT["title"],
        event_type="member_event",
        intro=HELSINKI_EVENT["intro"],
        start=at(date(2025, 1, 29), 13, 0),
        end=at(date(2025, 1, 29), 16, 0),
        event_format="hybrid",
        venue="Helsinki",
        organiser=organiser,
        event_themes=_themes("parempi-asiakaspalvelu"),
    )
    if created:
        ctx.note("Helsinki member event")
    pages.append((helsinki, HELSINKI_EVENT))

    today = timezone.localdate()
    for number, (day, topic) in enumerate(
        zip(next_wednesdays(today), FUTURE_TOPICS, strict=True), 1
    ):
        title, intro, sv, en, theme_slugs = topic
        page, created = ensure_page(
            index,
            EventPage,
            f"ai-aamu-tuleva-{number}",
            title=title,
            event_type="ai_aamu",
            series=series,
            intro=intro,
            start=at(day, 8, 30),
            end=at(day, 9, 30),
            event_format="online",
            venue=ONLINE,
            online_link="https://teams.microsoft.com/",
            online_link_visibility="registered",
            registration_mode="form",
            capacity=100,
            waiting_list=True,
            agenda_items=_agenda(8, 30, ["Avaus", "Keskustelu ja kysymykset"]),
            event_themes=_themes(*theme_slugs),
        )
        if created:
            ctx.note(f"future AI-aamu {number}")
        pages.append(
            (page, {"sv": {title: sv[0], intro: sv[1]}, "en": {title: en[0], intro: en[1]}})
        )

    for page, spec in pages:
        _translate(page, COMMON, spec, user=ctx.user)
