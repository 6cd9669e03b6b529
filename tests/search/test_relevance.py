"""Relevance on the configured database (run the suite on SQLite and PostgreSQL).

The analyser is the configured one (``SEARCH_ANALYSER``: ``make test`` runs the search tests
with system Voikko and again with ``SEARCH_ANALYSER=pip``); ``test_same_results_without_system_
voikko`` compares both in one run, query by query.
"""

from __future__ import annotations

import pytest
from django.db import connection

from search import morphology, service
from search.analysis import system_voikko_available

from .relevance import cases, metrics

pytestmark = pytest.mark.django_db


def ranked_slugs(analyser: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(lang, query, top-10 slugs, expected) of every case, after reindexing with ``analyser``."""
    from django.conf import settings

    settings.SEARCH_ANALYSER = analyser
    service.reindex_all()
    out = []
    for lang, query, expected in cases(True):
        outcome = service.search(query, lang, limit=10)
        slugs = [r.url.rstrip("/").rsplit("/", 1)[-1] for r in outcome.results]
        out.append((lang, query, slugs, expected))
    return out


def test_relevance_set(settings, capsys):
    analyser = morphology.configured_analyser()
    ranked, wrong_top = [], []
    for lang, query, slugs, expected in ranked_slugs(analyser):
        ranked.append((slugs, expected))
        if not slugs or slugs[0] != expected[0]:
            wrong_top.append((lang, query, slugs[:3], expected))
    success, mrr = metrics(ranked)
    with capsys.disabled():
        print(
            f"\n[search relevance] {connection.vendor} {morphology.active_analyser_name()}: "
            f"{len(ranked)} queries, success@3={success:.3f}, MRR={mrr:.3f}"
        )
        for miss in wrong_top:
            print("   top miss:", miss)
    assert len(ranked) >= 30
    assert success >= 0.9, wrong_top
    # The first expected page is first on every backend: SQLite and PostgreSQL agree on the top.
    assert not wrong_top


def test_same_results_without_system_voikko(settings):
    if not system_voikko_available():
        pytest.fail("System Voikko is not installed: run `make system-deps`.")
    with_system = ranked_slugs("auto")
    without = ranked_slugs("pip")
    assert morphology.finnish_analyser_name("pip") == morphology.PYVOIKKO
    differences = [
        (a[0], a[1], a[2][:5], b[2][:5])
        for a, b in zip(with_system, without, strict=True)
        if a != b
    ]
    assert not differences
