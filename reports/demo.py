"""Demo content: the two DigiFinland reports with generated PDFs, and the use-case catalogue.

Facts come from shared/CONTENT.md. The PDFs are small generated files in Finnish with text from
the brief, so text extraction and search run on real PDFs; the report page says the file's
language. Finnish first; Swedish and English through wagtail-localize string translations.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.demo_content import DemoContext, ensure_page, ensure_snippet, translate_all
from cms.models import Theme

from .models import (
    ReportIndexPage,
    ReportPage,
    ReportPublisher,
    ReportRelatedReport,
    ReportTheme,
    UseCase,
    UseCaseCatalogPage,
    UseCaseCategory,
    UseCasePilot,
)
from .pdf import make_pdf
from .text import extract_now

# ---------------------------------------------------------------------------------------------
# Index pages

INDEX_STRINGS = {
    "sv": {
        "Selvitykset": "Utredningar",
        "selvitykset": "utredningar",
        "Verkoston tilaamat ja julkaisemat selvitykset tekoälyn käytöstä sosiaali- ja terveydenhuollossa.": (
            "Utredningar om AI inom social- och hälsovården som nätverket har beställt och publicerat."
        ),
        "Tekoälyn käyttötapaukset": "Användningsfall för AI",
        "kayttotapaukset": "anvandningsfall",
        "DigiFinlandin selvityksen tekoälyn käyttötapaukset sosiaali- ja terveydenhuollossa kuudessa luokassa.": (
            "Användningsfallen för AI inom social- och hälsovården från DigiFinlands utredning, i sex kategorier."
        ),
    },
    "en": {
        "Selvitykset": "Reports",
        "selvitykset": "reports",
        "Verkoston tilaamat ja julkaisemat selvitykset tekoälyn käytöstä sosiaali- ja terveydenhuollossa.": (
            "Studies on AI in social and health care that the network has commissioned and published."
        ),
        "Tekoälyn käyttötapaukset": "AI use cases",
        "kayttotapaukset": "use-cases",
        "DigiFinlandin selvityksen tekoälyn käyttötapaukset sosiaali- ja terveydenhuollossa kuudessa luokassa.": (
            "The AI use cases in social and health care from DigiFinland's report, in six categories."
        ),
    },
}

# ---------------------------------------------------------------------------------------------
# Reports

USE_CASE_REPORT = {
    "slug": "tekoaly-hyvinvointialueilla",
    "title": "Tekoäly hyvinvointialueilla: sosiaali- ja terveydenhuollon käyttötapaukset ja kansallinen edistäminen",
    "report_type": ReportPage.ReportType.STUDY,
    "publication_date": datetime.date(2024, 3, 1),
    "authors": "DigiFinland Oy",
    "abstract": (
        "Selvitys kokoaa noin 50 tekoälyn käyttötapausta kuuteen luokkaan ja kuvaa edellytykset "
        "niiden kansalliselle edistämiselle hyvinvointialueilla."
    ),
    "recommendations": [
        "Mahdollistavat juridiset tulkinnat.",
        "Tekoälyä edistävä verkosto.",
        "Rohkeasti eteenpäin kokeilemalla.",
        "Edelläkävijöiden kannustaminen.",
    ],
    "sections": [
        (
            "Selvityksen tausta",
            "Sosiaali- ja terveysministeriö tilasi tekoälyselvityksen lokakuussa 2023. DigiFinland "
            "julkaisi selvityksen Tekoäly hyvinvointialueilla maaliskuussa 2024.",
        ),
        (
            "Käyttötapaukset",
            "Selvitys tunnisti noin 50 tekoälyn käyttötapausta kuudessa luokassa: asiakasohjaus ja "
            "omahoito, kliinisen päätöksenteon tuki, kirjaaminen ja hallinnollinen työ, kuvantaminen "
            "ja diagnostiikka, palvelutarpeen ennakointi sekä johtaminen ja tietojohtaminen.",
        ),
        (
            "Suositukset",
            "Selvitys suosittaa mahdollistavia juridisia tulkintoja, tekoälyä edistävää verkostoa, "
            "rohkeaa etenemistä kokeilemalla ja edelläkävijöiden kannustamista.",
        ),
    ],
    "themes": ["parempi-asiakaspalvelu", "tehokkaampi-ammattilaistyo", "parempi-hoidon-laatu"],
    "file": ("Tekoäly hyvinvointialueilla (PDF)", "tekoaly-hyvinvointialueilla.pdf"),
}

LEGAL_REPORT = {
    "slug": "kayttotapaukset-ja-lainsaadanto",
    "title": (
        "Sosiaali- ja terveydenhuollon tekoälyn käyttötapaukset ja lainsäädäntö: selvitys ja "
        "suositukset yhteisistä tulkinnoista hyvinvointialueille"
    ),
    "report_type": ReportPage.ReportType.LEGAL,
    "publication_date": datetime.date(2024, 12, 1),
    "authors": "DigiFinland Oy",
    "abstract": (
        "Selvitys kuvaa tekoälyn käytön juridiset reunaehdot hyvinvointialueilla. Se käsittelee "
        "tietosuojan vaikutustenarviointia, kokeilujen käynnistämistä ja riskienarviointia. "
        "Painopiste on generatiivisessa, tekstiä käsittelevässä tekoälyssä."
    ),
    "recommendations": [
        "Tee tietosuojan vaikutustenarviointi ennen tekoälykokeilun käynnistämistä.",
        "Arvioi tekoälyratkaisun riskit ja dokumentoi ne.",
        "Käynnistä kokeilut yhteisten tulkintojen pohjalta.",
    ],
    "sections": [
        (
            "Juridiset reunaehdot",
            "Selvitys kuvaa tekoälyn käytön juridiset reunaehdot hyvinvointialueilla ja antaa "
            "suosituksia yhteisistä tulkinnoista.",
        ),
        (
            "Tietosuojan vaikutustenarviointi",
            "Ennen tekoälykokeilun käynnistämistä tehdään tietosuojan vaikutustenarviointi.",
        ),
        (
            "Generatiivinen tekoäly",
            "Painopiste on generatiivisessa, tekstiä käsittelevässä tekoälyssä.",
        ),
    ],
    "themes": ["tehokkaampi-ammattilaistyo"],
    "file": (
        "Sosiaali- ja terveydenhuollon tekoälyn käyttötapaukset ja lainsäädäntö (PDF)",
        "kayttotapaukset-ja-lainsaadanto.pdf",
    ),
}

REPORT_STRINGS = {
    "sv": {
        USE_CASE_REPORT["title"]: (
            "AI i välfärdsområdena: användningsfall inom social- och hälsovården och nationellt främjande"
        ),
        USE_CASE_REPORT["slug"]: "ai-i-valfardsomradena",
        USE_CASE_REPORT["abstract"]: (
            "Utredningen sammanställer cirka 50 användningsfall för AI i sex kategorier och "
            "beskriver förutsättningarna för att främja dem nationellt i välfärdsområdena."
        ),
        "Mahdollistavat juridiset tulkinnat.": "Möjliggörande juridiska tolkningar.",
        "Tekoälyä edistävä verkosto.": "Ett nätverk som främjar AI.",
        "Rohkeasti eteenpäin kokeilemalla.": "Modigt framåt genom att experimentera.",
        "Edelläkävijöiden kannustaminen.": "Uppmuntran av föregångare.",
        "Selvityksen tausta": "Bakgrund",
        USE_CASE_REPORT["sections"][0][1]: (
            "Social- och hälsovårdsministeriet beställde AI-utredningen i oktober 2023. "
            "DigiFinland publicerade utredningen i mars 2024."
        ),
        "Käyttötapaukset": "Användningsfall",
        USE_CASE_REPORT["sections"][1][1]: (
            "Utredningen identifierade cirka 50 användningsfall för AI i sex kategorier: "
            "kundstyrning och egenvård, stöd för kliniskt beslutsfattande, dokumentation och "
            "administrativt arbete, bilddiagnostik och diagnostik, förutseende av servicebehov "
            "samt ledning och kunskapsbaserad ledning."
        ),
        "Suositukset": "Rekommendationer",
        USE_CASE_REPORT["sections"][2][1]: (
            "Utredningen rekommenderar möjliggörande juridiska tolkningar, ett nätverk som främjar "
            "AI, att modigt gå framåt genom att experimentera och att uppmuntra föregångare."
        ),
        LEGAL_REPORT["title"]: (
            "Användningsfall för AI inom social- och hälsovården och lagstiftningen: utredning och "
            "rekommendationer om gemensamma tolkningar för välfärdsområdena"
        ),
        LEGAL_REPORT["slug"]: "anvandningsfall-och-lagstiftning",
        LEGAL_REPORT["abstract"]: (
            "Utredningen beskriver de juridiska ramvillkoren för AI i välfärdsområdena. Den "
            "behandlar konsekvensbedömning avseende dataskydd, start av försök och riskbedömning. "
            "Tyngdpunkten ligger på generativ, textbehandlande AI."
        ),
        "Tee tietosuojan vaikutustenarviointi ennen tekoälykokeilun käynnistämistä.": (
            "Gör en konsekvensbedömning avseende dataskydd innan ett AI-försök inleds."
        ),
        "Arvioi tekoälyratkaisun riskit ja dokumentoi ne.": (
            "Bedöm AI-lösningens risker och dokumentera dem."
        ),
        "Käynnistä kokeilut yhteisten tulkintojen pohjalta.": (
            "Starta försöken utifrån gemensamma tolkningar."
        ),
        "Juridiset reunaehdot": "Juridiska ramvillkor",
        LEGAL_REPORT["sections"][0][1]: (
            "Utredningen beskriver de juridiska ramvillkoren för AI i välfärdsområdena och ger "
            "rekommendationer om gemensamma tolkningar."
        ),
        "Tietosuojan vaikutustenarviointi": "Konsekvensbedömning avseende dataskydd",
        LEGAL_REPORT["sections"][1][1]: (
            "Innan ett AI-försök inleds görs en konsekvensbedömning avseende dataskydd."
        ),
        "Generatiivinen tekoäly": "Generativ AI",
        LEGAL_REPORT["sections"][2][1]: ("Tyngdpunkten ligger på generativ, textbehandlande AI."),
    },
    "en": {
        USE_CASE_REPORT["title"]: (
            "AI in the wellbeing services counties: social and health care use cases and national promotion"
        ),
        USE_CASE_REPORT["slug"]: "ai-in-the-wellbeing-services-counties",
        USE_CASE_REPORT["abstract"]: (
            "The report gathers about 50 AI use cases in six categories and describes the "
            "preconditions for promoting them nationally in the wellbeing services counties."
        ),
        "Mahdollistavat juridiset tulkinnat.": "Enabling legal interpretations.",
        "Tekoälyä edistävä verkosto.": "A network that promotes AI.",
        "Rohkeasti eteenpäin kokeilemalla.": "Move forward boldly by experimenting.",
        "Edelläkävijöiden kannustaminen.": "Encourage forerunners.",
        "Selvityksen tausta": "Background",
        USE_CASE_REPORT["sections"][0][1]: (
            "The Ministry of Social Affairs and Health commissioned the AI study in October 2023. "
            "DigiFinland published the report in March 2024."
        ),
        "Käyttötapaukset": "Use cases",
        USE_CASE_REPORT["sections"][1][1]: (
            "The report identified about 50 AI use cases in six categories: customer guidance and "
            "self-care, clinical decision support, documentation and administration, imaging and "
            "diagnostics, service-need prediction, and management and knowledge."
        ),
        "Suositukset": "Recommendations",
        USE_CASE_REPORT["sections"][2][1]: (
            "The report recommends enabling legal interpretations, a network that promotes AI, "
            "moving forward boldly by experimenting, and encouraging forerunners."
        ),
        LEGAL_REPORT["title"]: (
            "AI use cases in social and health care and the law: a study and recommendations on "
            "common interpretations for the wellbeing services counties"
        ),
        LEGAL_REPORT["slug"]: "ai-use-cases-and-legislation",
        LEGAL_REPORT["abstract"]: (
            "The report describes the legal boundary conditions for AI in the wellbeing services "
            "counties. It covers data-protection impact assessment, starting pilots and risk "
            "assessment, with an emphasis on generative, text-processing AI."
        ),
        "Tee tietosuojan vaikutustenarviointi ennen tekoälykokeilun käynnistämistä.": (
            "Carry out a data-protection impact assessment before starting an AI pilot."
        ),
        "Arvioi tekoälyratkaisun riskit ja dokumentoi ne.": (
            "Assess the risks of the AI solution and document them."
        ),
        "Käynnistä kokeilut yhteisten tulkintojen pohjalta.": (
            "Start pilots on the basis of common interpretations."
        ),
        "Juridiset reunaehdot": "Legal boundary conditions",
        LEGAL_REPORT["sections"][0][1]: (
            "The report describes the legal boundary conditions for AI in the wellbeing services "
            "counties and recommends common interpretations."
        ),
        "Tietosuojan vaikutustenarviointi": "Data-protection impact assessment",
        LEGAL_REPORT["sections"][1][1]: (
            "A data-protection impact assessment is carried out before an AI pilot starts."
        ),
        "Generatiivinen tekoäly": "Generative AI",
        LEGAL_REPORT["sections"][2][1]: ("The emphasis is on generative, text-processing AI."),
    },
}

# ---------------------------------------------------------------------------------------------
# Use-case catalogue: six categories, at least two use cases in each

CATEGORIES = [
    (
        "asiakasohjaus-ja-omahoito",
        "Asiakasohjaus ja omahoito",
        "Kundstyrning och egenvård",
        "Customer guidance and self-care",
    ),
    (
        "kliininen-paatoksenteon-tuki",
        "Kliinisen päätöksenteon tuki",
        "Stöd för kliniskt beslutsfattande",
        "Clinical decision support",
    ),
    (
        "kirjaaminen-ja-hallinto",
        "Kirjaaminen ja hallinnollinen työ",
        "Dokumentation och administrativt arbete",
        "Documentation and administration",
    ),
    (
        "kuvantaminen-ja-diagnostiikka",
        "Kuvantaminen ja diagnostiikka",
        "Bilddiagnostik och diagnostik",
        "Imaging and diagnostics",
    ),
    (
        "palvelutarpeen-ennakointi",
        "Palvelutarpeen ennakointi",
        "Förutseende av servicebehov",
        "Service-need prediction",
    ),
    (
        "johtaminen-ja-tietojohtaminen",
        "Johtaminen ja tietojohtaminen",
        "Ledning och kunskapsbaserad ledning",
        "Management and knowledge",
    ),
]

# Shared phrases (translated once)
DATA_EHR = "Potilas- ja asiakastietojärjestelmän tiedot"
DATA_TEXT = "Kirjatut tekstit ja puhe"
DATA_IMAGES = "Kuvantamisaineistot"
DATA_REGISTRY = "Palvelujen käyttö- ja rekisteritiedot"
LEGAL_DPIA = "Tietosuojan vaikutustenarviointi tarvitaan ennen käyttöönottoa."
LEGAL_MDR = "Voi olla lääkinnällinen laite, jolloin tarvitaan vaatimustenmukaisuuden arviointi."
LEGAL_AIACT = "EU:n tekoälysäädöksen vaatimukset, kuten datan laatu (artikla 10)."

# slug, category slug, name, description, benefits, maturity, data, legal, pilot titles
USE_CASES = [
    (
        "oirearvio-ja-palveluohjaus",
        "asiakasohjaus-ja-omahoito",
        "Oirearvio ja palveluohjaus",
        "Tekoäly arvioi asiakkaan kuvaamat oireet ja ohjaa oikeaan palveluun.",
        "Asiakas saa nopeammin oikean palvelun.",
        "pilot",
        DATA_TEXT,
        LEGAL_MDR,
        [],
    ),
    (
        "reaaliaikainen-tulkkaus",
        "asiakasohjaus-ja-omahoito",
        "Reaaliaikainen tulkkaus",
        "Puheentunnistus ja konekäännös tulkkaavat vastaanoton keskustelun reaaliajassa.",
        "Monikielinen asiakas tulee ymmärretyksi ilman odotusta tulkille.",
        "pilot",
        DATA_TEXT,
        LEGAL_DPIA,
        ["LingAI-reaaliaikainen tulkkaus", "Tekoälypohjainen reaaliaikainen tulkkausratkaisu"],
    ),
    (
        "hoitajakuiskaaja",
        "kliininen-paatoksenteon-tuki",
        "Hoitajakuiskaaja",
        "Tekoäly tuo potilaan tiedot ja hoitosuositukset keskusteluun hoitajan tueksi.",
        "Hoitaja saa olennaiset tiedot käsiinsä keskustelun aikana.",
        "idea",
        DATA_EHR,
        LEGAL_MDR,
        [],
    ),
    (
        "ammattilaisen-tukitekoaly",
        "kliininen-paatoksenteon-tuki",
        "Ammattilaisen tukitekoäly",
        "Tekoäly ehdottaa diagnoosia ja hoitoa rajatuissa tapauksissa.",
        "Ammattilaisen päätöksenteko nopeutuu ja yhdenmukaistuu.",
        "pilot",
        DATA_EHR,
        LEGAL_MDR,
        ["Ammattilaisen AI-assistentti"],
    ),
    (
        "laakitysriskien-tunnistaminen",
        "kliininen-paatoksenteon-tuki",
        "Lääkitysriskien tunnistaminen",
        "Tekoäly tunnistaa potilaan lääkityksestä riskejä ja varoittaa niistä.",
        "Lääkitysturvallisuus paranee.",
        "pilot",
        DATA_EHR,
        LEGAL_MDR,
        ["Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto"],
    ),
    (
        "automaattinen-kirjaaminen",
        "kirjaaminen-ja-hallinto",
        "Automaattinen kirjaaminen",
        "Tekoäly laatii vastaanoton keskustelusta potilaskertomusmerkinnän luonnoksen.",
        "Ammattilaisen kirjaamiseen kuluva aika vähenee.",
        "pilot",
        DATA_TEXT,
        LEGAL_DPIA,
        ["Automaattiset APTJ-kirjaukset hyvinvointialueella"],
    ),
    (
        "lomakkeet-ja-lausunnot",
        "kirjaaminen-ja-hallinto",
        "Lomakkeet ja lausunnot",
        "Tekoäly esitäyttää lomakkeita ja lausuntoja potilastietojen pohjalta.",
        "Ammattilaisten hallinnollinen taakka kevenee.",
        "idea",
        DATA_EHR,
        LEGAL_DPIA,
        [],
    ),
    (
        "taustatietojen-koostaminen",
        "kirjaaminen-ja-hallinto",
        "Asiakkaan taustatietojen koostaminen",
        "Tekoäly koostaa asiakkaan tausta- ja riskitiedot yhteenvedoksi.",
        "Ammattilainen saa kokonaiskuvan asiakkaasta nopeasti.",
        "pilot",
        DATA_EHR,
        LEGAL_DPIA,
        ["Asiakkaan tausta- ja riskitietojen AI-pohjainen koostaminen"],
    ),
    (
        "pet-kuvantaminen",
        "kuvantaminen-ja-diagnostiikka",
        "Syövän PET-kuvantaminen",
        "Tekoäly analysoi PET-kuvia syövän levinneisyyden arvioimiseksi.",
        "Kuvien tulkinta nopeutuu ja tarkentuu.",
        "pilot",
        DATA_IMAGES,
        LEGAL_MDR,
        ["Tekoäly syövän PET-kuvantamisessa"],
    ),
    (
        "kuvien-esiluenta",
        "kuvantaminen-ja-diagnostiikka",
        "Röntgenkuvien esiluenta",
        "Tekoäly lajittelee röntgenkuvat kiireellisyyden mukaan ennen radiologin lausuntoa.",
        "Kiireelliset löydökset käsitellään ensin.",
        "in_use",
        DATA_IMAGES,
        LEGAL_MDR,
        [],
    ),
    (
        "palvelutarpeen-ennakointi",
        "palvelutarpeen-ennakointi",
        "Yksilötason palvelutarpeen ennakointi",
        "Tekoäly ennakoi yksilön palvelutarpeen ja ehdottaa ennaltaehkäisevää interventiota.",
        "Palveluja voidaan tarjota ennen kuin tilanne pahenee.",
        "idea",
        DATA_REGISTRY,
        LEGAL_AIACT,
        [],
    ),
    (
        "toimintakyvyn-ennakointi",
        "palvelutarpeen-ennakointi",
        "Toimintakyvyn muutoksen ennakointi",
        "Tekoäly ennakoi ikääntyneen toimintakyvyn heikkenemistä.",
        "Kotihoidon tukea voidaan lisätä ajoissa.",
        "pilot",
        DATA_REGISTRY,
        LEGAL_AIACT,
        ["AI-pohjainen toimintakyvyn muutoksen ennakointi"],
    ),
    (
        "lapsen-palvelutarve",
        "palvelutarpeen-ennakointi",
        "Lapsen palvelutarpeen arvioinnin koostaminen",
        "Tekoäly koostaa lapsen palvelutarpeen arvioinnin aineistot sosiaalityöntekijälle.",
        "Palvelutarpeen arviointi nopeutuu.",
        "pilot",
        DATA_EHR,
        LEGAL_DPIA,
        ["AI-avusteisesti koostettu lapsen palvelutarpeen arviointi"],
    ),
    (
        "resurssien-suunnittelu",
        "johtaminen-ja-tietojohtaminen",
        "Henkilöstöresurssien suunnittelu",
        "Tekoäly ennustaa palvelujen kysyntää ja tukee työvuorosuunnittelua.",
        "Henkilöstö kohdentuu kysynnän mukaan.",
        "in_use",
        DATA_REGISTRY,
        LEGAL_AIACT,
        [],
    ),
    (
        "tietojohtamisen-raportointi",
        "johtaminen-ja-tietojohtaminen",
        "Tietojohtamisen raportointi",
        "Tekoäly tiivistää johdolle palvelujen tilannekuvan luonnollisella kielellä.",
        "Päätöksenteko perustuu ajantasaiseen tietoon.",
        "idea",
        DATA_REGISTRY,
        LEGAL_AIACT,
        [],
    ),
]

USE_CASE_STRINGS = {
    "sv": {
        DATA_EHR: "Uppgifter i patient- och klientdatasystemet",
        DATA_TEXT: "Dokumenterade texter och tal",
        DATA_IMAGES: "Bildmaterial",
        DATA_REGISTRY: "Uppgifter om tjänsteanvändning och register",
        LEGAL_DPIA: "En konsekvensbedömning avseende dataskydd behövs före ibruktagandet.",
        LEGAL_MDR: "Kan vara en medicinteknisk produkt, som då kräver bedömning av överensstämmelse.",
        LEGAL_AIACT: "Kraven i EU:s AI-förordning, som datakvalitet (artikel 10).",
        "Oirearvio ja palveluohjaus": "Symtombedömning och servicehänvisning",
        "Tekoäly arvioi asiakkaan kuvaamat oireet ja ohjaa oikeaan palveluun.": "AI bedömer de symtom klienten beskriver och hänvisar till rätt tjänst.",
        "Asiakas saa nopeammin oikean palvelun.": "Klienten får snabbare rätt tjänst.",
        "Reaaliaikainen tulkkaus": "Tolkning i realtid",
        "Puheentunnistus ja konekäännös tulkkaavat vastaanoton keskustelun reaaliajassa.": "Taligenkänning och maskinöversättning tolkar mottagningssamtalet i realtid.",
        "Monikielinen asiakas tulee ymmärretyksi ilman odotusta tulkille.": "En flerspråkig klient blir förstådd utan att vänta på tolk.",
        "Hoitajakuiskaaja": "Skötarviskaren",
        "Tekoäly tuo potilaan tiedot ja hoitosuositukset keskusteluun hoitajan tueksi.": "AI för in patientens uppgifter och vårdrekommendationer i samtalet som stöd för skötaren.",
        "Hoitaja saa olennaiset tiedot käsiinsä keskustelun aikana.": "Skötaren får de väsentliga uppgifterna under samtalet.",
        "Ammattilaisen tukitekoäly": "Stöd-AI för yrkesutbildade",
        "Tekoäly ehdottaa diagnoosia ja hoitoa rajatuissa tapauksissa.": "AI föreslår diagnos och behandling i avgränsade fall.",
        "Ammattilaisen päätöksenteko nopeutuu ja yhdenmukaistuu.": "Yrkesutbildades beslutsfattande blir snabbare och enhetligare.",
        "Lääkitysriskien tunnistaminen": "Identifiering av läkemedelsrisker",
        "Tekoäly tunnistaa potilaan lääkityksestä riskejä ja varoittaa niistä.": "AI identifierar risker i patientens medicinering och varnar för dem.",
        "Lääkitysturvallisuus paranee.": "Läkemedelssäkerheten förbättras.",
        "Automaattinen kirjaaminen": "Automatisk dokumentation",
        "Tekoäly laatii vastaanoton keskustelusta potilaskertomusmerkinnän luonnoksen.": "AI gör ett utkast till journalanteckning utifrån mottagningssamtalet.",
        "Ammattilaisen kirjaamiseen kuluva aika vähenee.": "Tiden yrkesutbildade lägger på dokumentation minskar.",
        "Lomakkeet ja lausunnot": "Blanketter och utlåtanden",
        "Tekoäly esitäyttää lomakkeita ja lausuntoja potilastietojen pohjalta.": "AI förifyller blanketter och utlåtanden utifrån patientuppgifter.",
        "Ammattilaisten hallinnollinen taakka kevenee.": "Yrkesutbildades administrativa börda minskar.",
        "Asiakkaan taustatietojen koostaminen": "Sammanställning av klientens bakgrundsuppgifter",
        "Tekoäly koostaa asiakkaan tausta- ja riskitiedot yhteenvedoksi.": "AI sammanställer klientens bakgrunds- och riskuppgifter till en sammanfattning.",
        "Ammattilainen saa kokonaiskuvan asiakkaasta nopeasti.": "Den yrkesutbildade får snabbt en helhetsbild av klienten.",
        "Syövän PET-kuvantaminen": "PET-avbildning vid cancer",
        "Tekoäly analysoi PET-kuvia syövän levinneisyyden arvioimiseksi.": "AI analyserar PET-bilder för att bedöma cancerns spridning.",
        "Kuvien tulkinta nopeutuu ja tarkentuu.": "Tolkningen av bilderna blir snabbare och noggrannare.",
        "Röntgenkuvien esiluenta": "Förgranskning av röntgenbilder",
        "Tekoäly lajittelee röntgenkuvat kiireellisyyden mukaan ennen radiologin lausuntoa.": "AI sorterar röntgenbilder efter brådska före radiologens utlåtande.",
        "Kiireelliset löydökset käsitellään ensin.": "Brådskande fynd behandlas först.",
        "Yksilötason palvelutarpeen ennakointi": "Förutseende av servicebehov på individnivå",
        "Tekoäly ennakoi yksilön palvelutarpeen ja ehdottaa ennaltaehkäisevää interventiota.": "AI förutser individens servicebehov och föreslår en förebyggande insats.",
        "Palveluja voidaan tarjota ennen kuin tilanne pahenee.": "Tjänster kan erbjudas innan situationen förvärras.",
        "Toimintakyvyn muutoksen ennakointi": "Förutseende av förändringar i funktionsförmågan",
        "Tekoäly ennakoi ikääntyneen toimintakyvyn heikkenemistä.": "AI förutser försämring av en äldre persons funktionsförmåga.",
        "Kotihoidon tukea voidaan lisätä ajoissa.": "Stödet i hemvården kan ökas i tid.",
        "Lapsen palvelutarpeen arvioinnin koostaminen": "Sammanställning av bedömningen av ett barns servicebehov",
        "Tekoäly koostaa lapsen palvelutarpeen arvioinnin aineistot sosiaalityöntekijälle.": "AI sammanställer materialet för bedömningen av ett barns servicebehov för socialarbetaren.",
        "Palvelutarpeen arviointi nopeutuu.": "Bedömningen av servicebehovet går snabbare.",
        "Henkilöstöresurssien suunnittelu": "Planering av personalresurser",
        "Tekoäly ennustaa palvelujen kysyntää ja tukee työvuorosuunnittelua.": "AI förutser efterfrågan på tjänster och stöder arbetsturplaneringen.",
        "Henkilöstö kohdentuu kysynnän mukaan.": "Personalen riktas enligt efterfrågan.",
        "Tietojohtamisen raportointi": "Rapportering för kunskapsbaserad ledning",
        "Tekoäly tiivistää johdolle palvelujen tilannekuvan luonnollisella kielellä.": "AI sammanfattar tjänsternas lägesbild på naturligt språk för ledningen.",
        "Päätöksenteko perustuu ajantasaiseen tietoon.": "Besluten bygger på aktuell information.",
    },
    "en": {
        DATA_EHR: "Data in the patient and client information system",
        DATA_TEXT: "Recorded text and speech",
        DATA_IMAGES: "Imaging data",
        DATA_REGISTRY: "Service-use and registry data",
        LEGAL_DPIA: "A data-protection impact assessment is needed before deployment.",
        LEGAL_MDR: "May be a medical device, which then needs a conformity assessment.",
        LEGAL_AIACT: "Requirements of the EU AI Act, such as data quality (Article 10).",
        "Oirearvio ja palveluohjaus": "Symptom assessment and service guidance",
        "Tekoäly arvioi asiakkaan kuvaamat oireet ja ohjaa oikeaan palveluun.": "AI assesses the symptoms a client describes and guides them to the right service.",
        "Asiakas saa nopeammin oikean palvelun.": "The client reaches the right service sooner.",
        "Reaaliaikainen tulkkaus": "Real-time interpretation",
        "Puheentunnistus ja konekäännös tulkkaavat vastaanoton keskustelun reaaliajassa.": "Speech recognition and machine translation interpret the appointment conversation in real time.",
        "Monikielinen asiakas tulee ymmärretyksi ilman odotusta tulkille.": "A multilingual client is understood without waiting for an interpreter.",
        "Hoitajakuiskaaja": "Nurse whisperer",
        "Tekoäly tuo potilaan tiedot ja hoitosuositukset keskusteluun hoitajan tueksi.": "AI brings patient data and care guidelines into the conversation to support the nurse.",
        "Hoitaja saa olennaiset tiedot käsiinsä keskustelun aikana.": "The nurse has the relevant information during the conversation.",
        "Ammattilaisen tukitekoäly": "Professional's support AI",
        "Tekoäly ehdottaa diagnoosia ja hoitoa rajatuissa tapauksissa.": "AI suggests a diagnosis and treatment in limited cases.",
        "Ammattilaisen päätöksenteko nopeutuu ja yhdenmukaistuu.": "Professionals decide faster and more consistently.",
        "Lääkitysriskien tunnistaminen": "Identifying medication risks",
        "Tekoäly tunnistaa potilaan lääkityksestä riskejä ja varoittaa niistä.": "AI identifies risks in a patient's medication and warns about them.",
        "Lääkitysturvallisuus paranee.": "Medication safety improves.",
        "Automaattinen kirjaaminen": "Automatic documentation",
        "Tekoäly laatii vastaanoton keskustelusta potilaskertomusmerkinnän luonnoksen.": "AI drafts a patient-record entry from the appointment conversation.",
        "Ammattilaisen kirjaamiseen kuluva aika vähenee.": "Professionals spend less time on documentation.",
        "Lomakkeet ja lausunnot": "Forms and statements",
        "Tekoäly esitäyttää lomakkeita ja lausuntoja potilastietojen pohjalta.": "AI pre-fills forms and statements from patient data.",
        "Ammattilaisten hallinnollinen taakka kevenee.": "Professionals' administrative burden is reduced.",
        "Asiakkaan taustatietojen koostaminen": "Compiling a client's background data",
        "Tekoäly koostaa asiakkaan tausta- ja riskitiedot yhteenvedoksi.": "AI compiles a client's background and risk data into a summary.",
        "Ammattilainen saa kokonaiskuvan asiakkaasta nopeasti.": "The professional quickly gets an overall picture of the client.",
        "Syövän PET-kuvantaminen": "PET imaging in cancer",
        "Tekoäly analysoi PET-kuvia syövän levinneisyyden arvioimiseksi.": "AI analyses PET images to assess how far a cancer has spread.",
        "Kuvien tulkinta nopeutuu ja tarkentuu.": "Images are interpreted faster and more precisely.",
        "Röntgenkuvien esiluenta": "Pre-reading of X-ray images",
        "Tekoäly lajittelee röntgenkuvat kiireellisyyden mukaan ennen radiologin lausuntoa.": "AI sorts X-ray images by urgency before the radiologist's report.",
        "Kiireelliset löydökset käsitellään ensin.": "Urgent findings are handled first.",
        "Yksilötason palvelutarpeen ennakointi": "Individual-level service-need prediction",
        "Tekoäly ennakoi yksilön palvelutarpeen ja ehdottaa ennaltaehkäisevää interventiota.": "AI predicts an individual's service needs and suggests a preventive intervention.",
        "Palveluja voidaan tarjota ennen kuin tilanne pahenee.": "Services can be offered before the situation gets worse.",
        "Toimintakyvyn muutoksen ennakointi": "Predicting changes in functional capacity",
        "Tekoäly ennakoi ikääntyneen toimintakyvyn heikkenemistä.": "AI predicts a decline in an older person's functional capacity.",
        "Kotihoidon tukea voidaan lisätä ajoissa.": "Home-care support can be increased in time.",
        "Lapsen palvelutarpeen arvioinnin koostaminen": "Compiling a child's service-need assessment",
        "Tekoäly koostaa lapsen palvelutarpeen arvioinnin aineistot sosiaalityöntekijälle.": "AI compiles the material for a child's service-need assessment for the social worker.",
        "Palvelutarpeen arviointi nopeutuu.": "Service-need assessment becomes faster.",
        "Henkilöstöresurssien suunnittelu": "Staff resource planning",
        "Tekoäly ennustaa palvelujen kysyntää ja tukee työvuorosuunnittelua.": "AI forecasts demand for services and supports shift planning.",
        "Henkilöstö kohdentuu kysynnän mukaan.": "Staff are allocated according to demand.",
        "Tietojohtamisen raportointi": "Reporting for knowledge-based management",
        "Tekoäly tiivistää johdolle palvelujen tilannekuvan luonnollisella kielellä.": "AI summarises the services' situational picture for management in plain language.",
        "Päätöksenteko perustuu ajantasaiseen tietoon.": "Decisions rest on up-to-date information.",
    },
}


def _document(title: str, filename: str, paragraphs: list[str]):
    """The demo PDF document with ``title``, generated and uploaded once."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    data = make_pdf(title.removesuffix(" (PDF)"), paragraphs)
    # the root collection comes from Wagtail's migration; a flushed test database lacks it
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = document_model(
        title=title,
        collection=root,
        file=ContentFile(data, name=filename),
    )
    document._set_document_file_metadata()
    document.save()
    # The demo's own generated PDFs are trusted: read them now, in this process, so a fresh
    # site is searchable without waiting for the worker.
    extract_now(document, isolated=False)
    return document, True


def _pdf_paragraphs(spec: dict) -> list[str]:
    paragraphs = [spec["abstract"]]
    for heading, text in spec["sections"]:
        paragraphs += [heading.upper(), text]
    paragraphs.append("SUOSITUKSET")
    paragraphs += [f"{n}. {text}" for n, text in enumerate(spec["recommendations"], start=1)]
    return paragraphs


def _pilot_by_title(title: str):
    """The Finnish pilot page with ``title`` if the pilots demo has created it."""
    from django.apps import apps

    model = apps.get_model("pilots", "PilotPage")
    return model.objects.filter(title=title, locale__language_code="fi").first()


def _ensure_report(ctx: DemoContext, index: ReportIndexPage, spec: dict) -> ReportPage:
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    document, _created = _document(*spec["file"], _pdf_paragraphs(spec))
    body = []
    for heading, text in spec["sections"]:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", f"<p>{text}</p>"))
    page = ReportPage(
        title=spec["title"],
        slug=spec["slug"],
        report_type=spec["report_type"],
        publication_date=spec["publication_date"],
        authors=spec["authors"],
        abstract=spec["abstract"],
        key_recommendations=[("recommendation", text) for text in spec["recommendations"]],
        body=body,
        locale=index.locale,
    )
    page.publishers = [ReportPublisher(name_text="DigiFinland Oy")]
    page.report_themes = [
        ReportTheme(theme=theme)
        for theme in Theme.objects.filter(slug__in=spec["themes"], locale=index.locale)
    ]
    page.files.add(page.files.model(document=document, language="fi"))
    index.add_child(instance=page)
    page.save_revision(user=ctx.user).publish(user=ctx.user)
    ctx.note(f"report {spec['slug']}")
    return page


def load(ctx: DemoContext) -> None:
    home = ctx.home
    index, created = ensure_page(
        home,
        ReportIndexPage,
        "selvitykset",
        title="Selvitykset",
        intro="Verkoston tilaamat ja julkaisemat selvitykset tekoälyn käytöstä sosiaali- ja terveydenhuollossa.",
        show_in_menus=True,
    )
    if created:
        ctx.note("report index")
    translate_all(index, INDEX_STRINGS, user=ctx.user)

    use_case_report = _ensure_report(ctx, index, USE_CASE_REPORT)
    legal_report = _ensure_report(ctx, index, LEGAL_REPORT)
    if not legal_report.related_reports.exists():
        legal_report.related_reports.add(ReportRelatedReport(report=use_case_report))
        legal_report.save_revision(user=ctx.user).publish(user=ctx.user)
    for report in (use_case_report, legal_report):
        translate_all(report, REPORT_STRINGS, user=ctx.user)

    catalog, created = ensure_page(
        home,
        UseCaseCatalogPage,
        "kayttotapaukset",
        title="Tekoälyn käyttötapaukset",
        intro="DigiFinlandin selvityksen tekoälyn käyttötapaukset sosiaali- ja terveydenhuollossa kuudessa luokassa.",
        show_in_menus=False,
    )
    if created:
        ctx.note("use-case catalogue")
    translate_all(catalog, INDEX_STRINGS, user=ctx.user)

    categories = {}
    for order, (slug, fi, sv, en) in enumerate(CATEGORIES):
        category, created = ensure_snippet(
            UseCaseCategory, {"slug": slug}, name=fi, sort_order=order
        )
        if created:
            ctx.note(f"use-case category {slug}")
        translate_all(category, {"sv": {fi: sv}, "en": {fi: en}}, user=ctx.user)
        categories[slug] = category
    for slug, category, name, description, benefits, maturity, data, legal, pilots in USE_CASES:
        use_case, created = ensure_snippet(
            UseCase,
            {"slug": slug},
            name=name,
            category=categories[category],
            description=description,
            benefits=benefits,
            maturity=maturity,
            data_needed=data,
            legal_considerations=legal,
        )
        if created:
            rows = [UseCasePilot(pilot=p) for p in map(_pilot_by_title, pilots) if p is not None]
            if rows:
                use_case.pilots = rows
                use_case.save()
            ctx.note(f"use case {slug}")
        translate_all(use_case, USE_CASE_STRINGS, user=ctx.user)
