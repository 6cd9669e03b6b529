"""Demo content for the front page and the standard pages, from shared/CONTENT.md.

Finnish is written first; Swedish and English go through wagtail-localize as string translations.
"""

from __future__ import annotations

from wagtail.models import Site

from cms.demo_content import DemoContext, ensure_page, translate_all
from cms.models import SiteSettings

from .models import StandardPage

HERO_TITLE = "SOTE-tekoälyn ekosysteemi"
HERO_TEXT = (
    "Kansallinen verkosto, joka edistää tekoälyn vastuullista käyttöä sosiaali- ja "
    "terveydenhuollossa. Verkostoa johtaa sosiaali- ja terveysministeriö."
)

TIMELINE = [
    ("2023-10", "STM:n tilaama tekoälyselvitys käynnistyy"),
    ("2024-03", "DigiFinland julkaisee selvityksen Tekoäly hyvinvointialueilla"),
    ("2024-05", "STM:n tilaama selvitys sote-tekoälyn juridisista tulkinnoista käynnistyy"),
    ("2024-06", "SOTE-tekoälyn ekosysteemi perustetaan"),
    ("2024-10", "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen (2–3 M€)"),
    ("2024-12", "Juridisten tulkintojen selvitys julkaistaan"),
    ("2025-01", "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa"),
    ("alkuvuosi 2025", "Tekoälyn visiotyö käynnistyy"),
]

KEY_FIGURES = [
    ("200+", "jäsenorganisaatiota"),
    ("1 100+", "uutiskirjeen tilaajaa"),
    ("10", "tekoälykokeilua"),
    ("2,3 M€", "STM:n kokeilurahoitus"),
]

STRINGS = {
    "sv": {
        "Etusivu": "Startsida",
        "etusivu": "startsida",
        HERO_TITLE: "Ekosystemet för AI inom social- och hälsovården",
        HERO_TEXT: (
            "Ett nationellt nätverk som främjar ansvarsfull användning av artificiell intelligens "
            "inom social- och hälsovården. Nätverket leds av social- och hälsovårdsministeriet."
        ),
        "Ekosysteemi lukuina": "Ekosystemet i siffror",
        "jäsenorganisaatiota": "medlemsorganisationer",
        "uutiskirjeen tilaajaa": "prenumeranter på nyhetsbrevet",
        "tekoälykokeilua": "AI-försök",
        "STM:n kokeilurahoitus": "SHM:s försöksfinansiering",
        "Aikajana": "Tidslinje",
        "STM:n tilaama tekoälyselvitys käynnistyy": "SHM:s AI-utredning inleds",
        "DigiFinland julkaisee selvityksen Tekoäly hyvinvointialueilla": (
            "DigiFinland publicerar utredningen AI i välfärdsområdena"
        ),
        "STM:n tilaama selvitys sote-tekoälyn juridisista tulkinnoista käynnistyy": (
            "SHM:s utredning om juridiska tolkningar av AI inom social- och hälsovården inleds"
        ),
        "SOTE-tekoälyn ekosysteemi perustetaan": "Ekosystemet för AI inom social- och hälsovården grundas",
        "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen (2–3 M€)": (
            "SHM och DigiFinland öppnar finansieringen för AI-försök (2–3 M€)"
        ),
        "Juridisten tulkintojen selvitys julkaistaan": "Utredningen om juridiska tolkningar publiceras",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa": (
            "10 AI-försök inleds i välfärdsområdena och HUS"
        ),
        "Tekoälyn visiotyö käynnistyy": "Arbetet med en AI-vision inleds",
        "alkuvuosi 2025": "början av 2025",
    },
    "en": {
        "Etusivu": "Home",
        "etusivu": "home",
        HERO_TITLE: "Social and Health Care AI Ecosystem",
        HERO_TEXT: (
            "A national network that promotes the responsible use of artificial intelligence in "
            "social and health care, led by the Ministry of Social Affairs and Health."
        ),
        "Ekosysteemi lukuina": "The ecosystem in figures",
        "jäsenorganisaatiota": "member organisations",
        "uutiskirjeen tilaajaa": "newsletter subscribers",
        "tekoälykokeilua": "AI pilots",
        "STM:n kokeilurahoitus": "Ministry pilot funding",
        "Aikajana": "Timeline",
        "STM:n tilaama tekoälyselvitys käynnistyy": "The Ministry-commissioned AI study starts",
        "DigiFinland julkaisee selvityksen Tekoäly hyvinvointialueilla": (
            "DigiFinland publishes the report AI in the wellbeing services counties"
        ),
        "STM:n tilaama selvitys sote-tekoälyn juridisista tulkinnoista käynnistyy": (
            "The Ministry-commissioned study on legal interpretations of social and health care AI starts"
        ),
        "SOTE-tekoälyn ekosysteemi perustetaan": "The Social and Health Care AI Ecosystem is founded",
        "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen (2–3 M€)": (
            "The Ministry and DigiFinland open AI pilot funding (2–3 M€)"
        ),
        "Juridisten tulkintojen selvitys julkaistaan": "The legal-interpretations study is published",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa": (
            "10 AI pilots start in the wellbeing services counties and HUS"
        ),
        "Tekoälyn visiotyö käynnistyy": "Work on an AI vision starts",
        "alkuvuosi 2025": "early 2025",
    },
}


def _timeline_block() -> tuple[str, dict]:
    return (
        "timeline",
        {
            "heading": "Aikajana",
            "entries": [{"when": w, "title": t, "description": ""} for w, t in TIMELINE],
        },
    )


def _figures_block() -> tuple[str, dict]:
    return (
        "key_figures",
        {
            "heading": "Ekosysteemi lukuina",
            "figures": [{"value": v, "label": label} for v, label in KEY_FIGURES],
        },
    )


def _paragraph(text: str) -> tuple[str, str]:
    return ("paragraph", f"<p>{text}</p>")


def _heading(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


# (slug, title, intro, body, show_in_menus, sv strings, en strings)
PAGES = [
    {
        "slug": "tietoa",
        "title": "Tietoa ekosysteemistä",
        "intro": (
            "SOTE-tekoälyn ekosysteemi on viranomaisten, yritysten ja tutkijoiden epävirallinen "
            "verkosto, jonka sosiaali- ja terveysministeriö perusti kesällä 2024."
        ),
        "body": [
            _heading("Koordinaatioryhmä"),
            _paragraph(
                "Verkoston koordinaatioryhmään kuuluvat sosiaali- ja terveysministeriö (STM), "
                "Terveyden ja hyvinvoinnin laitos (THL), HUS, UNA Oy ja DigiFinland Oy."
            ),
            _heading("Kanavat"),
            _paragraph(
                "Verkosto viestii verkkosivuilla ja LinkedInissä, kuukausittaisella uutiskirjeellä, "
                "työryhmissä, selvityksissä, kokeiluhankkeissa sekä tapahtumissa, kuten AI-aamu-webinaareissa."
            ),
            _timeline_block(),
        ],
        "menu": True,
        "sv": {
            "Tietoa ekosysteemistä": "Om ekosystemet",
            "tietoa": "om",
            "SOTE-tekoälyn ekosysteemi on viranomaisten, yritysten ja tutkijoiden epävirallinen "
            "verkosto, jonka sosiaali- ja terveysministeriö perusti kesällä 2024.": (
                "Ekosystemet för AI inom social- och hälsovården är ett informellt nätverk av "
                "myndigheter, företag och forskare som social- och hälsovårdsministeriet grundade "
                "sommaren 2024."
            ),
            "Koordinaatioryhmä": "Koordineringsgrupp",
            "Verkoston koordinaatioryhmään kuuluvat sosiaali- ja terveysministeriö (STM), "
            "Terveyden ja hyvinvoinnin laitos (THL), HUS, UNA Oy ja DigiFinland Oy.": (
                "Nätverkets koordineringsgrupp består av social- och hälsovårdsministeriet (SHM), "
                "Institutet för hälsa och välfärd (THL), HUS, UNA Oy och DigiFinland Oy."
            ),
            "Kanavat": "Kanaler",
            "Verkosto viestii verkkosivuilla ja LinkedInissä, kuukausittaisella uutiskirjeellä, "
            "työryhmissä, selvityksissä, kokeiluhankkeissa sekä tapahtumissa, kuten AI-aamu-webinaareissa.": (
                "Nätverket kommunicerar på webbplatsen och LinkedIn, i ett månatligt nyhetsbrev, i "
                "arbetsgrupper, utredningar och försöksprojekt samt vid evenemang som AI-aamu-webbinarierna."
            ),
        },
        "en": {
            "Tietoa ekosysteemistä": "About the ecosystem",
            "tietoa": "about",
            "SOTE-tekoälyn ekosysteemi on viranomaisten, yritysten ja tutkijoiden epävirallinen "
            "verkosto, jonka sosiaali- ja terveysministeriö perusti kesällä 2024.": (
                "The Social and Health Care AI Ecosystem is an informal network of authorities, "
                "companies and researchers, founded by the Ministry of Social Affairs and Health in "
                "summer 2024."
            ),
            "Koordinaatioryhmä": "Coordination group",
            "Verkoston koordinaatioryhmään kuuluvat sosiaali- ja terveysministeriö (STM), "
            "Terveyden ja hyvinvoinnin laitos (THL), HUS, UNA Oy ja DigiFinland Oy.": (
                "The network's coordination group: the Ministry of Social Affairs and Health (STM), "
                "the Finnish Institute for Health and Welfare (THL), HUS, UNA Oy and DigiFinland Oy."
            ),
            "Kanavat": "Channels",
            "Verkosto viestii verkkosivuilla ja LinkedInissä, kuukausittaisella uutiskirjeellä, "
            "työryhmissä, selvityksissä, kokeiluhankkeissa sekä tapahtumissa, kuten AI-aamu-webinaareissa.": (
                "The network communicates through its website and LinkedIn, a monthly newsletter, "
                "working groups, reports, pilot projects and events such as the AI-aamu morning webinars."
            ),
        },
    },
    {
        "slug": "osallistu",
        "title": "Osallistu",
        "intro": "Ekosysteemi elää jäsentensä aktiivisuudesta. Näin voit osallistua.",
        "body": [
            (
                "accordion",
                {
                    "heading": "Tapoja osallistua",
                    "items": [
                        {
                            "title": "Tilaa uutiskirje tai liity jäseneksi",
                            "body": "<p>Liity yli 200 organisaation verkostoon ja saat uutiskirjeen kuukausittain.</p>",
                        },
                        {
                            "title": "Järjestä tapahtuma",
                            "body": "<p>Verkosto tiedottaa jäsentensä tapahtumista.</p>",
                        },
                        {
                            "title": "Ehdota aihetta AI-aamuun",
                            "body": "<p>Ehdota aihetta tai puheenvuoroa AI-aamu-webinaariin.</p>",
                        },
                        {
                            "title": "Järjestä yhteishanke",
                            "body": "<p>Verkosto auttaa löytämään toimijat yhteiseen hankkeeseen.</p>",
                        },
                        {
                            "title": "Kirjoita blogi",
                            "body": "<p>Kirjoita blogikirjoitus suurelle yleisölle.</p>",
                        },
                        {
                            "title": "Tee selvitys",
                            "body": "<p>Tee selvitys, niin verkosto jakaa sen tulokset.</p>",
                        },
                    ],
                },
            ),
        ],
        "menu": True,
        "sv": {
            "Osallistu": "Delta",
            "osallistu": "delta",
            "Ekosysteemi elää jäsentensä aktiivisuudesta. Näin voit osallistua.": (
                "Ekosystemet lever av sina medlemmars aktivitet. Så här kan du delta."
            ),
            "Tapoja osallistua": "Sätt att delta",
            "Tilaa uutiskirje tai liity jäseneksi": "Prenumerera på nyhetsbrevet eller bli medlem",
            "Liity yli 200 organisaation verkostoon ja saat uutiskirjeen kuukausittain.": (
                "Gå med i ett nätverk av över 200 organisationer och få nyhetsbrevet varje månad."
            ),
            "Järjestä tapahtuma": "Ordna ett evenemang",
            "Verkosto tiedottaa jäsentensä tapahtumista.": "Nätverket informerar om medlemmarnas evenemang.",
            "Ehdota aihetta AI-aamuun": "Föreslå ett ämne för AI-aamu",
            "Ehdota aihetta tai puheenvuoroa AI-aamu-webinaariin.": (
                "Föreslå ett ämne eller ett anförande för ett AI-aamu-webbinarium."
            ),
            "Järjestä yhteishanke": "Ordna ett samarbetsprojekt",
            "Verkosto auttaa löytämään toimijat yhteiseen hankkeeseen.": (
                "Nätverket hjälper till att hitta aktörer för ett gemensamt projekt."
            ),
            "Kirjoita blogi": "Skriv ett blogginlägg",
            "Kirjoita blogikirjoitus suurelle yleisölle.": "Skriv ett blogginlägg för en bred publik.",
            "Tee selvitys": "Gör en utredning",
            "Tee selvitys, niin verkosto jakaa sen tulokset.": (
                "Gör en utredning så delar nätverket dess resultat."
            ),
        },
        "en": {
            "Osallistu": "Get involved",
            "osallistu": "get-involved",
            "Ekosysteemi elää jäsentensä aktiivisuudesta. Näin voit osallistua.": (
                "The ecosystem lives from its members' activity. This is how you can take part."
            ),
            "Tapoja osallistua": "Ways to take part",
            "Tilaa uutiskirje tai liity jäseneksi": "Subscribe to the newsletter or join as a member",
            "Liity yli 200 organisaation verkostoon ja saat uutiskirjeen kuukausittain.": (
                "Join a network of over 200 organisations and receive the newsletter every month."
            ),
            "Järjestä tapahtuma": "Organise an event",
            "Verkosto tiedottaa jäsentensä tapahtumista.": "The network announces its members' events.",
            "Ehdota aihetta AI-aamuun": "Propose a topic for AI-aamu",
            "Ehdota aihetta tai puheenvuoroa AI-aamu-webinaariin.": (
                "Propose a topic or a talk for an AI-aamu webinar."
            ),
            "Järjestä yhteishanke": "Organise a joint project",
            "Verkosto auttaa löytämään toimijat yhteiseen hankkeeseen.": (
                "The network helps you find partners for a joint project."
            ),
            "Kirjoita blogi": "Write a blog post",
            "Kirjoita blogikirjoitus suurelle yleisölle.": "Write a blog post for a general audience.",
            "Tee selvitys": "Do a study",
            "Tee selvitys, niin verkosto jakaa sen tulokset.": (
                "Do a study and the network shares its results."
            ),
        },
    },
    {
        "slug": "saavutettavuusseloste",
        "title": "Saavutettavuusseloste",
        "intro": "Tämä seloste koskee SOTE-tekoälyn ekosysteemin verkkosivustoa.",
        "body": [
            _heading("Saavutettavuuden tila"),
            _paragraph(
                "Sivusto on suunniteltu täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset. "
                "Sivut testataan automaattisesti axe-työkalulla todellisessa selaimessa."
            ),
            _heading("Palaute"),
            _paragraph(
                "Jos huomaat saavutettavuuspuutteen, kerro siitä meille sivuston yhteystiedoilla."
            ),
        ],
        "menu": False,
        "sv": {
            "Saavutettavuusseloste": "Tillgänglighetsutlåtande",
            "saavutettavuusseloste": "tillganglighetsutlatande",
            "Tämä seloste koskee SOTE-tekoälyn ekosysteemin verkkosivustoa.": (
                "Detta utlåtande gäller webbplatsen för Ekosystemet för AI inom social- och hälsovården."
            ),
            "Saavutettavuuden tila": "Tillgänglighetsstatus",
            "Sivusto on suunniteltu täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset. "
            "Sivut testataan automaattisesti axe-työkalulla todellisessa selaimessa.": (
                "Webbplatsen är utformad för att uppfylla kraven på nivå AA i WCAG 2.1. Sidorna "
                "testas automatiskt med verktyget axe i en riktig webbläsare."
            ),
            "Palaute": "Respons",
            "Jos huomaat saavutettavuuspuutteen, kerro siitä meille sivuston yhteystiedoilla.": (
                "Om du upptäcker en tillgänglighetsbrist, berätta det för oss via webbplatsens kontaktuppgifter."
            ),
        },
        "en": {
            "Saavutettavuusseloste": "Accessibility statement",
            "saavutettavuusseloste": "accessibility-statement",
            "Tämä seloste koskee SOTE-tekoälyn ekosysteemin verkkosivustoa.": (
                "This statement applies to the website of the Social and Health Care AI Ecosystem."
            ),
            "Saavutettavuuden tila": "Compliance status",
            "Sivusto on suunniteltu täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset. "
            "Sivut testataan automaattisesti axe-työkalulla todellisessa selaimessa.": (
                "The site is designed to meet WCAG 2.1 level AA. Its pages are tested automatically "
                "with axe in a real browser."
            ),
            "Palaute": "Feedback",
            "Jos huomaat saavutettavuuspuutteen, kerro siitä meille sivuston yhteystiedoilla.": (
                "If you notice an accessibility problem, tell us using the site's contact details."
            ),
        },
    },
    {
        "slug": "tietosuoja",
        "title": "Tietosuojaseloste",
        "intro": "Kerromme, mitä tietoja sivuston lomakkeet tallentavat ja kuinka kauan.",
        "body": [
            _heading("Evästeet"),
            _paragraph(
                "Sivusto ei käytä analytiikkaa eikä kolmannen osapuolen evästeitä. Kirjautuneille "
                "ylläpitäjille asetetaan vain välttämättömät istuntoevästeet."
            ),
            _heading("Lomakkeiden tiedot"),
            _paragraph(
                "Lomakkeet tallentavat vain tarvittavat tiedot. Uutiskirjeen tilaus: sähköposti, kieli ja tilan aikaleimat; vahvistamaton tilaus poistetaan 30 päivän kuluttua. Jäsenhakemus: organisaatio, yhteyshenkilö, sähköposti, tyyppi ja alue; hylätty hakemus poistetaan 180 päivän kuluttua. Ehdotukset: nimi, organisaatio, sähköposti ja ehdotus; käsitelty ehdotus poistetaan kahden vuoden kuluttua. Tapahtumailmoittautuminen: nimi, sähköposti ja organisaatio; poistetaan 90 päivää tapahtuman jälkeen. Jokaisesta lomakkeesta tallennetaan suostumusmerkintä (suostumustekstin versio, lomake, aika ja tiivistetty IP-osoite)."
            ),
            _paragraph(
                "Voit pyytää tietojesi poistamista sivuston yhteystiedoilla; ylläpito poistaa ne kaikista lomakkeista."
            ),
            _heading("Rekisterinpitäjä"),
            _paragraph("Rekisterinpitäjä on sosiaali- ja terveysministeriö."),
        ],
        "menu": False,
        "sv": {
            "Tietosuojaseloste": "Dataskyddsbeskrivning",
            "tietosuoja": "dataskydd",
            "Kerromme, mitä tietoja sivuston lomakkeet tallentavat ja kuinka kauan.": (
                "Vi berättar vilka uppgifter webbplatsens formulär sparar och hur länge."
            ),
            "Evästeet": "Kakor",
            "Sivusto ei käytä analytiikkaa eikä kolmannen osapuolen evästeitä. Kirjautuneille "
            "ylläpitäjille asetetaan vain välttämättömät istuntoevästeet.": (
                "Webbplatsen använder varken analys eller kakor från tredje part. Inloggade "
                "redaktörer får endast nödvändiga sessionskakor."
            ),
            "Lomakkeiden tiedot": "Uppgifter i formulären",
            "Lomakkeet tallentavat vain tarvittavat tiedot. Uutiskirjeen tilaus: sähköposti, kieli ja tilan aikaleimat; vahvistamaton tilaus poistetaan 30 päivän kuluttua. Jäsenhakemus: organisaatio, yhteyshenkilö, sähköposti, tyyppi ja alue; hylätty hakemus poistetaan 180 päivän kuluttua. Ehdotukset: nimi, organisaatio, sähköposti ja ehdotus; käsitelty ehdotus poistetaan kahden vuoden kuluttua. Tapahtumailmoittautuminen: nimi, sähköposti ja organisaatio; poistetaan 90 päivää tapahtuman jälkeen. Jokaisesta lomakkeesta tallennetaan suostumusmerkintä (suostumustekstin versio, lomake, aika ja tiivistetty IP-osoite).": "Formulären sparar endast nödvändiga uppgifter. Prenumeration på nyhetsbrevet: e-post, språk och tidsstämplar; en obekräftad prenumeration raderas efter 30 dagar. Medlemsansökan: organisation, kontaktperson, e-post, typ och område; en avslagen ansökan raderas efter 180 dagar. Förslag: namn, organisation, e-post och förslaget; ett behandlat förslag raderas efter två år. Anmälan till evenemang: namn, e-post och organisation; raderas 90 dagar efter evenemanget. För varje formulär sparas ett samtycke (samtyckestextens version, formulär, tid och hashad IP-adress).",
            "Voit pyytää tietojesi poistamista sivuston yhteystiedoilla; ylläpito poistaa ne kaikista lomakkeista.": "Du kan begära att dina uppgifter raderas via webbplatsens kontaktuppgifter; redaktionen raderar dem från alla formulär.",
            "Rekisterinpitäjä": "Personuppgiftsansvarig",
            "Rekisterinpitäjä on sosiaali- ja terveysministeriö.": (
                "Personuppgiftsansvarig är social- och hälsovårdsministeriet."
            ),
        },
        "en": {
            "Tietosuojaseloste": "Privacy notice",
            "tietosuoja": "privacy",
            "Kerromme, mitä tietoja sivuston lomakkeet tallentavat ja kuinka kauan.": (
                "What the site's forms store, and for how long."
            ),
            "Evästeet": "Cookies",
            "Sivusto ei käytä analytiikkaa eikä kolmannen osapuolen evästeitä. Kirjautuneille "
            "ylläpitäjille asetetaan vain välttämättömät istuntoevästeet.": (
                "The site uses no analytics and no third-party cookies. Logged-in editors get only "
                "the session cookies that are strictly necessary."
            ),
            "Lomakkeiden tiedot": "What the forms store",
            "Lomakkeet tallentavat vain tarvittavat tiedot. Uutiskirjeen tilaus: sähköposti, kieli ja tilan aikaleimat; vahvistamaton tilaus poistetaan 30 päivän kuluttua. Jäsenhakemus: organisaatio, yhteyshenkilö, sähköposti, tyyppi ja alue; hylätty hakemus poistetaan 180 päivän kuluttua. Ehdotukset: nimi, organisaatio, sähköposti ja ehdotus; käsitelty ehdotus poistetaan kahden vuoden kuluttua. Tapahtumailmoittautuminen: nimi, sähköposti ja organisaatio; poistetaan 90 päivää tapahtuman jälkeen. Jokaisesta lomakkeesta tallennetaan suostumusmerkintä (suostumustekstin versio, lomake, aika ja tiivistetty IP-osoite).": "The forms store only what is needed. Newsletter subscription: e-mail, language and status timestamps; an unconfirmed subscription is deleted after 30 days. Membership application: organisation, contact person, e-mail, type and region; a rejected application is deleted after 180 days. Proposals: name, organisation, e-mail and the proposal; a handled proposal is deleted after two years. Event registration: name, e-mail and organisation; deleted 90 days after the event. Each form also keeps a consent record (version of the consent text, form, time and a hashed IP address).",
            "Voit pyytää tietojesi poistamista sivuston yhteystiedoilla; ylläpito poistaa ne kaikista lomakkeista.": "You can ask for your data to be erased using the site's contact details; staff erase it from every form.",
            "Rekisterinpitäjä": "Controller",
            "Rekisterinpitäjä on sosiaali- ja terveysministeriö.": (
                "The controller is the Ministry of Social Affairs and Health."
            ),
        },
    },
]


def load(ctx: DemoContext) -> None:
    home = ctx.home
    if not home.hero_text:
        home.hero_title = HERO_TITLE
        home.hero_text = HERO_TEXT
        home.body = [_figures_block(), _timeline_block()]
        home.save_revision(user=ctx.user).publish(user=ctx.user)
        ctx.note("front page")
    pages = {}
    for spec in PAGES:
        page, created = ensure_page(
            home,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
            show_in_menus=spec["menu"],
        )
        pages[spec["slug"]] = page
        if created:
            ctx.note(spec["slug"])
    translate_all(home, STRINGS, user=ctx.user)
    for spec in PAGES:
        strings = {lang: {**STRINGS[lang], **spec[lang]} for lang in ("sv", "en")}
        translate_all(pages[spec["slug"]], strings, user=ctx.user)

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.demo_content:
        site_settings.contact_email = "info@sotetekoaly.fi"
        site_settings.linkedin_url = "https://www.linkedin.com/company/sote-tekoaly/"
        site_settings.accessibility_page = pages["saavutettavuusseloste"]
        site_settings.privacy_page = pages["tietosuoja"]
        site_settings.demo_content = True
        site_settings.save()

    from .demo_publications import load_publications

    load_publications(ctx)
