"""The relevance set: queries, the pages that should answer them, and the metrics.

Each case: (language, query, expected slugs, needs_voikko), written from the visitor's side
(natural multi-word queries, inflected forms, compounds, use cases, members, how to join). Any
expected slug in the top three counts as a success; the first is the best answer (graded higher
in nDCG). When a case has one right answer, or its best answer is a listed item (a use case, a
member organisation: ``slug#anchor``), that answer must come first on every backend.
``needs_voikko`` cases rely on Finnish morphology (base forms of irregular inflections, compound
parts) and are left out of the set that runs without Voikko.

The slugs are those of the demo content (pilots, reports, news, events, newsletters, the use-case
catalogue, members and the standard pages); no synthetic corpus is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

LAAKITYS_FI = "tekoalyavusteisen-laakitysriskinarviointityokalun-kehittaminen-ja-kayttoonotto"

UC_FI, UC_SV, UC_EN = "kayttotapaukset#", "anvandningsfall#", "use-cases#"
ORG_FI, ORG_SV, ORG_EN = "jasenet#org-", "medlemmar#org-", "members#org-"
TULKKAUS_FI = "tekoalypohjainen-reaaliaikainen-tulkkausratkaisu"
LIHAVUUS_FI = (
    "tekoalypohjaisilla-tyokaluilla-50-tuottavuuden-kasvu-digitaaliseen-lihavuuden-hoitoon"
)
LAPSI_FI = "ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi"
LAKEMEDEL_SV = (
    "utveckling-och-inforande-av-ett-ai-assisterat-verktyg-for-bedomning-av-lakemedelsrisker"
)
BARN_SV = "ai-assisterad-sammanstallning-av-bedomningen-av-ett-barns-servicebehov"
FUNKTION_SV = "ai-baserad-forutsagelse-av-forandringar-i-funktionsformagan"
MEDICATION_EN = "developing-and-deploying-an-ai-assisted-medication-risk-assessment-tool"
CHILD_EN = "ai-assisted-compilation-of-a-childs-service-need-assessment"

CASES: list[tuple[str, str, list[str], bool]] = [
    # --- Finnish: inflected forms and compounds over the demo content
    (
        "fi",
        "hyvinvointialueella",
        [
            "tekoaly-hyvinvointialueilla",
            "kayttotapaukset-ja-lainsaadanto",
            "automaattiset-aptj-kirjaukset-hyvinvointialueella",
        ],
        False,
    ),
    (
        "fi",
        "hyvinvointialue",
        [
            "tekoaly-hyvinvointialueilla",
            "kayttotapaukset-ja-lainsaadanto",
            "automaattiset-aptj-kirjaukset-hyvinvointialueella",
        ],
        True,
    ),
    # "Opit kokeiluista" is the page titled with the very word form; for the base form the
    # listing of the pilots (Tekoälykokeilut) is the answer, the lessons and news next.
    (
        "fi",
        "kokeiluista",
        ["opit", "kokeilut", "kokeilu-kaynnistyi-lastensuojelussa", "kymmenen-kokeilua-kaynnistyy"],
        False,
    ),
    (
        "fi",
        "kokeilu",
        ["kokeilut", "opit", "kokeilu-kaynnistyi-lastensuojelussa", "kymmenen-kokeilua-kaynnistyy"],
        False,
    ),
    ("fi", "tekoälykokeilut", ["kokeilut", "kymmenen-kokeilua-kaynnistyy"], False),
    ("fi", "jäsenorganisaatioiden", ["jasenet"], False),
    ("fi", "organisaatio", ["jasenet", "kumppanit"], True),
    ("fi", "jäsenet", ["jasenet", "liity-jaseneksi"], True),
    ("fi", "liity jäseneksi", ["liity-jaseneksi", "jasenet"], False),
    ("fi", "miten liityn jäseneksi", ["liity-jaseneksi", "jasenet"], True),
    ("fi", "jäseneksi liittyminen", ["liity-jaseneksi", "jasenet"], True),
    (
        "fi",
        '"reaaliaikainen tulkkaus"',
        [UC_FI + "reaaliaikainen-tulkkaus", "lingai-reaaliaikainen-tulkkaus", TULKKAUS_FI],
        False,
    ),
    ("fi", "tulkkausratkaisu", [TULKKAUS_FI], False),
    (
        "fi",
        "lääkitysriskien arviointi",
        [LAAKITYS_FI, UC_FI + "laakitysriskien-tunnistaminen"],
        True,
    ),
    ("fi", "lääkitysturvallisuus", [LAAKITYS_FI, UC_FI + "laakitysriskien-tunnistaminen"], True),
    ("fi", "lääkitysris", [LAAKITYS_FI, UC_FI + "laakitysriskien-tunnistaminen"], False),
    ("fi", "assistentti", ["ammattilaisen-ai-assistentti"], False),
    ("fi", "syöpä", ["tekoaly-syovan-pet-kuvantamisessa", UC_FI + "pet-kuvantaminen"], True),
    (
        "fi",
        "PET-kuvantaminen",
        [
            "tekoaly-syovan-pet-kuvantamisessa",
            UC_FI + "pet-kuvantaminen",
            "ensimmaiset-pet-aineistot-analysoitu",
        ],
        False,
    ),
    ("fi", "lihavuuden hoito", [LIHAVUUS_FI], False),
    ("fi", "lihavuus", [LIHAVUUS_FI], True),
    ("fi", "lapsen palvelutarve", [LAPSI_FI, UC_FI + "lapsen-palvelutarve"], False),
    ("fi", "lastensuojelu", ["kokeilu-kaynnistyi-lastensuojelussa", LAPSI_FI], True),
    (
        "fi",
        "toimintakyky",
        ["ai-pohjainen-toimintakyvyn-muutoksen-ennakointi", UC_FI + "toimintakyvyn-ennakointi"],
        True,
    ),
    (
        "fi",
        "riskitiedot",
        [
            "asiakkaan-tausta-ja-riskitietojen-ai-pohjainen-koostaminen",
            UC_FI + "taustatietojen-koostaminen",
        ],
        True,
    ),
    (
        "fi",
        "lainsäädäntö",
        ["lainsaadantotarpeet", "kayttotapaukset-ja-lainsaadanto", "juridiikan-tyoryhma"],
        True,
    ),
    ("fi", "uutiskirje", ["uutiskirje", "tilaa-uutiskirje"], False),
    ("fi", "tilaa uutiskirje", ["tilaa-uutiskirje", "uutiskirje"], False),
    ("fi", "uutiskirjeen tilaaminen", ["tilaa-uutiskirje", "uutiskirje"], True),
    ("fi", "tapahtumat", ["tapahtumat"], False),
    ("fi", "AI-aamu", ["ai-aamu", "tapahtumat"], False),
    ("fi", "saavutettavuusseloste", ["saavutettavuusseloste"], False),
    ("fi", "tietosuoja", ["tietosuoja"], False),
    ("fi", "osallistu", ["osallistu"], False),
    ("fi", "ekosysteemistä", ["tietoa"], False),
    ("fi", "blogi", ["blogi"], False),
    ("fi", "selvitykset", ["selvitykset"], False),
    ("fi", "ideahaku", ["ideahaku-2024", "ideahaun-tulokset"], False),
    ("fi", "kokeilujen rahoitus", ["kokeilurahoitus-avautuu", "ideahaku-2024"], True),
    ("fi", "työryhmät", ["tyoryhmat"], False),
    ("fi", "juridiikan työryhmä", ["juridiikan-tyoryhma"], False),
    ("fi", "vertaisryhmä", ["kokeilujen-vertaisryhma"], False),
    ("fi", "kumppanit", ["kumppanit"], False),
    ("fi", "Innokylä", ["innokyla"], False),
    ("fi", "Wenla", ["wenla"], False),
    ("fi", "ehdota yhteishanketta", ["ehdota-yhteishanketta"], False),
    ("fi", "ilmoita tapahtumasta", ["ilmoita-tapahtumasta"], False),
    (
        "fi",
        "vastuullinen tekoäly",
        ["vastuullinen-tekoaly-julkisella-sektorilla", "ai-aamu-tuleva-3"],
        False,
    ),
    (
        "fi",
        "käyttötapaukset",
        ["kayttotapaukset", "kayttotapaukset-ja-lainsaadanto", "tekoaly-hyvinvointialueilla"],
        False,
    ),
    # the catalogue's use cases, each at its own anchor: the use case before the pages that
    # mention it
    ("fi", "hoitajakuiskaaja", [UC_FI + "hoitajakuiskaaja"], False),
    ("fi", "oirearvio ja palveluohjaus", [UC_FI + "oirearvio-ja-palveluohjaus"], False),
    ("fi", "röntgenkuvien esiluenta", [UC_FI + "kuvien-esiluenta"], False),
    ("fi", "röntgenkuva", [UC_FI + "kuvien-esiluenta"], True),
    ("fi", "henkilöstöresurssien suunnittelu", [UC_FI + "resurssien-suunnittelu"], False),
    ("fi", "työvuorosuunnittelu", [UC_FI + "resurssien-suunnittelu"], True),
    ("fi", "tietojohtamisen raportointi", [UC_FI + "tietojohtamisen-raportointi"], False),
    (
        "fi",
        "automaattinen kirjaaminen",
        [UC_FI + "automaattinen-kirjaaminen", "automaattiset-aptj-kirjaukset-hyvinvointialueella"],
        False,
    ),
    ("fi", "lomakkeet ja lausunnot", [UC_FI + "lomakkeet-ja-lausunnot"], False),
    ("fi", "ammattilaisen tukitekoäly", [UC_FI + "ammattilaisen-tukitekoaly"], False),
    (
        "fi",
        "lääkitysriskien tunnistaminen",
        [UC_FI + "laakitysriskien-tunnistaminen", LAAKITYS_FI],
        False,
    ),
    ("fi", "palvelutarpeen ennakointi", [UC_FI + "palvelutarpeen-ennakointi"], False),
    # member organisations, each at its card in the directory
    ("fi", "Terveyden ja hyvinvoinnin laitos", [ORG_FI + "thl"], False),
    ("fi", "Tampereen yliopisto", [ORG_FI + "tampereen-yliopisto"], False),
    ("fi", "Pirkanmaan hyvinvointialue", [ORG_FI + "pirkanmaan-hyvinvointialue"], False),
    # --- Swedish
    ("sv", "läkemedelsrisker", [LAKEMEDEL_SV, UC_SV + "laakitysriskien-tunnistaminen"], False),
    (
        "sv",
        "välfärdsområdena",
        ["anvandningsfall-och-lagstiftning", "ai-i-valfardsomradena"],
        False,
    ),
    ("sv", "DigiFinlands AI-projekt", ["ai-aamu-digifinlandin-ai-hanke"], False),
    ("sv", "tillgänglighetsutlåtande", ["tillganglighetsutlatande"], False),
    ("sv", "dataskydd", ["dataskydd"], False),
    ("sv", "delta", ["delta"], False),
    ("sv", "evenemang", ["evenemang"], False),
    ("sv", "bli medlem", ["bli-medlem", "medlemmar"], False),
    ("sv", "hur blir man medlem", ["bli-medlem", "medlemmar"], False),
    ("sv", "medlemsorganisationer", ["medlemmar"], False),
    ("sv", "prenumerera på nyhetsbrevet", ["prenumerera", "nyhetsbrev"], False),
    ("sv", "nyhetsbrev", ["nyhetsbrev", "prenumerera"], False),
    ("sv", "AI-försök", ["forsok", "tio-forsok-inleds"], False),
    ("sv", "lärdomar", ["lardomar"], False),
    (
        "sv",
        "tolkning i realtid",
        [
            UC_SV + "reaaliaikainen-tulkkaus",
            "lingai-tolkning-i-realtid",
            "ai-baserad-losning-for-tolkning-i-realtid",
        ],
        False,
    ),
    ("sv", "skötarviskaren", [UC_SV + "hoitajakuiskaaja"], False),
    ("sv", "symtombedömning", [UC_SV + "oirearvio-ja-palveluohjaus"], False),
    ("sv", "förgranskning av röntgenbilder", [UC_SV + "kuvien-esiluenta"], False),
    ("sv", "röntgenbild", [UC_SV + "kuvien-esiluenta"], False),
    ("sv", "planering av personalresurser", [UC_SV + "resurssien-suunnittelu"], False),
    ("sv", "automatisk dokumentation", [UC_SV + "automaattinen-kirjaaminen"], False),
    ("sv", "blanketter och utlåtanden", [UC_SV + "lomakkeet-ja-lausunnot"], False),
    (
        "sv",
        "fetmabehandling",
        ["50-hogre-produktivitet-i-digital-fetmabehandling-med-ai-baserade-verktyg"],
        False,
    ),
    ("sv", "cancer", ["ai-i-pet-avbildning-av-cancer", UC_SV + "pet-kuvantaminen"], False),
    ("sv", "barnskyddet", ["forsoket-inleddes-inom-barnskyddet", BARN_SV], False),
    ("sv", "barns servicebehov", [BARN_SV, UC_SV + "lapsen-palvelutarve"], False),
    ("sv", "funktionsförmåga", [FUNKTION_SV, UC_SV + "toimintakyvyn-ennakointi"], False),
    ("sv", "arbetsgrupper", ["arbetsgrupper"], False),
    ("sv", "arbetsgruppen för juridik", ["juridik"], False),
    ("sv", "kamratgrupp", ["kamratgrupp-ai-forsok"], False),
    ("sv", "partner", ["partner"], False),
    ("sv", "Innokylä", ["innokyla"], False),
    ("sv", "utredningar", ["utredningar"], False),
    (
        "sv",
        "användningsfall",
        ["anvandningsfall", "anvandningsfall-och-lagstiftning", "ai-i-valfardsomradena"],
        False,
    ),
    ("sv", "lagstiftningsbehov", ["lagstiftningsbehov"], False),
    (
        "sv",
        "ansvarsfull AI",
        ["vastuullinen-tekoaly-julkisella-sektorilla", "ai-aamu-tuleva-3"],
        False,
    ),
    ("sv", "idésökning", ["idesokning-2024", "ideutlysningens-resultat"], False),
    ("sv", "blogg", ["blogg"], False),
    ("sv", "om ekosystemet", ["om"], False),
    ("sv", "föreslå ett gemensamt projekt", ["foresla-gemensamt-projekt"], False),
    ("sv", "Åbo Akademi", [ORG_SV + "abo-akademi"], False),
    # --- English
    ("en", "medication risks", [MEDICATION_EN, UC_EN + "laakitysriskien-tunnistaminen"], False),
    (
        "en",
        "wellbeing services counties",
        ["ai-use-cases-and-legislation", "ai-in-the-wellbeing-services-counties"],
        False,
    ),
    (
        "en",
        "obesity",
        ["a-50-productivity-gain-in-digital-obesity-care-with-ai-based-tools"],
        False,
    ),
    ("en", "cancer imaging", ["ai-in-cancer-pet-imaging", UC_EN + "pet-kuvantaminen"], False),
    ("en", "legislation", ["legislative-needs", "legal", "ai-use-cases-and-legislation"], False),
    ("en", "funding call", ["call-results", "call-for-ideas-2024"], False),
    ("en", "privacy", ["privacy"], False),
    ("en", "accessibility", ["accessibility-statement"], False),
    ("en", "get involved", ["get-involved"], False),
    ("en", "newsletter", ["newsletter", "subscribe"], False),
    ("en", "events", ["events"], False),
    ("en", "reports", ["reports"], False),
    ("en", "join as a member", ["join", "members"], False),
    ("en", "how do I become a member", ["join", "members"], False),
    ("en", "member organisations", ["members"], False),
    ("en", "subscribe to the newsletter", ["subscribe", "newsletter"], False),
    ("en", "AI pilots", ["pilots", "ten-pilots-start"], False),
    ("en", "lessons from the pilots", ["lessons-learned"], False),
    (
        "en",
        "real-time interpretation",
        [
            UC_EN + "reaaliaikainen-tulkkaus",
            "lingai-real-time-interpretation",
            "ai-based-real-time-interpretation-solution",
        ],
        False,
    ),
    ("en", "nurse whisperer", [UC_EN + "hoitajakuiskaaja"], False),
    ("en", "symptom assessment", [UC_EN + "oirearvio-ja-palveluohjaus"], False),
    ("en", "pre-reading of x-ray images", [UC_EN + "kuvien-esiluenta"], False),
    ("en", "staff resource planning", [UC_EN + "resurssien-suunnittelu"], False),
    ("en", "automatic documentation", [UC_EN + "automaattinen-kirjaaminen"], False),
    ("en", "forms and statements", [UC_EN + "lomakkeet-ja-lausunnot"], False),
    (
        "en",
        "identifying medication risks",
        [UC_EN + "laakitysriskien-tunnistaminen", MEDICATION_EN],
        False,
    ),
    ("en", "child welfare", ["the-pilot-started-in-child-welfare", CHILD_EN], False),
    (
        "en",
        "functional capacity",
        [
            "ai-based-prediction-of-changes-in-functional-capacity",
            UC_EN + "toimintakyvyn-ennakointi",
        ],
        False,
    ),
    ("en", "working groups", ["working-groups"], False),
    ("en", "legal working group", ["legal"], False),
    ("en", "peer group", ["ai-pilots-peer-group"], False),
    ("en", "partners", ["partners"], False),
    ("en", "Wenla", ["wenla"], False),
    (
        "en",
        "responsible AI",
        ["vastuullinen-tekoaly-julkisella-sektorilla", "ai-aamu-tuleva-3"],
        False,
    ),
    ("en", "call for ideas", ["call-for-ideas-2024", "call-results"], False),
    ("en", "blog", ["blog"], False),
    ("en", "about the ecosystem", ["about"], False),
    ("en", "propose a joint project", ["propose-joint-project"], False),
    ("en", "announce an event", ["announce-event"], False),
    (
        "en",
        "use cases",
        ["use-cases", "ai-use-cases-and-legislation", "ai-in-the-wellbeing-services-counties"],
        False,
    ),
    (
        "en",
        "patient records",
        ["automatic-patient-record-entries-in-a-wellbeing-services-county"],
        False,
    ),
    ("en", "Helsingin yliopisto", [ORG_EN + "helsingin-yliopisto"], False),
]


def cases(with_voikko: bool) -> list[tuple[str, str, list[str]]]:
    """The cases that run with (all) or without Voikko (those not marked ``needs_voikko``)."""
    return [(lang, q, exp) for lang, q, exp, needs in CASES if with_voikko or not needs]


def slug_of(url: str) -> str:
    """The last path segment of a result's URL, or ``slug#anchor`` for a listed item."""
    path, _, anchor = url.partition("#")
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    return f"{slug}#{anchor}" if anchor else slug


def _gain(slug: str, expected: list[str]) -> float:
    """Graded relevance: the page that must come first 2, the other good answers 1."""
    if not expected or slug not in expected:
        return 0.0
    return 2.0 if slug == expected[0] else 1.0


def ndcg(slugs: list[str], expected: list[str], k: int = 10) -> float:
    """Normalised discounted cumulative gain of the top ``k``."""
    dcg = sum(_gain(s, expected) / math.log2(i + 2) for i, s in enumerate(slugs[:k]))
    ideal = sorted((_gain(s, expected) for s in expected), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


@dataclass
class Scores:
    """The measures of one run over some queries."""

    queries: int
    success_at_3: float
    mrr: float
    ndcg_at_10: float


def scores(ranked: list[tuple[list[str], list[str]]]) -> Scores:
    """success@3, MRR and nDCG@10 of (ranked slugs, expected slugs) pairs."""
    if not ranked:
        return Scores(0, 0.0, 0.0, 0.0)
    successes, reciprocal, gains = 0, 0.0, 0.0
    for slugs, expected in ranked:
        if any(s in expected for s in slugs[:3]):
            successes += 1
        for position, slug in enumerate(slugs, start=1):
            if slug in expected:
                reciprocal += 1 / position
                break
        gains += ndcg(slugs, expected)
    n = len(ranked)
    return Scores(n, successes / n, reciprocal / n, gains / n)


def metrics(ranked: list[tuple[list[str], list[str]]]) -> tuple[float, float]:
    """success@3 and MRR of (ranked slugs, expected slugs) pairs."""
    measured = scores(ranked)
    return measured.success_at_3, measured.mrr


@dataclass
class Run:
    """Every query of a run, ranked, with the misses of the top result."""

    by_lang: dict[str, list[tuple[list[str], list[str]]]] = field(default_factory=dict)
    wrong_top: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)

    def scores(self) -> dict[str, Scores]:
        return {lang: scores(ranked) for lang, ranked in sorted(self.by_lang.items())}


def must_be_first(expected: list[str]) -> bool:
    """A query with one right answer, or naming a listed item (a use case, a member): that
    answer must come first on every backend. Where several pages answer equally well
    ("kokeilu": the pilots, the lessons from them, the news of them starting), backends may break
    the tie differently and success@3 is the measure."""
    return len(expected) == 1 or "#" in expected[0]


def run_cases(search, selected: list[tuple[str, str, list[str]]]) -> Run:
    """Ask ``search(query, lang) -> [url, …]`` every selected case."""
    run = Run()
    for lang, query, expected in selected:
        slugs = [slug_of(url) for url in search(query, lang)]
        run.by_lang.setdefault(lang, []).append((slugs, expected))
        if must_be_first(expected) and (not slugs or slugs[0] != expected[0]):
            run.wrong_top.append((lang, query, slugs[:3], expected))
    return run
