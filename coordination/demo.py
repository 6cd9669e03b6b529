"""Demo content for pilot coordination: the register and lessons pages, five legislative needs,
and (when the pilots app's demo has created pilot pages) milestones and progress reports.

Pilots are found by their Finnish titles from shared/CONTENT.md; with no pilots, only the pages
and the needs (without a pilot) are made. Reports cover the last three complete months before
the day the demo is loaded, so the dashboard shows an at-risk and an overdue pilot.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from cms.demo_content import DemoContext, ensure_page, ensure_snippet, translate_all

from . import periods, services
from .models import (
    LegislativeNeed,
    LegislativeNeedsPage,
    LessonsLearnedPage,
    Milestone,
    ProgressReport,
    ReportMeasurement,
    default_locale_pilots,
)

REGISTER = {
    "slug": "lainsaadantotarpeet",
    "title": "Lainsäädännön kehittämistarpeet",
    "intro": (
        "Kokeilut raportoivat havaitsemansa lainsäädännön kehittämistarpeet sosiaali- ja "
        "terveysministeriölle. Rekisteri näyttää tarpeet ja ministeriön käsittelyn tilan."
    ),
    "sv": {
        "lainsaadantotarpeet": "lagstiftningsbehov",
        "Lainsäädännön kehittämistarpeet": "Behov av att utveckla lagstiftningen",
        "Kokeilut raportoivat havaitsemansa lainsäädännön kehittämistarpeet sosiaali- ja "
        "terveysministeriölle. Rekisteri näyttää tarpeet ja ministeriön käsittelyn tilan.": (
            "Försöken rapporterar de behov av att utveckla lagstiftningen som de upptäcker till "
            "social- och hälsovårdsministeriet. Registret visar behoven och hur ministeriet "
            "behandlar dem."
        ),
    },
    "en": {
        "lainsaadantotarpeet": "legislative-needs",
        "Lainsäädännön kehittämistarpeet": "Legislative development needs",
        "Kokeilut raportoivat havaitsemansa lainsäädännön kehittämistarpeet sosiaali- ja "
        "terveysministeriölle. Rekisteri näyttää tarpeet ja ministeriön käsittelyn tilan.": (
            "The pilots report the legislative development needs they find to the Ministry of "
            "Social Affairs and Health. The register shows the needs and how the Ministry is "
            "handling them."
        ),
    },
}

LESSONS = {
    "slug": "opit",
    "title": "Opit kokeiluista",
    "intro": "Kokeilujen opit koottuna teemoittain: mikä toimi, mikä ei ja mitä kannattaa huomata.",
    "sv": {
        "opit": "lardomar",
        "Opit kokeiluista": "Lärdomar från försöken",
        "Kokeilujen opit koottuna teemoittain: mikä toimi, mikä ei ja mitä kannattaa huomata.": (
            "Försökens lärdomar samlade per tema: vad fungerade, vad fungerade inte och vad man "
            "bör tänka på."
        ),
    },
    "en": {
        "opit": "lessons-learned",
        "Opit kokeiluista": "Lessons from the pilots",
        "Kokeilujen opit koottuna teemoittain: mikä toimi, mikä ei ja mitä kannattaa huomata.": (
            "The pilots' lessons by theme: what worked, what did not, and what to watch for."
        ),
    },
}

# (pilot title, fields in Finnish, {"sv": {...}, "en": {...}} for the translatable fields)
NEEDS = [
    (
        "Automaattiset APTJ-kirjaukset hyvinvointialueella",
        {
            "topic": "records",
            "law": "Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä (703/2023)",
            "description": (
                "Tekoälyn tuottaman kirjausluonnoksen asema potilasasiakirjassa on epäselvä: kuka "
                "on merkinnän tekijä, kun ammattilainen hyväksyy luonnoksen."
            ),
            "consequence": "Jokainen luonnos tarkistetaan erikseen, mikä hidastaa käyttöönottoa.",
            "proposal": "Täsmennetään, että ammattilaisen hyväksymä luonnos on hänen merkintänsä.",
            "raised_by": "Länsi-Uudenmaan hyvinvointialue",
            "raised_on": dt.date(2025, 3, 12),
            "handling_status": "under_review",
            "public_response": "Ministeriö selvittää asiaa tulkintaohjeen päivityksen yhteydessä.",
        },
        {
            "sv": [
                "Lagen om behandling av klientuppgifter inom social- och hälsovården (703/2023)",
                "Det är oklart vilken ställning ett journalutkast som AI har skrivit har i "
                "journalen: vem är anteckningens upphovsperson när en yrkesperson godkänner "
                "utkastet.",
                "Varje utkast granskas separat, vilket fördröjer ibruktagandet.",
                "Det preciseras att ett utkast som en yrkesperson har godkänt är hans eller "
                "hennes anteckning.",
                "Västra Nylands välfärdsområde",
                "Ministeriet utreder frågan i samband med att tolkningsanvisningen uppdateras.",
            ],
            "en": [
                "Act on the Processing of Client Data in Healthcare and Social Welfare (703/2023)",
                "The status in the patient record of an entry drafted by AI is unclear: who is "
                "the author of the entry when a professional approves the draft.",
                "Every draft is checked separately, which slows down the roll-out.",
                "Clarify that a draft approved by a professional is that professional's entry.",
                "Western Uusimaa Wellbeing Services County",
                "The Ministry is looking into this as it updates its interpretation guidance.",
            ],
        },
    ),
    (
        "LingAI-reaaliaikainen tulkkaus",
        {
            "topic": "data_protection",
            "law": "EU:n yleinen tietosuoja-asetus (2016/679)",
            "description": (
                "Puheen reaaliaikainen käsittely pilvipalvelussa edellyttää henkilötietojen "
                "siirtoa palveluntarjoajalle."
            ),
            "consequence": "Kokeilu rajattiin aluksi tilanteisiin, joissa asiakas antaa luvan.",
            "proposal": "Kansallinen ohje tulkkauksen henkilötietojen käsittelyn perusteesta.",
            "raised_by": "Pohjanmaan hyvinvointialue",
            "raised_on": dt.date(2025, 2, 20),
            "handling_status": "acted_on",
            "public_response": "Asia on otettu huomioon tekoälyn tulkintasuositusten päivityksessä.",
        },
        {
            "sv": [
                "EU:s allmänna dataskyddsförordning (2016/679)",
                "Realtidsbehandling av tal i en molntjänst förutsätter att personuppgifter "
                "överförs till tjänsteleverantören.",
                "Försöket begränsades till en början till situationer där klienten ger sitt "
                "tillstånd.",
                "En nationell anvisning om grunden för behandling av personuppgifter vid tolkning.",
                "Österbottens välfärdsområde",
                "Frågan har beaktats när tolkningsrekommendationerna om AI uppdaterades.",
            ],
            "en": [
                "EU General Data Protection Regulation (2016/679)",
                "Processing speech in real time in a cloud service requires transferring "
                "personal data to the service provider.",
                "At first the pilot was limited to situations where the client gives permission.",
                "National guidance on the legal basis for processing personal data in "
                "interpretation.",
                "Ostrobothnia Wellbeing Services County",
                "This has been taken into account in the update of the AI interpretation "
                "recommendations.",
            ],
        },
    ),
    (
        "Tekoälyavusteisen lääkitysriskinarviointityökalun kehittäminen ja käyttöönotto",
        {
            "topic": "ai_act",
            "law": "EU:n tekoälysäädös (2024/1689) ja lääkinnällisten laitteiden asetus (2017/745)",
            "description": (
                "On epäselvää, milloin riskinarviointityökalu on lääkinnällinen laite ja "
                "suuririskinen tekoälyjärjestelmä."
            ),
            "consequence": "Työkalua käytetään vain päätöksenteon tukena.",
            "proposal": "Viranomaisten yhteinen ohje rajanvedosta.",
            "raised_by": "Pohjois-Savon hyvinvointialue",
            "raised_on": dt.date(2025, 4, 2),
            "handling_status": "under_review",
            "public_response": "",
        },
        {
            "sv": [
                "EU:s AI-förordning (2024/1689) och förordningen om medicintekniska produkter "
                "(2017/745)",
                "Det är oklart när ett verktyg för riskbedömning är en medicinteknisk produkt "
                "och ett AI-system med hög risk.",
                "Verktyget används endast som stöd för beslutsfattandet.",
                "En gemensam anvisning från myndigheterna om gränsdragningen.",
                "Norra Savolax välfärdsområde",
            ],
            "en": [
                "EU AI Act (2024/1689) and the Medical Device Regulation (2017/745)",
                "It is unclear when a risk-assessment tool is a medical device and a high-risk "
                "AI system.",
                "The tool is used only to support decisions.",
                "Joint guidance from the authorities on where the line is drawn.",
                "North Savo Wellbeing Services County",
            ],
        },
    ),
    (
        "Tekoälypohjaisilla työkaluilla 50 % tuottavuuden kasvu digitaaliseen lihavuuden hoitoon",
        {
            "topic": "secondary_use",
            "law": "Laki sosiaali- ja terveystietojen toissijaisesta käytöstä (552/2019)",
            "description": (
                "Mallin jatkokehittäminen hoitotiedoilla on toissijaista käyttöä, jonka "
                "luvittaminen on raskasta."
            ),
            "consequence": "Mallia ei voi kouluttaa kokeilun aikana kertyvällä aineistolla.",
            "proposal": "Kevyempi menettely palvelun oman laadun kehittämiselle.",
            "raised_by": "HUS-yhtymä",
            "raised_on": dt.date(2025, 3, 28),
            "handling_status": "new",
            "public_response": "",
        },
        {
            "sv": [
                "Lagen om sekundär användning av personuppgifter inom social- och hälsovården "
                "(552/2019)",
                "Att vidareutveckla modellen med vårddata är sekundär användning, och tillstånden "
                "är tunga att få.",
                "Modellen kan inte tränas med data som samlas under försöket.",
                "Ett lättare förfarande för att utveckla tjänstens egen kvalitet.",
                "HUS-sammanslutningen",
            ],
            "en": [
                "Act on the Secondary Use of Health and Social Data (552/2019)",
                "Developing the model further with care data is secondary use, and the permits "
                "are heavy to obtain.",
                "The model cannot be trained with data gathered during the pilot.",
                "A lighter procedure for improving the quality of the service itself.",
                "HUS Group",
            ],
        },
    ),
    (
        "AI-avusteisesti koostettu lapsen palvelutarpeen arviointi",
        {
            "topic": "professional",
            "law": "Sosiaalihuoltolaki (1301/2014)",
            "description": (
                "Palvelutarpeen arvioinnin tekee sosiaalityöntekijä; tekoälyn koostaman "
                "yhteenvedon asema päätöksenteossa pitää määritellä."
            ),
            "consequence": "Yhteenveto näytetään vain työntekijälle.",
            "proposal": "Ohjeistetaan, miten tekoälyn käyttö kirjataan asiakasasiakirjaan.",
            "raised_by": "Pirkanmaan hyvinvointialue",
            "raised_on": dt.date(2025, 2, 10),
            "handling_status": "not_pursued",
            "public_response": "Nykyinen sääntely riittää; asia ohjeistetaan alueellisesti.",
        },
        {
            "sv": [
                "Socialvårdslagen (1301/2014)",
                "Bedömningen av servicebehovet görs av en socialarbetare; vilken ställning en "
                "sammanfattning som AI har sammanställt har i beslutsfattandet måste definieras.",
                "Sammanfattningen visas endast för arbetstagaren.",
                "Det ges anvisningar om hur användningen av AI antecknas i klienthandlingen.",
                "Birkalands välfärdsområde",
                "Den nuvarande regleringen räcker; frågan ges anvisningar om regionalt.",
            ],
            "en": [
                "Social Welfare Act (1301/2014)",
                "The service-need assessment is made by a social worker; the role in decisions "
                "of a summary compiled by AI must be defined.",
                "The summary is shown only to the worker.",
                "Guidance on how the use of AI is recorded in the client record.",
                "Pirkanmaa Wellbeing Services County",
                "The current regulation is sufficient; guidance is given regionally.",
            ],
        },
    ),
]
TRANSLATED_FIELDS = [
    "law",
    "description",
    "consequence",
    "proposal",
    "raised_by",
    "public_response",
]

MILESTONES = [
    ("Hankesuunnitelma hyväksytty", dt.date(2025, 1, 31), dt.date(2025, 1, 28)),
    ("Tietosuojan vaikutustenarviointi valmis", dt.date(2025, 3, 15), dt.date(2025, 3, 20)),
    ("Ratkaisu käytössä ensimmäisessä yksikössä", dt.date(2025, 5, 31), None),
    ("Väliarviointi THL:n ohjeen mukaan", dt.date(2025, 9, 30), None),
    ("Loppuraportti DigiFinlandille", dt.date(2025, 12, 31), None),
]

REPORT_TEXT = {
    "on_track": (
        "Käyttöönotto etenee suunnitellusti ja henkilöstö on koulutettu.",
        "Ei uusia riskejä.",
        "Laajennetaan käyttö seuraavaan yksikköön.",
        "Kokeilu etenee suunnitellusti: ratkaisu on käytössä ja henkilöstö on koulutettu.",
    ),
    "on_track_public": (
        "Ratkaisu otettiin käyttöön ensimmäisessä yksikössä ja henkilöstö koulutettiin.",
        "Käyttäjien palaute ohjasi kehitystä: lyhyet, käytännönläheiset koulutukset toimivat "
        "parhaiten.",
        "Käyttö laajeni toiseen yksikköön; tuki käyttöönoton ensimmäisinä viikkoina osoittautui "
        "tärkeimmäksi.",
    ),
    "at_risk": (
        "Integraatio asiakastietojärjestelmään viivästyy toimittajan aikataulun vuoksi.",
        "Viive voi siirtää käyttöönottoa kuukaudella; varasuunnitelmana erillinen käyttöliittymä.",
        "Sovitaan toimittajan kanssa uusi aikataulu.",
        "Integraatio asiakastietojärjestelmään on vienyt arvioitua kauemmin; opimme, että "
        "integraatiot kannattaa sopia ennen kokeilun alkua.",
    ),
}


def _pages(ctx: DemoContext) -> None:
    for spec, model in ((REGISTER, LegislativeNeedsPage), (LESSONS, LessonsLearnedPage)):
        page, created = ensure_page(
            ctx.home, model, spec["slug"], title=spec["title"], intro=spec["intro"]
        )
        if created:
            ctx.note(spec["slug"])
        translate_all(page, {"sv": spec["sv"], "en": spec["en"]}, user=ctx.user)


def _needs(ctx: DemoContext, pilots: dict[str, object]) -> None:
    for title, fields, translations in NEEDS:
        fields = dict(fields)
        law = fields.pop("law")
        need, created = ensure_snippet(
            LegislativeNeed, {"law": law}, pilot=pilots.get(title), is_public=True, **fields
        )
        if created:
            ctx.note(f"need {law}")
        elif need.pilot_id is None and pilots.get(title) is not None:
            need.pilot = pilots[title]
            need.save(update_fields=["pilot"])
        source = [law] + [fields.get(name, "") for name in TRANSLATED_FIELDS[1:]]
        strings = {
            lang: {fi: text for fi, text in zip(source, values, strict=False) if fi}
            for lang, values in translations.items()
        }
        translate_all(need, strings, user=ctx.user)


def _milestones(ctx: DemoContext, pilots: list) -> None:
    for pilot in pilots:
        if pilot.milestones.exists():
            continue
        page = pilot.get_latest_revision_as_object()
        for order, (name, planned, done) in enumerate(MILESTONES):
            page.milestones.add(
                Milestone(
                    name=name,
                    planned_date=planned,
                    done_date=done,
                    status="done" if done else "planned",
                    sort_order=order,
                )
            )
        revision = page.save_revision(user=ctx.user)
        if pilot.live:
            revision.publish(user=ctx.user)
        ctx.note(f"milestones {pilot.slug}")


def _report_figure(pilot, month_index: int) -> tuple[str, str, Decimal] | None:
    """The report's figure for the pilot's first indicator, moving from baseline to target.

    Named after an indicator the pilot really has, so approving the report records it on the
    public page; a pilot without indicators reports no figure.
    """
    indicator = next(iter(pilot.indicators.all()), None)
    if indicator is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    step = (indicator.target_value - indicator.baseline_value) * (month_index + 1) / 4
    return indicator.name, indicator.unit, (indicator.baseline_value + step).quantize(Decimal(1))


def _reports(ctx: DemoContext, pilots: list) -> None:
    today = timezone.localdate()
    last = periods.last_complete_period(today)
    if last is None:
        return
    months = [last]
    for _i in range(2):
        previous = periods.period_containing(months[-1].start - dt.timedelta(days=1))
        if previous is None:
            break
        months.append(previous)
    months.reverse()  # oldest first
    # (pilot index, statuses per month; None = no report, "submitted:<status>" = not approved)
    plans = [
        (0, ["on_track", "on_track", "on_track"]),
        (1, ["on_track", "at_risk", "submitted:at_risk"]),
        (2, ["on_track", "on_track", None]),  # the last period's report is missing: overdue
    ]
    for index, statuses in plans:
        if index >= len(pilots):
            break
        pilot = pilots[index]
        for month_index, (period, plan) in enumerate(zip(months, statuses, strict=False)):
            if plan is None:
                continue
            state, _sep, status = plan.rpartition(":")
            state = state or "approved"
            summary, risks, next_steps, public = REPORT_TEXT[status]
            if status == "on_track":
                public = REPORT_TEXT["on_track_public"][month_index]
            report, created = ProgressReport.objects.get_or_create(
                pilot=pilot,
                period_start=period.start,
                defaults={
                    "period_end": period.end,
                    "overall_status": status,
                    "progress_summary": summary,
                    "risks": risks,
                    "next_steps": next_steps,
                    "budget_used": Decimal(40000 * (month_index + 1)),
                    "public_update_text": public,
                    "state": state,
                    "submitted_at": timezone.now(),
                    "approved_at": timezone.now() if state == "approved" else None,
                },
            )
            if not created:
                continue
            ctx.note(f"report {pilot.slug} {period.start}")
            figure = _report_figure(pilot, month_index)
            if figure is not None:
                name, unit, value = figure
                ReportMeasurement.objects.create(
                    report=report, indicator_name=name, unit=unit, date=period.end, value=value
                )
            if state == "approved":
                services.apply_measurements(report)


def load(ctx: DemoContext) -> None:
    _pages(ctx)
    pilots = list(default_locale_pilots().order_by("title"))
    by_title = {p.title: p for p in pilots}
    _needs(ctx, by_title)
    if not pilots:
        return
    _milestones(ctx, pilots)
    _reports(ctx, pilots)
