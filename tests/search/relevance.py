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
    return [(lang, q, exp) for lang, q, exp, needs in CASES if with_voikko or not needs]


def metrics(ranked: list[tuple[list[str], list[str]]]) -> tuple[float, float]:
    """success@3 and MRR of (ranked slugs, expected slugs) pairs."""
    successes, reciprocal = 0, 0.0
    for slugs, expected in ranked:
        if any(s in expected for s in slugs[:3]):
            successes += 1
        for position, slug in enumerate(slugs, start=1):
            if slug in expected:
                reciprocal += 1 / position
                break
    return successes / len(ranked), reciprocal / len(ranked)
