"""A fixture corpus drawn from CONTENT.md (pilots, reports, events) in fi, sv and en.

Built inside the tests so the relevance set does not depend on other branches' page types:
pilots are core ``pilots.PilotPage`` rows, reports and events are ``home.StandardPage`` rows.
"""

from __future__ import annotations

from wagtail.models import Locale, Page

from cms.models import Region, Theme
from home.models import StandardPage
from pilots.models import PilotIndexPage, PilotPage, PilotTheme

# (slug, title, summary, region slug, theme slug)
PILOTS = {
    "fi": [
        (
            "tulkkausratkaisu",
            "Tekoälypohjainen reaaliaikainen tulkkausratkaisu",
            "Keski-Suomen hyvinvointialueella kokeillaan tekoälyä, joka tulkkaa asiakkaan ja "
            "ammattilaisen keskustelun reaaliajassa monikielisille asiakkaille.",
            "keski-suomi",
            "parempi-asiakaspalvelu",
        ),
        (
            "laakitysriski",
            "Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto",
            "Pohjois-Savon hyvinvointialue kehittää työkalun, joka tunnistaa lääkitykseen liittyvät "
            "riskit ja parantaa lääkitysturvallisuutta.",
            "pohjois-savo",
            "parempi-hoidon-laatu",
        ),
        (
            "lingai",
            "LingAI-reaaliaikainen tulkkaus",
            "Pohjanmaan hyvinvointialue kokeilee asiointitilanteiden tulkkausta tekoälyn avulla.",
            "pohjanmaa",
            "parempi-asiakaspalvelu",
        ),
        (
            "ai-assistentti",
            "Ammattilaisen AI-assistentti",
            "Ammattilaiset saavat avukseen avustajan, joka tiivistää potilastiedot ja "
            "hoitosuositukset.",
            "keski-suomi",
            "tehokkaampi-ammattilaistyo",
        ),
        (
            "aptj-kirjaukset",
            "Automaattiset APTJ-kirjaukset hyvinvointialueella",
            "Länsi-Uudenmaan puheentunnistus tekee potilaskertomuksen merkinnät automaattisesti.",
            "lansi-uusimaa",
            "tehokkaampi-ammattilaistyo",
        ),
        (
            "pet-kuvantaminen",
            "Tekoäly syövän PET-kuvantamisessa",
            "Varsinais-Suomessa tekoäly tulkitsee PET-kuvia syöpähoidon tueksi.",
            "varsinais-suomi",
            "parempi-hoidon-laatu",
        ),
        (
            "lapsen-palvelutarve",
            "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi",
            "Pirkanmaalla tekoäly kokoaa tiedot lapsen palvelutarpeen arviointia varten.",
            "pirkanmaa",
            "parempi-asiakaspalvelu",
        ),
        (
            "lihavuuden-hoito",
            "Tekoälypohjaisilla työkaluilla 50 % tuottavuuden kasvu "
            "digitaaliseen lihavuuden hoitoon",
            "HUS kokeilee tekoälytyökaluja digitaalisessa lihavuuden hoidossa.",
            "hus",
            "parempi-hoidon-laatu",
        ),
        (
            "toimintakyky",
            "AI-pohjainen toimintakyvyn muutoksen ennakointi",
            "Kanta-Hämeessä ennakoidaan ikääntyneiden toimintakyvyn muutoksia tekoälyn avulla.",
            "kanta-hame",
            "parempi-asiakaspalvelu",
        ),
        (
            "riskitiedot",
            "Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen",
            "Kanta-Häme koostaa asiakkaan taustatiedot tekoälyllä ammattilaisen käyttöön.",
            "kanta-hame",
            "tehokkaampi-ammattilaistyo",
        ),
    ],
    "sv": [
        (
            "realtidstolkning",
            "Realtidstolkning med AI",
            "Välfärdsområdet i Mellersta Finland prövar AI som tolkar samtal i realtid för "
            "flerspråkiga klienter.",
            "keski-suomi",
            "parempi-asiakaspalvelu",
        ),
        (
            "lakemedelsrisker",
            "Läkemedelsrisker och AI",
            "Norra Savolax utvecklar ett verktyg som identifierar risker i medicineringen.",
            "pohjois-savo",
            "parempi-hoidon-laatu",
        ),
    ],
    "en": [
        (
            "real-time-interpretation",
            "AI-based real-time interpretation",
            "Central Finland pilots AI that interprets conversations in real time for "
            "multilingual clients.",
            "keski-suomi",
            "parempi-asiakaspalvelu",
        ),
        (
            "medication-risk",
            "Medication risk assessment tool",
            "North Savo develops an AI-assisted tool that identifies medication risks.",
            "pohjois-savo",
            "parempi-hoidon-laatu",
        ),
        (
            "obesity-care",
            "Productivity in digital obesity care",
            "HUS pilots AI tools for digital obesity care aiming at a 50 % productivity gain.",
            "hus",
            "parempi-hoidon-laatu",
        ),
        (
            "pet-imaging",
            "PET imaging in cancer",
            "Southwest Finland uses AI to read PET images in cancer care.",
            "varsinais-suomi",
            "parempi-hoidon-laatu",
        ),
    ],
}

# (slug, title, intro, body)
PAGES = {
    "fi": [
        (
            "tekoaly-hyvinvointialueilla",
            "Tekoäly hyvinvointialueilla",
            "DigiFinlandin selvitys sosiaali- ja terveydenhuollon käyttötapauksista ja kansallisesta "
            "edistämisestä, maaliskuu 2024.",
            "Selvitys kokoaa noin 50 käyttötapausta kuuteen luokkaan. Suositukset: lainsäädännön "
            "tulkinnat, edistävä verkosto, rohkea eteneminen kokeiluista oppien ja "
            "edelläkävijöiden kannustaminen.",
        ),
        (
            "kayttotapaukset-ja-lainsaadanto",
            "Käyttötapaukset ja lainsäädäntö",
            "Selvitys ja suositukset yhteisistä tulkinnoista hyvinvointialueille, joulukuu 2024.",
            "Tietosuojan vaikutustenarviointi, pilottien käynnistäminen ja riskienarviointi; "
            "painopisteenä generatiivinen, tekstiä käsittelevä tekoäly.",
        ),
        (
            "ai-aamu-digifinland",
            "AI-aamu: DigiFinlandin AI-hanke",
            "Aamuwebinaari 22.1.2025 verkossa.",
            "Kerromme DigiFinlandin hankkeesta ja pilottien käynnistymisestä.",
        ),
        (
            "jasenorganisaatiot",
            "Jäsenorganisaatiot",
            "Ekosysteemissä on yli 200 jäsenorganisaatiota.",
            "Jäsenorganisaatioiden joukossa on hyvinvointialueita, yrityksiä ja tutkimuslaitoksia.",
        ),
        (
            "rahoitushaku-2024",
            "Rahoitushaku 2024",
            "STM rahoittaa tekoälykokeiluja 2,3 miljoonalla eurolla.",
            "Hakemuksia saapui 50, ja rahoitusta haettiin yhteensä 10 miljoonaa euroa.",
        ),
    ],
    "sv": [
        (
            "ai-i-valfardsomradena",
            "AI i välfärdsområdena",
            "DigiFinlands utredning om användningsfall inom social- och hälsovården, mars 2024.",
            "Utredningen samlar cirka 50 användningsfall i sex kategorier.",
        ),
        (
            "ai-morgon",
            "AI-morgon: DigiFinlands AI-projekt",
            "Webbinarium på morgonen 22.1.2025 på nätet.",
            "Vi berättar om DigiFinlands projekt och hur piloterna startar.",
        ),
    ],
    "en": [
        (
            "ai-in-wellbeing-services-counties",
            "AI in wellbeing services counties",
            "DigiFinland's report on AI use cases in social and health care, March 2024.",
            "The report collects about 50 use cases in six categories and recommends "
            "experimenting boldly.",
        ),
        (
            "ai-morning",
            "AI morning: DigiFinland's AI project",
            "Morning webinar online, 22 January 2025.",
            "We talk about DigiFinland's project and how the pilots start.",
        ),
    ],
}


def _home(lang: str) -> Page:
    return Page.objects.get(depth=2, locale__language_code=lang).specific


def build_corpus() -> dict[str, Page]:
    """Create and publish the corpus; returns pages by ``lang:slug``."""
    pages: dict[str, Page] = {}
    for lang, rows in PAGES.items():
        home = _home(lang)
        for slug, title, intro, body in rows:
            page = StandardPage(
                title=title,
                slug=slug,
                intro=intro,
                body=[("paragraph", f"<p>{body}</p>")],
                locale=home.locale,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            pages[f"{lang}:{slug}"] = page
    for lang, rows in PILOTS.items():
        home = _home(lang)
        locale = Locale.objects.get(language_code=lang)
        index = PilotIndexPage(title="Pilottihankkeet", slug=f"pilotit-{lang}", locale=locale)
        home.add_child(instance=index)
        index.save_revision().publish()
        for slug, title, summary, region, theme in rows:
            page = PilotPage(
                title=title,
                slug=slug,
                summary=summary,
                region=Region.objects.filter(slug=region, locale=locale).first(),
                locale=locale,
            )
            page.theme_links = [
                PilotTheme(theme=t, locale=locale)
                for t in Theme.objects.filter(slug=theme, locale=locale)
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            pages[f"{lang}:{slug}"] = page
    return pages
