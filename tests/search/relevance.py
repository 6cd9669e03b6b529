"""The relevance set: queries, the pages that should answer them, and the metrics.

Each case: (language, query, expected slugs, needs_voikko). The first expected slug is the page
that must come first, on every backend (so SQLite and PostgreSQL agree on the top result); any
expected slug in the top three counts as a success. ``needs_voikko`` cases rely on Finnish
morphology (base forms of irregular inflections, compound parts) and are left out of the set
that runs without Voikko.
"""

from __future__ import annotations

CASES: list[tuple[str, str, list[str], bool]] = [
    # Finnish: inflected forms and compounds
    ("fi", "hyvinvointialueella", ["aptj-kirjaukset"], False),
    ("fi", "kokeiluista", ["rahoitushaku-2024", "tekoaly-hyvinvointialueilla"], True),
    ("fi", "jäsenorganisaatioiden", ["jasenorganisaatiot"], False),
    ("fi", "organisaatio", ["jasenorganisaatiot"], True),
    ("fi", "tulkkauksen", ["lingai", "tulkkausratkaisu"], True),
    ("fi", "tulkkaus", ["lingai", "tulkkausratkaisu"], False),
    ("fi", '"reaaliaikainen tulkkaus"', ["lingai"], False),
    ("fi", "tulkkausratkaisu", ["tulkkausratkaisu"], False),
    ("fi", "lääkitysriskien arviointi", ["laakitysriski"], True),
    ("fi", "lääkitysturvallisuus", ["laakitysriski"], True),
    ("fi", "AI-assistentti", ["ai-assistentti"], False),
    ("fi", "assistentti", ["ai-assistentti"], False),
    ("fi", "syöpä", ["pet-kuvantaminen"], True),
    ("fi", "PET-kuvantaminen", ["pet-kuvantaminen"], False),
    ("fi", "lihavuuden hoito", ["lihavuuden-hoito"], False),
    ("fi", "lapsen palvelutarve", ["lapsen-palvelutarve"], False),
    ("fi", "toimintakyky", ["toimintakyky"], True),
    ("fi", "riskitiedot", ["riskitiedot"], True),
    ("fi", "lainsäädäntö", ["kayttotapaukset-ja-lainsaadanto"], False),
    ("fi", "webinaari", ["ai-aamu-digifinland"], True),
    ("fi", "rahoitushaku", ["rahoitushaku-2024"], False),
    ("fi", "saavutettavuusseloste", ["saavutettavuusseloste"], False),
    ("fi", "tietosuoja", ["tietosuoja"], False),
    ("fi", "osallistu", ["osallistu"], False),
    ("fi", "ekosysteemistä", ["tietoa"], False),
    ("fi", "puheentunnistus", ["aptj-kirjaukset"], False),
    ("fi", "puheentunn", ["aptj-kirjaukset"], False),
    ("fi", "lääkitysris", ["laakitysriski"], False),
    # Swedish
    ("sv", "tolkar samtal", ["realtidstolkning"], False),
    ("sv", "läkemedelsrisker", ["lakemedelsrisker"], False),
    ("sv", "välfärdsområdena", ["ai-i-valfardsomradena"], False),
    ("sv", "DigiFinlands AI-projekt", ["ai-morgon"], False),
    ("sv", "tillgänglighetsutlåtande", ["tillganglighetsutlatande"], False),
    ("sv", "dataskydd", ["dataskydd"], False),
    ("sv", "delta", ["delta"], False),
    # English
    ("en", "interpretation", ["real-time-interpretation"], False),
    ("en", "interpreting conversations", ["real-time-interpretation"], False),
    ("en", "medication risks", ["medication-risk"], False),
    ("en", "wellbeing services counties", ["ai-in-wellbeing-services-counties"], False),
    ("en", "webinar", ["ai-morning"], False),
    ("en", "obesity", ["obesity-care"], False),
    ("en", "cancer imaging", ["pet-imaging"], False),
    ("en", "privacy", ["privacy"], False),
    ("en", "accessibility", ["accessibility-statement"], False),
    ("en", "get involved", ["get-involved"], False),
    ("en", "ecosystem", ["about"], False),
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
