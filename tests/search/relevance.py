"""The relevance set: queries, the pages that should answer them, and the metrics.

Each case: (language, query, expected slugs, needs_voikko). The first expected slug is the page
that must come first, on every backend (so SQLite and PostgreSQL agree on the top result); any
expected slug in the top three counts as a success. ``needs_voikko`` cases rely on Finnish
morphology (base forms of irregular inflections, compound parts) and are left out of the set
that runs without Voikko. Queries that several pages answer equally well (e.g. "tulkkaus": two
pilots and a news item) are left out because the backends may order such ties differently.

The slugs are those of the session-wide demo content (pilots, reports, news, events, newsletters,
members and the standard pages); no synthetic corpus is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

LAAKITYS_FI = "tekoalyavusteisen-laakitysriskinarviointityokalun-kehittaminen-ja-kayttoonotto"

CASES: list[tuple[str, str, list[str], bool]] = [
    # Finnish: inflected forms and compounds over the demo content
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
    (
        "fi",
        "kokeiluista",
        # the news of the ten pilots starting is an answer too, now that it has a real body
        ["opit", "kokeilut", "kokeilu-kaynnistyi-lastensuojelussa", "kymmenen-kokeilua-kaynnistyy"],
        False,
    ),
    ("fi", "kokeilu", ["opit", "kokeilut", "kokeilu-kaynnistyi-lastensuojelussa"], False),
    ("fi", "jäsenorganisaatioiden", ["jasenet"], False),
    ("fi", "organisaatio", ["jasenet", "kumppanit"], True),
    ("fi", "jäsenet", ["jasenet", "liity-jaseneksi"], True),
    ("fi", '"reaaliaikainen tulkkaus"', ["lingai-reaaliaikainen-tulkkaus"], False),
    ("fi", "tulkkausratkaisu", ["tekoalypohjainen-reaaliaikainen-tulkkausratkaisu"], False),
    ("fi", "lääkitysriskien arviointi", [LAAKITYS_FI], True),
    ("fi", "lääkitysturvallisuus", [LAAKITYS_FI], True),
    ("fi", "lääkitysris", [LAAKITYS_FI], False),
    ("fi", "assistentti", ["ammattilaisen-ai-assistentti"], False),
    ("fi", "syöpä", ["tekoaly-syovan-pet-kuvantamisessa"], True),
    (
        "fi",
        "PET-kuvantaminen",
        ["tekoaly-syovan-pet-kuvantamisessa", "ensimmaiset-pet-aineistot-analysoitu"],
        False,
    ),
    (
        "fi",
        "lihavuuden hoito",
        ["tekoalypohjaisilla-tyokaluilla-50-tuottavuuden-kasvu-digitaaliseen-lihavuuden-hoitoon"],
        False,
    ),
    (
        "fi",
        "lapsen palvelutarve",
        ["ai-avusteisesti-koostettu-lapsen-palvelutarpeen-arviointi"],
        False,
    ),
    ("fi", "toimintakyky", ["ai-pohjainen-toimintakyvyn-muutoksen-ennakointi"], True),
    (
        "fi",
        "riskitiedot",
        ["asiakkaan-tausta-ja-riskitietojen-ai-pohjainen-koostaminen"],
        True,
    ),
    (
        "fi",
        "lainsäädäntö",
        ["lainsaadantotarpeet", "kayttotapaukset-ja-lainsaadanto", "juridiikan-tyoryhma"],
        True,
    ),
    ("fi", "uutiskirje", ["uutiskirje", "tilaa-uutiskirje"], False),
    ("fi", "tapahtumat", ["tapahtumat"], False),
    ("fi", "saavutettavuusseloste", ["saavutettavuusseloste"], False),
    ("fi", "tietosuoja", ["tietosuoja"], False),
    ("fi", "osallistu", ["osallistu"], False),
    ("fi", "ekosysteemistä", ["tietoa"], False),
    # Swedish
    (
        "sv",
        "läkemedelsrisker",
        ["utveckling-och-inforande-av-ett-ai-assisterat-verktyg-for-bedomning-av-lakemedelsrisker"],
        False,
    ),
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
    # English
    (
        "en",
        "medication risks",
        ["developing-and-deploying-an-ai-assisted-medication-risk-assessment-tool"],
        False,
    ),
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
    ("en", "cancer imaging", ["ai-in-cancer-pet-imaging"], False),
    ("en", "legislation", ["legislative-needs", "legal"], False),
    ("en", "funding call", ["call-results", "call-for-ideas-2024"], False),
    ("en", "privacy", ["privacy"], False),
    ("en", "accessibility", ["accessibility-statement"], False),
    ("en", "get involved", ["get-involved"], False),
    ("en", "newsletter", ["newsletter", "subscribe"], False),
    ("en", "events", ["events"], False),
    ("en", "reports", ["reports"], False),
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


def run_cases(search, selected: list[tuple[str, str, list[str]]]) -> Run:
    """Ask ``search(query, lang) -> [url, …]`` every selected case."""
    run = Run()
    for lang, query, expected in selected:
        slugs = [slug_of(url) for url in search(query, lang)]
        run.by_lang.setdefault(lang, []).append((slugs, expected))
        if not slugs or slugs[0] != expected[0]:
            run.wrong_top.append((lang, query, slugs[:3], expected))
    return run
