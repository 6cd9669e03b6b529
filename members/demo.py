"""Demo community content: ~30 member organisations, the directory, forms, working groups, partners.

Organisation-level contacts only (no personal addresses). Finnish first; Swedish and English go
through wagtail-localize. Fictional companies have no website so no real firm is misrepresented.
"""

from __future__ import annotations

import datetime

from wagtail.models import Page

from cms.demo_content import DemoContext, ensure_page, ensure_snippet, translate_all
from cms.models import Region

from .models import (
    ConsentText,
    JoinPage,
    MemberDirectoryPage,
    MemberOrganisation,
    PartnerIndexPage,
    PartnerPage,
    ProposalPage,
    SubscribePage,
    WorkingGroupIndexPage,
    WorkingGroupMembership,
    WorkingGroupPage,
)

# slug, name, type, region slug, website, joined, description fi / sv / en
ORGANISATIONS = [
    (
        "stm",
        "Sosiaali- ja terveysministeriö (STM)",
        "public",
        None,
        "https://stm.fi",
        "2024-06-01",
        "Ministeriö johtaa ekosysteemiä ja rahoittaa tekoälykokeiluja.",
        "Ministeriet leder ekosystemet och finansierar AI-försöken.",
        "The ministry leads the ecosystem and funds the AI pilots.",
    ),
    (
        "thl",
        "Terveyden ja hyvinvoinnin laitos (THL)",
        "public",
        None,
        "https://thl.fi",
        "2024-06-01",
        "Koordinaatioryhmän jäsen; tietoa ja tutkimusta hyvinvoinnista ja terveydestä.",
        "Medlem i koordineringsgruppen; kunskap och forskning om välfärd och hälsa.",
        "Member of the coordination group; knowledge and research on welfare and health.",
    ),
    (
        "hus",
        "HUS-yhtymä",
        "public",
        "hus",
        "https://www.hus.fi",
        "2024-06-01",
        "Koordinaatioryhmän jäsen ja Suomen suurin erikoissairaanhoidon toimija.",
        "Medlem i koordineringsgruppen och Finlands största aktör inom specialiserad sjukvård.",
        "Member of the coordination group and Finland's largest provider of specialised care.",
    ),
    (
        "una",
        "UNA Oy",
        "company",
        None,
        "https://una.fi",
        "2024-06-01",
        "Koordinaatioryhmän jäsen; hyvinvointialueiden yhteisiä digitaalisia ratkaisuja.",
        "Medlem i koordineringsgruppen; gemensamma digitala lösningar för välfärdsområdena.",
        "Member of the coordination group; shared digital solutions for the wellbeing services counties.",
    ),
    (
        "digifinland",
        "DigiFinland Oy",
        "company",
        None,
        "https://digifinland.fi",
        "2024-06-01",
        "Koordinaatioryhmän jäsen; koordinoi tekoälykokeiluja ja julkaisee selvityksiä.",
        "Medlem i koordineringsgruppen; koordinerar AI-försöken och publicerar utredningar.",
        "Member of the coordination group; coordinates the AI pilots and publishes reports.",
    ),
    (
        "pirkanmaan-hyvinvointialue",
        "Pirkanmaan hyvinvointialue",
        "county",
        "pirkanmaa",
        "https://www.pirha.fi",
        "2024-08-15",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "kanta-hameen-hyvinvointialue",
        "Kanta-Hämeen hyvinvointialue",
        "county",
        "kanta-hame",
        "https://omahame.fi",
        "2024-08-20",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "keski-suomen-hyvinvointialue",
        "Keski-Suomen hyvinvointialue",
        "county",
        "keski-suomi",
        "https://www.hyvaks.fi",
        "2024-08-22",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "lansi-uudenmaan-hyvinvointialue",
        "Länsi-Uudenmaan hyvinvointialue",
        "county",
        "lansi-uusimaa",
        "https://www.luvn.fi",
        "2024-09-02",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "pohjanmaan-hyvinvointialue",
        "Pohjanmaan hyvinvointialue",
        "county",
        "pohjanmaa",
        "https://pohjanmaanhyvinvointi.fi",
        "2024-09-05",
        "Kaksikielinen hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Tvåspråkigt välfärdsområde med ett pågående AI-försök.",
        "Bilingual wellbeing services county running an AI pilot.",
    ),
    (
        "pohjois-savon-hyvinvointialue",
        "Pohjois-Savon hyvinvointialue",
        "county",
        "pohjois-savo",
        "https://pohjoissavonhyvinvointialue.fi",
        "2024-09-10",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "varsinais-suomen-hyvinvointialue",
        "Varsinais-Suomen hyvinvointialue",
        "county",
        "varsinais-suomi",
        "https://www.varha.fi",
        "2024-09-12",
        "Hyvinvointialue, jolla on käynnissä tekoälykokeilu.",
        "Välfärdsområde med ett pågående AI-försök.",
        "Wellbeing services county running an AI pilot.",
    ),
    (
        "helsingin-kaupunki",
        "Helsingin kaupunki",
        "public",
        "helsinki",
        "https://www.hel.fi",
        "2024-08-30",
        "Kaupunki järjestää sosiaali- ja terveyspalvelut itse ja kokeilee tekoälyä.",
        "Staden ordnar själv social- och hälsovårdstjänsterna och prövar AI.",
        "The city organises its own social and health services and is piloting AI.",
    ),
    (
        "helsingin-yliopisto",
        "Helsingin yliopisto",
        "research",
        "helsinki",
        "https://www.helsinki.fi",
        "2024-10-01",
        "Tutkimusta lääketieteen ja tekoälyn rajapinnasta.",
        "Forskning i gränslandet mellan medicin och AI.",
        "Research at the interface of medicine and AI.",
    ),
    (
        "tampereen-yliopisto",
        "Tampereen yliopisto",
        "research",
        "pirkanmaa",
        "https://www.tuni.fi",
        "2024-10-03",
        "Terveysteknologian ja hyvinvoinnin tutkimusta ja koulutusta.",
        "Forskning och utbildning inom hälsoteknik och välfärd.",
        "Research and education in health technology and welfare.",
    ),
    (
        "ita-suomen-yliopisto",
        "Itä-Suomen yliopisto",
        "research",
        "pohjois-savo",
        "https://www.uef.fi",
        "2024-10-07",
        "Terveystieteiden ja sosiaalialan tutkimusta.",
        "Forskning inom hälsovetenskap och det sociala området.",
        "Research in health sciences and social welfare.",
    ),
    (
        "aalto-yliopisto",
        "Aalto-yliopisto",
        "research",
        None,
        "https://www.aalto.fi",
        "2024-10-09",
        "Tekoälyn ja terveysteknologian tutkimusta.",
        "Forskning inom AI och hälsoteknik.",
        "Research in AI and health technology.",
    ),
    (
        "oulun-yliopisto",
        "Oulun yliopisto",
        "research",
        "pohjois-pohjanmaa",
        "https://www.oulu.fi",
        "2024-10-15",
        "Digitaalisen terveyden tutkimusta ja koulutusta.",
        "Forskning och utbildning inom digital hälsa.",
        "Research and education in digital health.",
    ),
    (
        "turun-ammattikorkeakoulu",
        "Turun ammattikorkeakoulu",
        "research",
        "varsinais-suomi",
        "https://www.turkuamk.fi",
        "2024-11-04",
        "Sote-alan ammattilaisten koulutusta ja soveltavaa tutkimusta.",
        "Utbildning av yrkesfolk inom social- och hälsovård och tillämpad forskning.",
        "Education of social and health care professionals and applied research.",
    ),
    (
        "abo-akademi",
        "Åbo Akademi",
        "research",
        "varsinais-suomi",
        "https://www.abo.fi",
        "2024-11-06",
        "Ruotsinkielinen yliopisto; tutkimusta hyvinvoinnista ja digitalisaatiosta.",
        "Svenskspråkigt universitet; forskning om välfärd och digitalisering.",
        "Swedish-language university; research on welfare and digitalisation.",
    ),
    (
        "healthtech-finland",
        "Healthtech Finland",
        "association",
        None,
        "https://healthtech.teknologiateollisuus.fi",
        "2024-09-20",
        "Terveysteknologia-alan yritysten toimialayhdistys.",
        "Branschorganisation för företag inom hälsoteknik.",
        "Industry association of health technology companies.",
    ),
    (
        "sitra",
        "Sitra",
        "other",
        None,
        "https://www.sitra.fi",
        "2024-10-21",
        "Suomen itsenäisyyden juhlarahasto; datatalouden ja hyvinvoinnin hankkeita.",
        "Jubileumsfonden för Finlands självständighet; projekt inom dataekonomi och välfärd.",
        "The Finnish Innovation Fund; projects in the data economy and wellbeing.",
    ),
    (
        "business-finland",
        "Business Finland",
        "public",
        None,
        "https://www.businessfinland.fi",
        "2024-10-24",
        "Innovaatiorahoitusta ja kansainvälistymispalveluja terveysteknologiayrityksille.",
        "Innovationsfinansiering och internationaliseringstjänster för hälsoteknikföretag.",
        "Innovation funding and internationalisation services for health technology companies.",
    ),
    (
        "aava-analytics",
        "Aava Analytics Oy",
        "company",
        "pirkanmaa",
        "",
        "2024-11-12",
        "Kuvitteellinen esimerkkiyritys: ennustemalleja hoitoketjujen suunnitteluun.",
        "Fiktivt exempelföretag: prognosmodeller för planering av vårdkedjor.",
        "Fictional example company: forecasting models for care pathway planning.",
    ),
    (
        "hoivadata",
        "Hoivadata Oy",
        "company",
        "keski-suomi",
        "",
        "2024-11-18",
        "Kuvitteellinen esimerkkiyritys: kotihoidon reittien optimointia.",
        "Fiktivt exempelföretag: optimering av hemvårdens rutter.",
        "Fictional example company: route optimisation for home care.",
    ),
    (
        "lumo-health",
        "Lumo Health Oy",
        "company",
        "helsinki",
        "",
        "2024-12-02",
        "Kuvitteellinen esimerkkiyritys: puheentunnistusta kirjaamisen tueksi.",
        "Fiktivt exempelföretag: taligenkänning som stöd för dokumentation.",
        "Fictional example company: speech recognition to support clinical documentation.",
    ),
    (
        "nordic-triage",
        "Nordic Triage Oy",
        "company",
        "varsinais-suomi",
        "",
        "2024-12-09",
        "Kuvitteellinen esimerkkiyritys: oirearvion ja kiireellisyysluokituksen työkaluja.",
        "Fiktivt exempelföretag: verktyg för symtombedömning och brådskandegradering.",
        "Fictional example company: symptom assessment and triage tools.",
    ),
    (
        "saneri-ai",
        "Saneri AI Oy",
        "company",
        "pohjois-savo",
        "",
        "2025-01-08",
        "Kuvitteellinen esimerkkiyritys: tekstin tiivistämistä sosiaalihuollon asiakirjoihin.",
        "Fiktivt exempelföretag: textsammanfattning för socialvårdens handlingar.",
        "Fictional example company: text summarisation for social welfare records.",
    ),
    (
        "alykas-hoiva",
        "Älykäs Hoiva Oy",
        "company",
        "kanta-hame",
        "",
        "2025-01-13",
        "Kuvitteellinen esimerkkiyritys: ikäteknologiaa ja etähoivaa.",
        "Fiktivt exempelföretag: åldersteknologi och distansomsorg.",
        "Fictional example company: age technology and remote care.",
    ),
    (
        "ostra-care-tech",
        "Östra Care Tech Ab",
        "company",
        "pohjanmaa",
        "",
        "2025-01-20",
        "Kuvitteellinen esimerkkiyritys: kaksikielisiä asiointipalveluja.",
        "Fiktivt exempelföretag: tvåspråkiga e-tjänster.",
        "Fictional example company: bilingual online services.",
    ),
    (
        "digitaalisen-hoivan-yhdistys",
        "Digitaalisen hoivan yhdistys ry",
        "association",
        None,
        "",
        "2025-01-27",
        "Kuvitteellinen esimerkkiyhdistys: ammattilaisten verkosto digitaalisen hoivan kehittämiseen.",
        "Fiktiv exempelförening: nätverk för yrkesfolk som utvecklar digital omsorg.",
        "Fictional example association: a network of professionals developing digital care.",
    ),
]

CONSENT_FI = (
    "Tallennamme lomakkeen tiedot vain tämän pyynnön käsittelyä varten. Vahvistamattomat "
    "tilaukset poistetaan 30 päivän kuluttua ja hylätyt hakemukset 180 päivän kuluttua. Voit "
    "pyytää tietojesi poistamista milloin tahansa."
)
CONSENT = {
    "sv": {
        CONSENT_FI: (
            "Vi sparar formulärets uppgifter endast för att behandla denna begäran. Obekräftade "
            "prenumerationer raderas efter 30 dagar och avslagna ansökningar efter 180 dagar. Du "
            "kan när som helst begära att dina uppgifter raderas."
        )
    },
    "en": {
        CONSENT_FI: (
            "We store the form's details only to handle this request. Unconfirmed subscriptions are "
            "deleted after 30 days and rejected applications after 180 days. You may ask us to "
            "delete your details at any time."
        )
    },
}


def _strings(*triples: tuple[str, str, str]) -> dict[str, dict[str, str]]:
    """(fi, sv, en) triples → the language → source → translation map translate_all expects."""
    return {"sv": {fi: sv for fi, sv, _en in triples}, "en": {fi: en for fi, _sv, en in triples}}


def _organisations(ctx: DemoContext) -> dict[str, MemberOrganisation]:
    regions = {r.slug: r for r in Region.objects.filter(locale__language_code="fi")}
    orgs = {}
    for slug, name, kind, region, website, joined, fi, sv, en in ORGANISATIONS:
        org, created = ensure_snippet(
            MemberOrganisation,
            {"slug": slug},
            name=name,
            organisation_type=kind,
            region=regions.get(region) if region else None,
            website=website,
            date_joined=datetime.date.fromisoformat(joined),
            description=fi,
        )
        if created:
            ctx.note(f"member {slug}")
        translate_all(org, _strings((fi, sv, en)), user=ctx.user)
        orgs[slug] = org
    return orgs


def _page(ctx, parent, model, slug, strings, **fields):
    page, created = ensure_page(parent, model, slug, **fields)
    if created:
        ctx.note(f"page {slug}")
    translate_all(page, strings, user=ctx.user)
    return page


def load(ctx: DemoContext) -> None:
    consent, created = ensure_snippet(ConsentText, {"version": 1}, text=CONSENT_FI, is_active=True)
    translate_all(consent, CONSENT, user=ctx.user)
    orgs = _organisations(ctx)
    home = ctx.home
    thanks = (
        "Kiitos! Olemme vastaanottaneet viestisi ja lähetimme vahvistuksen sähköpostiisi.",
        "Tack! Vi har tagit emot ditt meddelande och skickat en bekräftelse till din e-post.",
        "Thank you! We have received your message and sent a confirmation to your e-mail.",
    )
    directory = _page(
        ctx,
        home,
        MemberDirectoryPage,
        "jasenet",
        _strings(
            ("jasenet", "medlemmar", "members"),
            ("Jäsenorganisaatiot", "Medlemsorganisationer", "Member organisations"),
            (
                "Ekosysteemissä on yli 200 jäsenorganisaatiota: viranomaisia, hyvinvointialueita, "
                "yrityksiä ja tutkijoita.",
                "Ekosystemet har över 200 medlemsorganisationer: myndigheter, välfärdsområden, "
                "företag och forskare.",
                "The ecosystem has over 200 member organisations: authorities, wellbeing services "
                "counties, companies and researchers.",
            ),
        ),
        title="Jäsenorganisaatiot",
        intro=(
            "Ekosysteemissä on yli 200 jäsenorganisaatiota: viranomaisia, hyvinvointialueita, "
            "yrityksiä ja tutkijoita."
        ),
        show_in_menus=True,
    )
    _page(
        ctx,
        directory,
        JoinPage,
        "liity-jaseneksi",
        _strings(
            ("liity-jaseneksi", "bli-medlem", "join"),
            ("Liity jäseneksi", "Bli medlem", "Join as a member"),
            (
                "Jäsenyys on maksuton. Jäseneksi voivat liittyä sote-alan organisaatiot, yritykset "
                "ja tutkimuslaitokset.",
                "Medlemskapet är avgiftsfritt. Organisationer inom social- och hälsovården, "
                "företag och forskningsinstitut kan bli medlemmar.",
                "Membership is free of charge. Social and health care organisations, companies "
                "and research institutes can join.",
            ),
            thanks,
        ),
        title="Liity jäseneksi",
        intro=(
            "Jäsenyys on maksuton. Jäseneksi voivat liittyä sote-alan organisaatiot, yritykset "
            "ja tutkimuslaitokset."
        ),
        thank_you=thanks[0],
    )
    subscribed = (
        "Kiitos! Lähetimme vahvistuslinkin sähköpostiisi. Tilaus alkaa, kun vahvistat sen.",
        "Tack! Vi har skickat en bekräftelselänk till din e-post. Prenumerationen börjar när du "
        "bekräftar den.",
        "Thank you! We sent a confirmation link to your e-mail. The subscription starts once you "
        "confirm it.",
    )
    _page(
        ctx,
        home,
        SubscribePage,
        "tilaa-uutiskirje",
        _strings(
            ("tilaa-uutiskirje", "prenumerera", "subscribe"),
            ("Tilaa uutiskirje", "Prenumerera på nyhetsbrevet", "Subscribe to the newsletter"),
            (
                "Uutiskirje ilmestyy kuukausittain suomeksi, ruotsiksi ja englanniksi.",
                "Nyhetsbrevet utkommer varje månad på finska, svenska och engelska.",
                "The newsletter comes out monthly in Finnish, Swedish and English.",
            ),
            subscribed,
        ),
        title="Tilaa uutiskirje",
        intro="Uutiskirje ilmestyy kuukausittain suomeksi, ruotsiksi ja englanniksi.",
        thank_you=subscribed[0],
    )
    involve = home.get_children().filter(slug="osallistu").first() or home
    proposals = [
        (
            "ehdota-ai-aamun-aihetta",
            "webinar",
            (
                "Ehdota aihetta AI-aamuun",
                "Föreslå ett ämne för AI-aamu",
                "Propose an AI-aamu topic",
            ),
            ("ehdota-ai-aamun-aihetta", "foresla-ai-aamu-amne", "propose-ai-aamu-topic"),
        ),
        (
            "ehdota-yhteishanketta",
            "project",
            ("Ehdota yhteishanketta", "Föreslå ett gemensamt projekt", "Propose a joint project"),
            ("ehdota-yhteishanketta", "foresla-gemensamt-projekt", "propose-joint-project"),
        ),
        (
            "tarjoa-blogikirjoitusta",
            "blog",
            ("Tarjoa blogikirjoitusta", "Erbjud ett blogginlägg", "Offer a blog post"),
            ("tarjoa-blogikirjoitusta", "erbjud-blogginlagg", "offer-blog-post"),
        ),
        (
            "ilmoita-tapahtumasta",
            "event",
            ("Ilmoita tapahtumasta", "Anmäl ett evenemang", "Announce an event"),
            ("ilmoita-tapahtumasta", "anmal-evenemang", "announce-event"),
        ),
    ]
    for slug, kind, titles, slugs in proposals:
        _page(
            ctx,
            involve.specific,
            ProposalPage,
            slug,
            _strings(titles, slugs, thanks),
            title=titles[0],
            kind=kind,
            thank_you=thanks[0],
        )
    _working_groups(ctx, home, orgs)
    _partners(ctx, home)


def _working_groups(ctx: DemoContext, home: Page, orgs: dict) -> None:
    intro = (
        "Työryhmät valmistelevat yhteisiä linjauksia ja jakavat kokemuksia.",
        "Arbetsgrupperna bereder gemensamma riktlinjer och delar erfarenheter.",
        "The working groups prepare shared guidelines and exchange experiences.",
    )
    index = _page(
        ctx,
        home,
        WorkingGroupIndexPage,
        "tyoryhmat",
        _strings(
            ("tyoryhmat", "arbetsgrupper", "working-groups"),
            ("Työryhmät", "Arbetsgrupper", "Working groups"),
            intro,
        ),
        title="Työryhmät",
        intro=intro[0],
        show_in_menus=True,
    )
    groups = [
        {
            "slug": "juridiikan-tyoryhma",
            "title": ("Juridiikan työryhmä", "Arbetsgruppen för juridik", "Legal working group"),
            "slugs": ("juridiikan-tyoryhma", "juridik", "legal"),
            "purpose": (
                "Työryhmä kokoaa yhteisiä tulkintoja tekoälyn käytöstä sosiaali- ja "
                "terveydenhuollossa ja tunnistaa lainsäädännön muutostarpeita.",
                "Arbetsgruppen samlar gemensamma tolkningar av AI-användning inom social- och "
                "hälsovården och identifierar behov av lagändringar.",
                "The group gathers shared interpretations of AI use in social and health care and "
                "identifies needs to change legislation.",
            ),
            "schedule": (
                "Kerran kuukaudessa etäkokouksena",
                "En gång i månaden som distansmöte",
                "Monthly, online",
            ),
            "chair": "stm",
            "members": ["thl", "digifinland", "hus", "pirkanmaan-hyvinvointialue"],
        },
        {
            "slug": "kokeilujen-vertaisryhma",
            "title": (
                "Tekoälykokeilujen vertaisryhmä",
                "Kamratgruppen för AI-försök",
                "AI pilots peer group",
            ),
            "slugs": ("kokeilujen-vertaisryhma", "kamratgrupp-ai-forsok", "ai-pilots-peer-group"),
            "purpose": (
                "Kokeiluja toteuttavat alueet jakavat kokemuksia mittareista, hankinnoista ja "
                "käyttöönotosta.",
                "Områdena som genomför försöken delar erfarenheter av indikatorer, upphandling "
                "och införande.",
                "The regions running pilots share experiences of indicators, procurement and "
                "deployment.",
            ),
            "schedule": (
                "Joka toinen viikko etäkokouksena",
                "Varannan vecka som distansmöte",
                "Every other week, online",
            ),
            "chair": "digifinland",
            "members": [
                "hus",
                "helsingin-kaupunki",
                "pirkanmaan-hyvinvointialue",
                "kanta-hameen-hyvinvointialue",
                "keski-suomen-hyvinvointialue",
                "lansi-uudenmaan-hyvinvointialue",
                "pohjanmaan-hyvinvointialue",
                "pohjois-savon-hyvinvointialue",
                "varsinais-suomen-hyvinvointialue",
            ],
        },
    ]
    for group in groups:
        existing = index.get_children().filter(slug=group["slug"]).first()
        if existing is None:
            page = WorkingGroupPage(
                title=group["title"][0],
                slug=group["slug"],
                locale=index.locale,
                purpose=group["purpose"][0],
                meeting_schedule=group["schedule"][0],
                chair=orgs[group["chair"]],
                status="active",
            )
            for order, key in enumerate(group["members"]):
                page.memberships.add(
                    WorkingGroupMembership(organisation=orgs[key], sort_order=order)
                )
            index.add_child(instance=page)
            page.save_revision().publish()
            ctx.note(f"page {group['slug']}")
        else:
            page = existing.specific
        translate_all(
            page,
            _strings(group["title"], group["slugs"], group["purpose"], group["schedule"]),
            user=ctx.user,
        )


def _partners(ctx: DemoContext, home: Page) -> None:
    index = _page(
        ctx,
        home,
        PartnerIndexPage,
        "kumppanit",
        _strings(
            ("kumppanit", "partner", "partners"),
            ("Kumppanit", "Partner", "Partners"),
            (
                "Kumppanipalveluissa yritykset ja sote-organisaatiot esittelevät ratkaisujaan.",
                "I partnertjänsterna presenterar företag och vårdorganisationer sina lösningar.",
                "In the partner services companies and care organisations present their solutions.",
            ),
        ),
        title="Kumppanit",
        intro="Kumppanipalveluissa yritykset ja sote-organisaatiot esittelevät ratkaisujaan.",
        show_in_menus=True,
    )
    partners = [
        {
            "slug": "wenla",
            "title": ("Wenla", "Wenla", "Wenla"),
            "summary": (
                "Maksuton hyvinvointi- ja terveysteknologiapalvelujen listaus.",
                "En avgiftsfri förteckning över tjänster inom välfärds- och hälsoteknik.",
                "A free listing of wellbeing and health technology services.",
            ),
            "companies": (
                "Yritykset rekisteröivät ratkaisunsa maksutta; tekoälytuotteet on listattu omana "
                "ryhmänään.",
                "Företag registrerar sina lösningar avgiftsfritt; AI-produkter listas som en egen "
                "grupp.",
                "Companies register their solutions free of charge; AI products are listed as "
                "their own group.",
            ),
            "care": (
                "Sote-organisaatiot löytävät listauksesta markkinoilla olevia ratkaisuja.",
                "Vårdorganisationer hittar lösningar som finns på marknaden i förteckningen.",
                "Care organisations find solutions available on the market in the listing.",
            ),
            "website": "",
        },
        {
            "slug": "innokyla",
            "title": ("Innokylä", "Innokylä", "Innokylä"),
            "summary": (
                "Sosiaali- ja terveydenhuollon innovaatioiden ja toimintamallien palvelu.",
                "En tjänst för innovationer och verksamhetsmodeller inom social- och hälsovården.",
                "A service for social and health care innovations and practices.",
            ),
            "companies": (
                "Yritykset näkevät, millaisia käytäntöjä sote-organisaatiot kehittävät.",
                "Företag ser vilka metoder vårdorganisationerna utvecklar.",
                "Companies see which practices care organisations are developing.",
            ),
            "care": (
                "Sote-organisaatiot rekisteröivät innovaatioitaan ja käytäntöjään; "
                "tekoälykäytännöt on listattu.",
                "Vårdorganisationer registrerar sina innovationer och metoder; AI-metoder listas.",
                "Care organisations register their innovations and practices; AI practices are "
                "listed.",
            ),
            "website": "https://innokyla.fi",
        },
    ]
    for partner in partners:
        _page(
            ctx,
            index,
            PartnerPage,
            partner["slug"],
            _strings(partner["summary"], partner["companies"], partner["care"]),
            title=partner["title"][0],
            summary=partner["summary"][0],
            for_companies=partner["companies"][0],
            for_care_organisations=partner["care"][0],
            website=partner["website"],
        )
