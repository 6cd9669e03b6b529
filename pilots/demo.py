"""Demo content: the pilot index, the ten pilots of 2025 and the 2024 funding call (CONTENT.md).

Finnish is the source; Swedish and English come through wagtail-localize string translations.
Indicators, measurements and updates are illustrative (the pilots' real figures are not public),
while titles, regions and the funding call's figures are quoted from the source decks.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils.text import slugify
from wagtail.models import Locale

from cms.demo_content import DemoContext, ensure_page, translate_all
from cms.models import Region, Theme

from .choices import Category, Direction, Status, Technology
from .models import (
    FundingCallPage,
    Indicator,
    Measurement,
    PilotIndexPage,
    PilotPage,
    PilotTheme,
    PilotUpdatePage,
    PublishedShare,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
START = dt.date(2025, 1, 1)
CUSTOMER = "parempi-asiakaspalvelu"
PROFESSIONAL = "tehokkaampi-ammattilaistyo"
QUALITY = "parempi-hoidon-laatu"

INDEX = {
    "title": "Tekoälykokeilut",
    "intro": (
        "Kymmenen tekoälykokeilua käynnistyi vuoden 2025 alussa hyvinvointialueilla ja HUSissa. "
        "STM rahoittaa kokeiluja, DigiFinland koordinoi niitä ja nimeää kullekin yhteyshenkilön."
    ),
}
INDEX_STRINGS = {
    "sv": {
        "kokeilut": "forsok",
        "Tekoälykokeilut": "AI-försök",
        INDEX["intro"]: (
            "Tio AI-försök inleddes i början av 2025 i välfärdsområdena och HUS. SHM finansierar "
            "försöken, DigiFinland koordinerar dem och utser en kontaktperson för varje försök."
        ),
    },
    "en": {
        "kokeilut": "pilots",
        "Tekoälykokeilut": "AI pilots",
        INDEX["intro"]: (
            "Ten AI pilots started at the beginning of 2025 in the wellbeing services counties and "
            "HUS. The Ministry funds the pilots; DigiFinland coordinates them and names a liaison "
            "for each."
        ),
    },
}

# region slug: (lead organisation name fi, sv, en, member slug to link when it exists)
LEADS = {
    "pirkanmaa": (
        "Pirkanmaan hyvinvointialue",
        "Välfärdsområdet Birkaland",
        "Pirkanmaa Wellbeing Services County",
    ),
    "kanta-hame": (
        "Kanta-Hämeen hyvinvointialue",
        "Välfärdsområdet Egentliga Tavastland",
        "Kanta-Häme Wellbeing Services County",
    ),
    "keski-suomi": (
        "Keski-Suomen hyvinvointialue",
        "Välfärdsområdet Mellersta Finland",
        "Central Finland Wellbeing Services County",
    ),
    "lansi-uusimaa": (
        "Länsi-Uudenmaan hyvinvointialue",
        "Västra Nylands välfärdsområde",
        "Western Uusimaa Wellbeing Services County",
    ),
    "pohjanmaa": (
        "Pohjanmaan hyvinvointialue",
        "Österbottens välfärdsområde",
        "Ostrobothnia Wellbeing Services County",
    ),
    "pohjois-savo": (
        "Pohjois-Savon hyvinvointialue",
        "Välfärdsområdet Norra Savolax",
        "North Savo Wellbeing Services County",
    ),
    "hus": ("HUS-yhtymä", "HUS-sammanslutningen", "HUS Group"),
    "varsinais-suomi": (
        "Varsinais-Suomen hyvinvointialue",
        "Välfärdsområdet Egentliga Finland",
        "Southwest Finland Wellbeing Services County",
    ),
}
LEAD_MEMBER_SLUGS = {
    "pirkanmaa": "pirkanmaan-hyvinvointialue",
    "kanta-hame": "kanta-hameen-hyvinvointialue",
    "keski-suomi": "keski-suomen-hyvinvointialue",
    "lansi-uusimaa": "lansi-uudenmaan-hyvinvointialue",
    "pohjanmaa": "pohjanmaan-hyvinvointialue",
    "pohjois-savo": "pohjois-savon-hyvinvointialue",
    "hus": "hus",
    "varsinais-suomi": "varsinais-suomen-hyvinvointialue",
}

# (Finnish title, sv title, en title, region, themes, category, technology,
#  (summary fi, sv, en))
PILOTS = [
    (
        "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi",
        "AI-assisterad sammanställning av bedömningen av ett barns servicebehov",
        "AI-assisted compilation of a child's service-need assessment",
        "pirkanmaa",
        [CUSTOMER],
        Category.SERVICE_NEED_PREDICTION,
        Technology.GENERATIVE_AI,
        (
            "Tekoäly koostaa lapsen palvelutarpeen arviointiin tarvittavat tiedot, jotta arviointi "
            "valmistuu nopeammin ja perhe saa tarvitsemansa tuen aiemmin.",
            "AI sammanställer de uppgifter som behövs för att bedöma ett barns servicebehov, så att "
            "bedömningen blir klar snabbare och familjen får stöd tidigare.",
            "AI compiles the information needed to assess a child's need for services, so the "
            "assessment is completed sooner and the family gets support earlier.",
        ),
    ),
    (
        "AI-pohjainen toimintakyvyn muutoksen ennakointi",
        "AI-baserad förutsägelse av förändringar i funktionsförmågan",
        "AI-based prediction of changes in functional capacity",
        "kanta-hame",
        [CUSTOMER],
        Category.SERVICE_NEED_PREDICTION,
        Technology.DEEP_LEARNING,
        (
            "Kokeilu ennakoi ikääntyneiden asiakkaiden toimintakyvyn heikkenemistä, jotta "
            "ennaltaehkäisevä tuki voidaan kohdentaa ajoissa.",
            "Försöket förutser försämrad funktionsförmåga hos äldre klienter, så att förebyggande "
            "stöd kan riktas i tid.",
            "The pilot predicts declining functional capacity among older clients so that "
            "preventive support can be targeted in time.",
        ),
    ),
    (
        "Ammattilaisen AI-assistentti",
        "AI-assistent för yrkesutbildade",
        "A professional's AI assistant",
        "keski-suomi",
        [PROFESSIONAL],
        Category.PROFESSIONAL_SUPPORT,
        Technology.GENERATIVE_AI,
        (
            "Generatiivinen tekoälyavustaja auttaa sosiaali- ja terveydenhuollon ammattilaisia "
            "löytämään ohjeet ja asiakkaan tiedot keskustelun aikana.",
            "En generativ AI-assistent hjälper yrkesutbildade inom social- och hälsovården att "
            "hitta anvisningar och klientuppgifter under samtalet.",
            "A generative AI assistant helps social and health care professionals find guidelines "
            "and client information during the conversation.",
        ),
    ),
    (
        "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen",
        "AI-baserad sammanställning av klientens bakgrunds- och riskuppgifter",
        "AI-based compilation of a client's background and risk data",
        "kanta-hame",
        [PROFESSIONAL],
        Category.NURSE_WHISPERER,
        Technology.NLP,
        (
            "Tekoäly kokoaa asiakkaan taustatiedot ja riskitekijät eri järjestelmistä yhdeksi "
            "tiiviiksi näkymäksi ammattilaiselle.",
            "AI samlar klientens bakgrundsuppgifter och riskfaktorer från olika system i en "
            "kompakt vy för den yrkesutbildade.",
            "AI gathers a client's background information and risk factors from several systems "
            "into one concise view for the professional.",
        ),
    ),
    (
        "Automaattiset APTJ-kirjaukset hyvinvointialueella",
        "Automatiska journalanteckningar i välfärdsområdet",
        "Automatic patient record entries in a wellbeing services county",
        "lansi-uusimaa",
        [PROFESSIONAL],
        Category.ADMINISTRATIVE_BURDEN,
        Technology.GENERATIVE_AI,
        (
            "Tekoäly laatii asiakas- ja potilastietojärjestelmään kirjausluonnokset vastaanoton "
            "keskustelusta, ja ammattilainen tarkistaa ne.",
            "AI skriver utkast till anteckningar i klient- och patientdatasystemet utifrån "
            "samtalet på mottagningen, och den yrkesutbildade granskar dem.",
            "AI drafts entries for the client and patient information system from the "
            "appointment conversation, and the professional reviews them.",
        ),
    ),
    (
        "LingAI-reaaliaikainen tulkkaus",
        "LingAI – tolkning i realtid",
        "LingAI real-time interpretation",
        "pohjanmaa",
        [CUSTOMER],
        Category.INTERPRETATION,
        Technology.NLP,
        (
            "Reaaliaikainen tekoälytulkkaus auttaa monikielisiä asiakkaita asioimaan omalla "
            "kielellään sosiaali- ja terveyspalveluissa.",
            "AI-tolkning i realtid hjälper flerspråkiga klienter att uträtta ärenden på sitt "
            "eget språk inom social- och hälsovården.",
            "Real-time AI interpretation helps multilingual clients use social and health "
            "services in their own language.",
        ),
    ),
    (
        "Tekoälypohjainen reaaliaikainen tulkkausratkaisu",
        "AI-baserad lösning för tolkning i realtid",
        "AI-based real-time interpretation solution",
        "keski-suomi",
        [CUSTOMER],
        Category.INTERPRETATION,
        Technology.COMBINATION,
        (
            "Kokeilussa otetaan käyttöön tekoälypohjainen tulkkausratkaisu vastaanotoille, joilla "
            "tulkkia ei ole saatavilla heti.",
            "Försöket inför en AI-baserad tolkningslösning på mottagningar där en tolk inte finns "
            "att tillgå genast.",
            "The pilot introduces an AI-based interpretation solution at appointments where an "
            "interpreter is not immediately available.",
        ),
    ),
    (
        "Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto",
        "Utveckling och införande av ett AI-assisterat verktyg för bedömning av läkemedelsrisker",
        "Developing and deploying an AI-assisted medication risk assessment tool",
        "pohjois-savo",
        [QUALITY],
        Category.PROFESSIONAL_SUPPORT,
        Technology.DEEP_LEARNING,
        (
            "Työkalu tunnistaa potilaiden lääkitykseen liittyviä riskejä ja parantaa näin "
            "lääkitysturvallisuutta.",
            "Verktyget identifierar risker i patienternas medicinering och förbättrar därmed "
            "läkemedelssäkerheten.",
            "The tool identifies risks in patients' medication and so improves medication safety.",
        ),
    ),
    (
        "Tekoälypohjaisilla työkaluilla 50 % tuottavuuden kasvu digitaaliseen lihavuuden hoitoon",
        "50 % högre produktivitet i digital fetmabehandling med AI-baserade verktyg",
        "A 50 % productivity gain in digital obesity care with AI-based tools",
        "hus",
        [QUALITY],
        Category.PROFESSIONAL_SUPPORT,
        Technology.GENERATIVE_AI,
        (
            "Tekoälytyökalut tukevat digitaalisen lihavuuden hoidon ammattilaisia, tavoitteena "
            "50 % tuottavuuden kasvu.",
            "AI-verktyg stöder yrkesutbildade inom digital fetmabehandling, med målet att öka "
            "produktiviteten med 50 %.",
            "AI tools support professionals in digital obesity care, aiming at a 50 % gain in "
            "productivity.",
        ),
    ),
    (
        "Tekoäly syövän PET-kuvantamisessa",
        "AI i PET-avbildning av cancer",
        "AI in cancer PET imaging",
        "varsinais-suomi",
        [QUALITY],
        Category.PROFESSIONAL_SUPPORT,
        Technology.COMPUTER_VISION,
        (
            "Konenäkö auttaa tulkitsemaan syövän PET-kuvia nopeammin ja yhdenmukaisemmin.",
            "Datorseende hjälper till att tolka PET-bilder av cancer snabbare och mer enhetligt.",
            "Computer vision helps interpret cancer PET images faster and more consistently.",
        ),
    ),
]

# Finnish title of the pilot → indicator (name fi/sv/en, unit, direction, baseline, target,
# data source fi/sv/en, measurements [(date, value)]).
INDICATORS = {
    "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi": (
        (
            "Palvelutarpeen arvioinnin läpimenoaika",
            "Genomloppstid för bedömningen av servicebehov",
            "Turnaround time of the service-need assessment",
        ),
        "vrk",
        Direction.DOWN,
        Decimal(30),
        Decimal(14),
        (
            "Asiakastietojärjestelmän raportit",
            "Rapporter ur klientdatasystemet",
            "Reports from the client information system",
        ),
        [(dt.date(2025, 3, 31), Decimal(26)), (dt.date(2025, 6, 30), Decimal(21))],
    ),
    "Automaattiset APTJ-kirjaukset hyvinvointialueella": (
        (
            "Kirjaamiseen kuluva aika käyntiä kohden",
            "Tid för dokumentation per besök",
            "Documentation time per appointment",
        ),
        "min",
        Direction.DOWN,
        Decimal(12),
        Decimal(6),
        (
            "Ammattilaisten ajankäyttöseuranta",
            "Uppföljning av de yrkesutbildades tidsanvändning",
            "Professionals' time-use monitoring",
        ),
        [(dt.date(2025, 4, 30), Decimal(10)), (dt.date(2025, 8, 31), Decimal(8))],
    ),
    "LingAI-reaaliaikainen tulkkaus": (
        (
            "Tulkattujen asiakaskäyntien osuus",
            "Andel tolkade klientbesök",
            "Share of client visits interpreted",
        ),
        "%",
        Direction.UP,
        Decimal(40),
        Decimal(80),
        ("Ajanvarausjärjestelmä", "Tidsbokningssystemet", "Appointment booking system"),
        [(dt.date(2025, 3, 31), Decimal(52)), (dt.date(2025, 6, 30), Decimal(65))],
    ),
    "Tekoäly syövän PET-kuvantamisessa": (
        (
            "PET-tutkimuksen tulkintaan kuluva aika",
            "Tid för tolkning av en PET-undersökning",
            "Time to interpret a PET study",
        ),
        "min",
        Direction.DOWN,
        Decimal(45),
        Decimal(30),
        (
            "Radiologian toiminnanohjausjärjestelmä",
            "Radiologins verksamhetsstyrningssystem",
            "Radiology management system",
        ),
        [(dt.date(2025, 5, 31), Decimal(41))],
    ),
}

# Finnish title of the pilot → update (date, title fi/sv/en, summary fi/sv/en)
UPDATES = {
    "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi": (
        dt.date(2025, 2, 10),
        (
            "Kokeilu käynnistyi lastensuojelussa",
            "Försöket inleddes inom barnskyddet",
            "The pilot started in child welfare",
        ),
        (
            "Ensimmäiset arvioinnit koostettiin tekoälyn avulla helmikuussa.",
            "De första bedömningarna sammanställdes med hjälp av AI i februari.",
            "The first assessments were compiled with AI in February.",
        ),
    ),
    "LingAI-reaaliaikainen tulkkaus": (
        dt.date(2025, 3, 15),
        (
            "Tulkkaus otettiin käyttöön ensimmäisessä toimipisteessä",
            "Tolkningen togs i bruk på det första verksamhetsstället",
            "Interpretation in use at the first site",
        ),
        (
            "Reaaliaikainen tulkkaus on nyt asiakkaiden käytössä ensimmäisessä toimipisteessä.",
            "Tolkning i realtid används nu av klienterna på det första verksamhetsstället.",
            "Real-time interpretation is now available to clients at the first site.",
        ),
    ),
    "Tekoäly syövän PET-kuvantamisessa": (
        dt.date(2025, 5, 20),
        (
            "Ensimmäiset PET-aineistot analysoitu",
            "De första PET-materialen analyserade",
            "First PET data analysed",
        ),
        (
            "Mallin ensimmäiset tulokset vastasivat asiantuntijoiden tulkintoja hyvin.",
            "Modellens första resultat motsvarade väl experternas tolkningar.",
            "The model's first results agreed well with the experts' interpretations.",
        ),
    ),
}

CALL_TITLE = "Tekoälykokeilujen ideahaku 2024"
CALL_INTRO = (
    "STM ja DigiFinland keräsivät syksyllä 2024 ehdotuksia tekoälykokeiluiksi. STM rahoittaa "
    "kokeiluja 2–3 M€ (myöhemmin ilmoitettu 2,3 M€), enintään 50 % hankkeen kustannuksista."
)
CALL_TIMELINE = [
    ("16.9.–25.10.2024", "Ehdotukset kerätään verkkolomakkeella"),
    ("marraskuu 2024", "STM päättää, mitkä ehdotukset jatkavat"),
    ("joulukuun alku 2024", "DigiFinland ehdottaa toteutusta"),
    ("vuoden 2024 loppuun mennessä", "STM tekee rahoituspäätöksen"),
]
CALL_CATEGORIES = (
    "Hoitajan kuiskaaja: tekoäly tuo potilastiedot ja hoito-ohjeet keskusteluun\n"
    "Oirearvio ja palveluohjaus\n"
    "Ammattilaisen tukiäly: diagnoosi- ja hoitosuositukset rajatuissa tapauksissa\n"
    "Yksilötason palvelutarpeen ennakointi ja ennaltaehkäisevä interventio\n"
    "Ammattilaisten hallinnollisen taakan keventäminen (lomakkeet, lausunnot)\n"
    "Reaaliaikainen tulkkaus\n"
    "Muu perusteltu käyttötapaus"
)
CALL_ELIGIBILITY = (
    "Hakijoina voivat olla hyvinvointialueet, HUS ja Helsingin kaupunki. Rahoitettavia hankkeita "
    "on noin 5–10, ja kustannukset voivat alkaa 1.1.2025."
)
CALL_REQUIREMENTS = [
    "Lainsäädännön kehittämistarpeet raportoidaan STM:lle.",
    "Tietoa jaetaan ekosysteemin kanssa.",
    "Vaikutukset arvioidaan THL:n arviointiohjeen mukaisesti.",
    "Tekoäly on vastuullista EU:n tekoälysäädöksen mukaisesti (10 artikla, datan laatu).",
    "Ratkaisut ovat hyödynnettävissä kansallisesti kokeilun jälkeen.",
]
CALL_NOTE = (
    "Osuudet ovat julkaistuja likiarvoja: yli puolella hakijoista oli toteutussuunnitelma, "
    "viidesosa oli jo aloittanut ja viidesosa oli ideavaiheessa; teknologiat jakautuivat tasaisesti."
)
CALL_STRINGS = {
    "sv": {
        "ideahaku-2024": "idesokning-2024",
        CALL_TITLE: "Idésökningen för AI-försök 2024",
        CALL_INTRO: (
            "SHM och DigiFinland samlade hösten 2024 in förslag till AI-försök. SHM finansierar "
            "försöken med 2–3 M€ (senare meddelat 2,3 M€), högst 50 % av projektets kostnader."
        ),
        "Aikataulu": "Tidtabell",
        "16.9.–25.10.2024": "16.9–25.10.2024",
        "Ehdotukset kerätään verkkolomakkeella": "Förslagen samlas in med ett webbformulär",
        "marraskuu 2024": "november 2024",
        "STM päättää, mitkä ehdotukset jatkavat": "SHM beslutar vilka förslag som går vidare",
        "joulukuun alku 2024": "början av december 2024",
        "DigiFinland ehdottaa toteutusta": "DigiFinland föreslår genomförandet",
        "vuoden 2024 loppuun mennessä": "före utgången av 2024",
        "STM tekee rahoituspäätöksen": "SHM fattar finansieringsbeslutet",
        CALL_CATEGORIES: (
            "Vårdarens viskare: AI för in patientuppgifter och vårdanvisningar i samtalet\n"
            "Symtombedömning och servicehandledning\n"
            "Stödintelligens för yrkesutbildade: diagnos- och vårdrekommendationer i avgränsade fall\n"
            "Förutsägelse av servicebehov på individnivå och förebyggande intervention\n"
            "Minskad administrativ börda för yrkesutbildade (blanketter, utlåtanden)\n"
            "Tolkning i realtid\n"
            "Annat motiverat användningsfall"
        ),
        CALL_ELIGIBILITY: (
            "Sökande kan vara välfärdsområdena, HUS och Helsingfors stad. Cirka 5–10 projekt "
            "finansieras, och kostnaderna kan börja 1.1.2025."
        ),
        CALL_REQUIREMENTS[0]: "Behov av att utveckla lagstiftningen rapporteras till SHM.",
        CALL_REQUIREMENTS[1]: "Kunskap delas med ekosystemet.",
        CALL_REQUIREMENTS[2]: "Effekterna bedöms enligt THL:s utvärderingsanvisning.",
        CALL_REQUIREMENTS[3]: (
            "AI:n är ansvarsfull enligt EU:s AI-förordning (artikel 10, datakvalitet)."
        ),
        CALL_REQUIREMENTS[4]: "Lösningarna kan användas nationellt efter försöket.",
        CALL_NOTE: (
            "Andelarna är publicerade ungefärliga värden: över hälften av de sökande hade en "
            "genomförandeplan, en femtedel hade redan inlett arbetet och en femtedel var i "
            "idéstadiet; teknikerna fördelade sig jämnt."
        ),
    },
    "en": {
        "ideahaku-2024": "call-for-ideas-2024",
        CALL_TITLE: "AI pilot call for ideas 2024",
        CALL_INTRO: (
            "In autumn 2024 the Ministry and DigiFinland collected proposals for AI pilots. The "
            "Ministry funds the pilots with 2–3 M€ (later announced: 2.3 M€), at most 50 % of a "
            "project's costs."
        ),
        "Aikataulu": "Timeline",
        "16.9.–25.10.2024": "16 Sept – 25 Oct 2024",
        "Ehdotukset kerätään verkkolomakkeella": "Proposals are collected with a web form",
        "marraskuu 2024": "November 2024",
        "STM päättää, mitkä ehdotukset jatkavat": "The Ministry decides which proposals continue",
        "joulukuun alku 2024": "early December 2024",
        "DigiFinland ehdottaa toteutusta": "DigiFinland proposes the implementation",
        "vuoden 2024 loppuun mennessä": "by the end of 2024",
        "STM tekee rahoituspäätöksen": "The Ministry decides on funding",
        CALL_CATEGORIES: (
            "Nurse whisperer: AI brings patient data and care guidelines into the conversation\n"
            "Symptom assessment and service guidance\n"
            "Professional's support AI: diagnosis and treatment recommendations in limited cases\n"
            "Individual-level service-need prediction and preventive intervention\n"
            "Reducing professionals' administrative burden (forms, statements)\n"
            "Real-time interpretation\n"
            "Other justified use case"
        ),
        CALL_ELIGIBILITY: (
            "Wellbeing services counties, HUS and the City of Helsinki can apply. About 5–10 "
            "projects are funded, and costs can start from 1 January 2025."
        ),
        CALL_REQUIREMENTS[0]: "Legislative development needs are reported to the Ministry.",
        CALL_REQUIREMENTS[1]: "Knowledge is shared with the ecosystem.",
        CALL_REQUIREMENTS[2]: "Impacts are evaluated following THL's evaluation guidance.",
        CALL_REQUIREMENTS[
            3
        ]: "The AI is responsible under the EU AI Act (Article 10, data quality).",
        CALL_REQUIREMENTS[4]: "The solutions can be used nationally beyond the pilot.",
        CALL_NOTE: (
            "The shares are published approximations: over half of the applicants had an "
            "implementation plan, a fifth had already started and a fifth were at the idea "
            "stage; technologies were evenly spread."
        ),
    },
}
CALL_SHARES = [
    ("sector", "health", Decimal(50)),
    ("sector", "social", Decimal(20)),
    ("sector", "both", Decimal(30)),
    ("technology", "nlp", Decimal(20)),
    ("technology", "computer-vision", Decimal(20)),
    ("technology", "deep-learning", Decimal(20)),
    ("technology", "generative-ai", Decimal(20)),
    ("technology", "combination", Decimal(20)),
    ("maturity", "plan-ready", Decimal(60)),
    ("maturity", "started", Decimal(20)),
    ("maturity", "idea", Decimal(20)),
]


def _lead_member(region_slug: str):
    """The region's member organisation when the members app has it in every language."""
    try:
        model = apps.get_model("members", "MemberOrganisation")
    except LookupError:
        return None
    slug = LEAD_MEMBER_SLUGS.get(region_slug)
    org = model.objects.filter(locale=Locale.get_default(), slug=slug).first()
    if org is None:
        return None
    languages = set(org.get_translations().values_list("locale__language_code", flat=True))
    return org if {"sv", "en"} <= languages else None


def _pilot_fields(spec) -> dict:
    title, _sv, _en, region_slug, theme_slugs, category, technology, summaries = spec
    default = Locale.get_default()
    themes = {t.slug: t for t in Theme.objects.filter(locale=default, slug__in=theme_slugs)}
    lead_name = LEADS[region_slug][0]
    fields = {
        "title": title,
        "summary": summaries[0],
        "region": Region.objects.filter(locale=default, slug=region_slug).first(),
        "lead_organisation": _lead_member(region_slug),
        "lead_organisation_name": lead_name,
        "category": category,
        "technology": technology,
        "status": Status.ONGOING,
        "start_date": START,
        "contact_organisation": lead_name,
        "theme_links": [PilotTheme(theme=themes[s]) for s in theme_slugs if s in themes],
    }
    if title in INDICATORS:
        names, unit, direction, baseline, target, sources, values = INDICATORS[title]
        fields["indicators"] = [
            Indicator(
                name=names[0],
                unit=unit,
                direction=direction,
                baseline_value=baseline,
                baseline_date=dt.date(2024, 12, 31),
                target_value=target,
                target_date=dt.date(2025, 12, 31),
                data_source=sources[0],
                measurements=[Measurement(date=day, value=value) for day, value in values],
            )
        ]
    return fields


def _pilot_strings(spec) -> dict[str, dict[str, str]]:
    title, sv, en, region_slug, *_rest, summaries = spec
    strings = {
        "sv": {title: sv, slugify(title): slugify(sv), summaries[0]: summaries[1]},
        "en": {title: en, slugify(title): slugify(en), summaries[0]: summaries[2]},
    }
    lead = LEADS[region_slug]
    strings["sv"][lead[0]] = lead[1]
    strings["en"][lead[0]] = lead[2]
    if title in INDICATORS:
        names, _unit, _dir, _b, _t, sources, _values = INDICATORS[title]
        for i, lang in ((1, "sv"), (2, "en")):
            strings[lang][names[0]] = names[i]
            strings[lang][sources[0]] = sources[i]
    return strings


def _load_call(ctx: DemoContext, index: PilotIndexPage) -> None:
    call, created = ensure_page(
        index,
        FundingCallPage,
        "ideahaku-2024",
        title=CALL_TITLE,
        intro=CALL_INTRO,
        timeline=[
            (
                "timeline",
                {
                    "heading": "Aikataulu",
                    "entries": [
                        {"when": w, "title": t, "description": ""} for w, t in CALL_TIMELINE
                    ],
                },
            )
        ],
        categories_sought=CALL_CATEGORIES,
        eligibility=f"<p>{CALL_ELIGIBILITY}</p>",
        requirements="".join(f"<p>{r}</p>" for r in CALL_REQUIREMENTS),
        form_opens_at=dt.datetime(2024, 9, 16, 0, 0, tzinfo=HELSINKI),
        form_closes_at=dt.datetime(2024, 10, 25, 23, 59, tzinfo=HELSINKI),
        funding_available="2–3 M€",
        published_applications=50,
        published_requested_total=Decimal(10_000_000),
        published_granted_total=Decimal(2_300_000),
        published_median_requested=Decimal(158_000),
        results_note=CALL_NOTE,
        published_shares=[PublishedShare(dimension=d, key=k, percent=p) for d, k, p in CALL_SHARES],
    )
    if created:
        ctx.note("funding call 2024")
    translate_all(call, CALL_STRINGS, user=ctx.user)


def load(ctx: DemoContext) -> None:
    index, created = ensure_page(ctx.home, PilotIndexPage, "kokeilut", show_in_menus=True, **INDEX)
    if created:
        ctx.note("pilot index")
    translate_all(index, INDEX_STRINGS, user=ctx.user)
    for spec in PILOTS:
        title = spec[0]
        pilot, created = ensure_page(index, PilotPage, slugify(title), **_pilot_fields(spec))
        if created:
            ctx.note(f"pilot {pilot.slug}")
        strings = _pilot_strings(spec)
        if title in UPDATES:
            day, titles, summaries = UPDATES[title]
            slug = slugify(titles[0])
            update, created = ensure_page(
                pilot, PilotUpdatePage, slug, title=titles[0], date=day, summary=summaries[0]
            )
            translate_all(pilot, strings, user=ctx.user)
            update_strings = {
                lang: {titles[0]: titles[i], slug: slugify(titles[i]), summaries[0]: summaries[i]}
                for i, lang in ((1, "sv"), (2, "en"))
            }
            translate_all(update, update_strings, user=ctx.user)
        else:
            translate_all(pilot, strings, user=ctx.user)
    _load_call(ctx, index)
