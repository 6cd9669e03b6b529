"""Demo news, blog posts and newsletter issues (Nov 2024 – Feb 2025), from shared/CONTENT.md.

Called at the end of ``home.demo.load``; finds its parents by slug and creates only what is
missing. Finnish first, Swedish and English through wagtail-localize.
"""

from __future__ import annotations

import datetime

from cms.demo_content import DemoContext, ensure_page, translate_all
from cms.models import Theme

from .news import BlogIndexPage, BlogPage, BlogTopic, NewsIndexPage, NewsPage, NewsTopic
from .newsletter import NewsletterIndexPage, NewsletterIssuePage, NewsletterItem

INDEXES = {
    "uutiset": (NewsIndexPage, "Uutiset", "Ajankohtaista SOTE-tekoälyn ekosysteemistä."),
    "blogi": (
        BlogIndexPage,
        "Blogi",
        "Verkoston jäsenten kirjoituksia tekoälystä sosiaali- ja terveydenhuollossa.",
    ),
    "uutiskirje": (
        NewsletterIndexPage,
        "Uutiskirje",
        "Kuukausittaisen uutiskirjeen arkisto. Uutiskirjeellä on yli 1 100 tilaajaa.",
    ),
}

BLOG_GUIDANCE_HEADING = "Osallistu: kirjoita blogi"
BLOG_GUIDANCE = (
    "<p>Kirjoita blogikirjoitus suurelle yleisölle tekoälyn käytöstä sosiaali- ja "
    "terveydenhuollossa. Sopiva pituus on 3 000–5 000 merkkiä. Lähetä kirjoitus verkoston "
    "viestintään sivuston yhteystiedoilla.</p>"
)

NEWS = [
    {
        "slug": "kokeilurahoitus-avautuu",
        "title": "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen",
        "date": datetime.date(2024, 10, 1),
        "intro": (
            "STM rahoittaa tekoälykokeiluja 2–3 M€. Ehdotuksia kerätään verkkolomakkeella "
            "16.9.–25.10.2024."
        ),
        "themes": ["parempi-asiakaspalvelu"],
    },
    {
        "slug": "ideahaun-tulokset",
        "title": "Ideahakuun tuli 50 hakemusta",
        "date": datetime.date(2024, 12, 10),
        "intro": (
            "Ideahakuun tuli 50 hakemusta, joissa haettiin yhteensä 10 M€. Haetun rahoituksen "
            "mediaani oli 158 000 €."
        ),
        "themes": ["tehokkaampi-ammattilaistyo"],
    },
    {
        "slug": "kymmenen-kokeilua-kaynnistyy",
        "title": "10 tekoälykokeilua käynnistyy",
        "date": datetime.date(2025, 1, 15),
        "intro": "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa tammikuussa 2025.",
        "themes": ["parempi-hoidon-laatu", "parempi-asiakaspalvelu"],
    },
]

BLOG = [
    {
        "slug": "miksi-tekoalyekosysteemi",
        "title": "Miksi sote-alalle tarvitaan tekoälyn ekosysteemi",
        "author": "SOTE-tekoälyn ekosysteemin koordinaatioryhmä",
        "date": datetime.date(2024, 11, 20),
        "intro": (
            "Viranomaiset, yritykset ja tutkijat tarvitsevat yhteisen paikan, jossa kokemukset "
            "tekoälyn käytöstä jaetaan."
        ),
        "themes": ["tehokkaampi-ammattilaistyo"],
    },
    {
        "slug": "rohkeasti-kokeilemalla",
        "title": "Rohkeasti eteenpäin kokeilemalla",
        "author": "DigiFinland Oy",
        "date": datetime.date(2025, 2, 5),
        "intro": (
            "Selvityksen suositus on edetä rohkeasti kokeilemalla. Kokeilut arvioivat "
            "vaikutuksiaan THL:n arviointiohjeen mukaisesti."
        ),
        "themes": ["parempi-hoidon-laatu"],
    },
]

ECO = NewsletterItem.Column.ECOSYSTEM
FORE = NewsletterItem.Column.FORERUNNERS

# slug, title, issue date, intro, items (column, headline, teaser, link page slug path or URL)
ISSUES = [
    (
        "marraskuu-2024",
        "Uutiskirje marraskuu 2024",
        datetime.date(2024, 11, 20),
        "Ideahaku päättyi 25.10.2024. STM päättää marraskuussa, mitkä ehdotukset jatkavat.",
        [
            (
                ECO,
                "Ideahaku päättyi",
                "Ehdotuksia kerättiin 16.9.–25.10.2024.",
                "uutiset/kokeilurahoitus-avautuu",
            ),
            (
                FORE,
                "Miksi ekosysteemi tarvitaan",
                "Koordinaatioryhmän blogi.",
                "blogi/miksi-tekoalyekosysteemi",
            ),
        ],
    ),
    (
        "joulukuu-2024",
        "Uutiskirje joulukuu 2024",
        datetime.date(2024, 12, 17),
        "Juridisten tulkintojen selvitys julkaistiin joulukuussa 2024.",
        [
            (
                ECO,
                "Ideahaun tulokset",
                "50 hakemusta, haettu yhteensä 10 M€.",
                "uutiset/ideahaun-tulokset",
            ),
            (
                ECO,
                "Juridisten tulkintojen selvitys julkaistu",
                "Selvitys ja suositukset yhteisistä tulkinnoista hyvinvointialueille.",
                "selvitykset/kayttotapaukset-ja-lainsaadanto",
            ),
            (
                FORE,
                "Käyttötapausluettelo",
                "Tekoälyn käyttötapaukset kuudessa luokassa.",
                "kayttotapaukset",
            ),
        ],
    ),
    (
        "tammikuu-2025",
        "Uutiskirje tammikuu 2025",
        datetime.date(2025, 1, 21),
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa.",
        [
            (
                ECO,
                "10 tekoälykokeilua käynnistyy",
                "Kokeilut alkavat tammikuussa 2025.",
                "uutiset/kymmenen-kokeilua-kaynnistyy",
            ),
            (FORE, "AI-aamu 22.1.2025", "DigiFinlandin AI-hanke AI-aamu-webinaarissa.", ""),
        ],
    ),
    (
        "helmikuu-2025",
        "Uutiskirje helmikuu 2025",
        datetime.date(2025, 2, 18),
        "Tekoälyn visiotyö käynnistyy alkuvuonna 2025.",
        [
            (
                ECO,
                "Rohkeasti eteenpäin kokeilemalla",
                "Blogi kokeilujen arvioinnista.",
                "blogi/rohkeasti-kokeilemalla",
            ),
            (
                FORE,
                "Selvitys Tekoäly hyvinvointialueilla",
                "Noin 50 käyttötapausta kuudessa luokassa.",
                "selvitykset/tekoaly-hyvinvointialueilla",
            ),
        ],
    ),
]

STRINGS = {
    "sv": {
        "Uutiset": "Nyheter",
        "uutiset": "nyheter",
        "Ajankohtaista SOTE-tekoälyn ekosysteemistä.": "Aktuellt från Ekosystemet för AI inom social- och hälsovården.",
        "Blogi": "Blogg",
        "blogi": "blogg",
        "Verkoston jäsenten kirjoituksia tekoälystä sosiaali- ja terveydenhuollossa.": "Texter av nätverkets medlemmar om AI inom social- och hälsovården.",
        "Uutiskirje": "Nyhetsbrev",
        "uutiskirje": "nyhetsbrev",
        "Kuukausittaisen uutiskirjeen arkisto. Uutiskirjeellä on yli 1 100 tilaajaa.": "Arkivet för det månatliga nyhetsbrevet. Nyhetsbrevet har över 1 100 prenumeranter.",
        BLOG_GUIDANCE_HEADING: "Delta: skriv ett blogginlägg",
        "Kirjoita blogikirjoitus suurelle yleisölle tekoälyn käytöstä sosiaali- ja terveydenhuollossa. Sopiva pituus on 3 000–5 000 merkkiä. Lähetä kirjoitus verkoston viestintään sivuston yhteystiedoilla.": "Skriv ett blogginlägg för en bred publik om AI inom social- och hälsovården. Lämplig längd är 3 000–5 000 tecken. Skicka texten till nätverkets kommunikation via webbplatsens kontaktuppgifter.",
        "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen": "SHM och DigiFinland öppnar finansieringen för AI-försök",
        "kokeilurahoitus-avautuu": "forsoksfinansieringen-oppnar",
        "STM rahoittaa tekoälykokeiluja 2–3 M€. Ehdotuksia kerätään verkkolomakkeella 16.9.–25.10.2024.": "SHM finansierar AI-försök med 2–3 M€. Förslag samlas in med ett webbformulär 16.9–25.10.2024.",
        "Ideahakuun tuli 50 hakemusta": "Idéutlysningen fick 50 ansökningar",
        "ideahaun-tulokset": "ideutlysningens-resultat",
        "Ideahakuun tuli 50 hakemusta, joissa haettiin yhteensä 10 M€. Haetun rahoituksen mediaani oli 158 000 €.": "Idéutlysningen fick 50 ansökningar som sökte totalt 10 M€. Medianen för den sökta finansieringen var 158 000 €.",
        "10 tekoälykokeilua käynnistyy": "10 AI-försök inleds",
        "kymmenen-kokeilua-kaynnistyy": "tio-forsok-inleds",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa tammikuussa 2025.": "10 AI-försök inleds i välfärdsområdena och HUS i januari 2025.",
        "Miksi sote-alalle tarvitaan tekoälyn ekosysteemi": "Varför social- och hälsovården behöver ett AI-ekosystem",
        "miksi-tekoalyekosysteemi": "varfor-ett-ai-ekosystem",
        "Viranomaiset, yritykset ja tutkijat tarvitsevat yhteisen paikan, jossa kokemukset tekoälyn käytöstä jaetaan.": "Myndigheter, företag och forskare behöver en gemensam plats där erfarenheter av AI delas.",
        "Rohkeasti eteenpäin kokeilemalla": "Modigt framåt genom att experimentera",
        "rohkeasti-kokeilemalla": "modigt-framat",
        "Selvityksen suositus on edetä rohkeasti kokeilemalla. Kokeilut arvioivat vaikutuksiaan THL:n arviointiohjeen mukaisesti.": "Utredningen rekommenderar att gå modigt framåt genom att experimentera. Försöken utvärderar sina effekter enligt THL:s utvärderingsanvisning.",
        "Uutiskirje marraskuu 2024": "Nyhetsbrev november 2024",
        "marraskuu-2024": "november-2024",
        "Ideahaku päättyi 25.10.2024. STM päättää marraskuussa, mitkä ehdotukset jatkavat.": "Idéutlysningen avslutades 25.10.2024. SHM beslutar i november vilka förslag som går vidare.",
        "Ideahaku päättyi": "Idéutlysningen avslutades",
        "Ehdotuksia kerättiin 16.9.–25.10.2024.": "Förslag samlades in 16.9–25.10.2024.",
        "Miksi ekosysteemi tarvitaan": "Varför ett ekosystem behövs",
        "Koordinaatioryhmän blogi.": "Koordineringsgruppens blogg.",
        "Uutiskirje joulukuu 2024": "Nyhetsbrev december 2024",
        "joulukuu-2024": "december-2024",
        "Juridisten tulkintojen selvitys julkaistiin joulukuussa 2024.": "Utredningen om juridiska tolkningar publicerades i december 2024.",
        "Ideahaun tulokset": "Idéutlysningens resultat",
        "50 hakemusta, haettu yhteensä 10 M€.": "50 ansökningar, totalt 10 M€ sökt.",
        "Juridisten tulkintojen selvitys julkaistu": "Utredningen om juridiska tolkningar publicerad",
        "Selvitys ja suositukset yhteisistä tulkinnoista hyvinvointialueille.": "Utredning och rekommendationer om gemensamma tolkningar för välfärdsområdena.",
        "Käyttötapausluettelo": "Katalogen över användningsfall",
        "Tekoälyn käyttötapaukset kuudessa luokassa.": "Användningsfall för AI i sex kategorier.",
        "Uutiskirje tammikuu 2025": "Nyhetsbrev januari 2025",
        "tammikuu-2025": "januari-2025",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa.": "10 AI-försök inleds i välfärdsområdena och HUS.",
        "Kokeilut alkavat tammikuussa 2025.": "Försöken börjar i januari 2025.",
        "AI-aamu 22.1.2025": "AI-aamu 22.1.2025",
        "DigiFinlandin AI-hanke AI-aamu-webinaarissa.": "DigiFinlands AI-projekt i AI-aamu-webbinariet.",
        "Uutiskirje helmikuu 2025": "Nyhetsbrev februari 2025",
        "helmikuu-2025": "februari-2025",
        "Tekoälyn visiotyö käynnistyy alkuvuonna 2025.": "Arbetet med en AI-vision inleds i början av 2025.",
        "Blogi kokeilujen arvioinnista.": "Blogg om utvärderingen av försöken.",
        "Selvitys Tekoäly hyvinvointialueilla": "Utredningen AI i välfärdsområdena",
        "Noin 50 käyttötapausta kuudessa luokassa.": "Cirka 50 användningsfall i sex kategorier.",
    },
    "en": {
        "Uutiset": "News",
        "uutiset": "news",
        "Ajankohtaista SOTE-tekoälyn ekosysteemistä.": "News from the Social and Health Care AI Ecosystem.",
        "Blogi": "Blog",
        "blogi": "blog",
        "Verkoston jäsenten kirjoituksia tekoälystä sosiaali- ja terveydenhuollossa.": "Writing by the network's members on AI in social and health care.",
        "Uutiskirje": "Newsletter",
        "uutiskirje": "newsletter",
        "Kuukausittaisen uutiskirjeen arkisto. Uutiskirjeellä on yli 1 100 tilaajaa.": "The archive of the monthly newsletter, which has over 1,100 subscribers.",
        BLOG_GUIDANCE_HEADING: "Get involved: write a blog post",
        "Kirjoita blogikirjoitus suurelle yleisölle tekoälyn käytöstä sosiaali- ja terveydenhuollossa. Sopiva pituus on 3 000–5 000 merkkiä. Lähetä kirjoitus verkoston viestintään sivuston yhteystiedoilla.": "Write a blog post for a general audience about AI in social and health care. A good length is 3,000–5,000 characters. Send it to the network's communications team using the site's contact details.",
        "STM ja DigiFinland avaavat tekoälykokeilujen rahoituksen": "The Ministry and DigiFinland open funding for AI pilots",
        "kokeilurahoitus-avautuu": "pilot-funding-opens",
        "STM rahoittaa tekoälykokeiluja 2–3 M€. Ehdotuksia kerätään verkkolomakkeella 16.9.–25.10.2024.": "The Ministry funds AI pilots with 2–3 M€. Proposals are collected with a web form from 16 September to 25 October 2024.",
        "Ideahakuun tuli 50 hakemusta": "The call received 50 applications",
        "ideahaun-tulokset": "call-results",
        "Ideahakuun tuli 50 hakemusta, joissa haettiin yhteensä 10 M€. Haetun rahoituksen mediaani oli 158 000 €.": "The call received 50 applications requesting 10 M€ in total. The median requested funding was 158,000 €.",
        "10 tekoälykokeilua käynnistyy": "10 AI pilots start",
        "kymmenen-kokeilua-kaynnistyy": "ten-pilots-start",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa tammikuussa 2025.": "10 AI pilots start in the wellbeing services counties and HUS in January 2025.",
        "Miksi sote-alalle tarvitaan tekoälyn ekosysteemi": "Why social and health care needs an AI ecosystem",
        "miksi-tekoalyekosysteemi": "why-an-ai-ecosystem",
        "Viranomaiset, yritykset ja tutkijat tarvitsevat yhteisen paikan, jossa kokemukset tekoälyn käytöstä jaetaan.": "Authorities, companies and researchers need a shared place where experience with AI is exchanged.",
        "Rohkeasti eteenpäin kokeilemalla": "Moving forward boldly by experimenting",
        "rohkeasti-kokeilemalla": "boldly-by-experimenting",
        "Selvityksen suositus on edetä rohkeasti kokeilemalla. Kokeilut arvioivat vaikutuksiaan THL:n arviointiohjeen mukaisesti.": "The report recommends moving forward boldly by experimenting. The pilots evaluate their impacts following THL's evaluation guidance.",
        "Uutiskirje marraskuu 2024": "Newsletter November 2024",
        "marraskuu-2024": "november-2024",
        "Ideahaku päättyi 25.10.2024. STM päättää marraskuussa, mitkä ehdotukset jatkavat.": "The call closed on 25 October 2024. The Ministry decides in November which proposals continue.",
        "Ideahaku päättyi": "The call has closed",
        "Ehdotuksia kerättiin 16.9.–25.10.2024.": "Proposals were collected from 16 September to 25 October 2024.",
        "Miksi ekosysteemi tarvitaan": "Why an ecosystem is needed",
        "Koordinaatioryhmän blogi.": "A blog post by the coordination group.",
        "Uutiskirje joulukuu 2024": "Newsletter December 2024",
        "joulukuu-2024": "december-2024",
        "Juridisten tulkintojen selvitys julkaistiin joulukuussa 2024.": "The legal-interpretations study was published in December 2024.",
        "Ideahaun tulokset": "Results of the call",
        "50 hakemusta, haettu yhteensä 10 M€.": "50 applications, 10 M€ requested in total.",
        "Juridisten tulkintojen selvitys julkaistu": "Legal-interpretations study published",
        "Selvitys ja suositukset yhteisistä tulkinnoista hyvinvointialueille.": "A study and recommendations on common interpretations for the wellbeing services counties.",
        "Käyttötapausluettelo": "The use-case catalogue",
        "Tekoälyn käyttötapaukset kuudessa luokassa.": "AI use cases in six categories.",
        "Uutiskirje tammikuu 2025": "Newsletter January 2025",
        "tammikuu-2025": "january-2025",
        "10 tekoälykokeilua käynnistyy hyvinvointialueilla ja HUSissa.": "10 AI pilots start in the wellbeing services counties and HUS.",
        "Kokeilut alkavat tammikuussa 2025.": "The pilots begin in January 2025.",
        "AI-aamu 22.1.2025": "AI-aamu 22 January 2025",
        "DigiFinlandin AI-hanke AI-aamu-webinaarissa.": "DigiFinland's AI project at the AI-aamu webinar.",
        "Uutiskirje helmikuu 2025": "Newsletter February 2025",
        "helmikuu-2025": "february-2025",
        "Tekoälyn visiotyö käynnistyy alkuvuonna 2025.": "Work on an AI vision starts in early 2025.",
        "Blogi kokeilujen arvioinnista.": "A blog post on evaluating the pilots.",
        "Selvitys Tekoäly hyvinvointialueilla": "The report AI in the wellbeing services counties",
        "Noin 50 käyttötapausta kuudessa luokassa.": "About 50 use cases in six categories.",
    },
}


def _body(intro: str) -> list:
    return [("paragraph", f"<p>{intro}</p>")]


def _articles(ctx: DemoContext, index, model, topic_model, specs) -> None:
    for spec in specs:
        if index.get_children().filter(slug=spec["slug"]).exists():
            page = index.get_children().get(slug=spec["slug"]).specific
        else:
            page = model(
                title=spec["title"],
                slug=spec["slug"],
                author=spec.get("author", "SOTE-tekoälyn ekosysteemi"),
                date=spec["date"],
                intro=spec["intro"],
                body=_body(spec["intro"]),
                locale=index.locale,
            )
            page.topics = [
                topic_model(theme=theme)
                for theme in Theme.objects.filter(slug__in=spec["themes"], locale=index.locale)
            ]
            index.add_child(instance=page)
            page.save_revision(user=ctx.user).publish(user=ctx.user)
            ctx.note(spec["slug"])
        translate_all(page, STRINGS, user=ctx.user)


def _find(home, path: str):
    """The Finnish page at ``path`` (slugs under the home page), or None."""
    page = home
    for slug in path.split("/"):
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            return None
    return page


def load_publications(ctx: DemoContext) -> None:
    home = ctx.home
    indexes = {}
    for slug, (model, title, intro) in INDEXES.items():
        extra = {}
        if model is BlogIndexPage:
            extra = {"guidance_heading": BLOG_GUIDANCE_HEADING, "guidance": BLOG_GUIDANCE}
        page, created = ensure_page(
            home, model, slug, title=title, intro=intro, show_in_menus=slug != "uutiskirje", **extra
        )
        if created:
            ctx.note(slug)
        translate_all(page, STRINGS, user=ctx.user)
        indexes[slug] = page

    _articles(ctx, indexes["uutiset"], NewsPage, NewsTopic, NEWS)
    _articles(ctx, indexes["blogi"], BlogPage, BlogTopic, BLOG)

    archive = indexes["uutiskirje"]
    for slug, title, issue_date, intro, items in ISSUES:
        issue = archive.get_children().filter(slug=slug).first()
        if issue is None:
            issue = NewsletterIssuePage(
                title=title, slug=slug, issue_date=issue_date, intro=intro, locale=archive.locale
            )
            rows = []
            for column, headline, teaser, target in items:
                link_page = _find(home, target) if target and "://" not in target else None
                rows.append(
                    NewsletterItem(
                        column=column,
                        headline=headline,
                        teaser=teaser,
                        link_page=link_page,
                        link_url=target if "://" in target else "",
                    )
                )
            issue.items = rows
            archive.add_child(instance=issue)
            issue.save_revision(user=ctx.user).publish(user=ctx.user)
            ctx.note(slug)
        translate_all(issue.specific, STRINGS, user=ctx.user)
