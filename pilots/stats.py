"""Statistics of a funding call: computed from stored submissions, or as published.

Both kinds produce the same ``CallStatistics`` so the call page draws them with the same charts
and tables. Shares are per cent of applications, one decimal.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .choices import STAT_DIMENSIONS, StatDimension


@dataclass
class Share:
    key: str
    label: str
    percent: Decimal
    count: int | None = None


@dataclass
class CallStatistics:
    published: bool
    count: int | None = None
    requested_total: Decimal | None = None
    median_requested: Decimal | None = None
    granted_total: Decimal | None = None
    funding_available: str = ""
    note: str = ""
    shares: dict[str, list[Share]] = field(default_factory=dict)

    def dimensions(self) -> list[tuple[str, str, list[Share]]]:
        """(code, translated label, shares) for each dimension that has data."""
        return [
            (code, label, self.shares[code])
            for code, label in StatDimension.choices
            if self.shares.get(code)
        ]


def _percent(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1")) if whole else Decimal(0)


def compute_statistics(applications: Iterable) -> CallStatistics:
    """Count, requested total and median, and the sector/technology/maturity split."""
    rows = list(applications)
    count = len(rows)
    requested = [row.requested_funding for row in rows]
    stats = CallStatistics(
        published=False,
        count=count,
        requested_total=sum(requested, Decimal(0)),
        median_requested=Decimal(statistics.median(requested)) if requested else None,
    )
    for dimension, codes in STAT_DIMENSIONS.items():
        tally = dict.fromkeys(codes.values, 0)
        for row in rows:
            tally[getattr(row, dimension)] = tally.get(getattr(row, dimension), 0) + 1
        stats.shares[dimension] = [
            Share(
                key=code, label=str(label), count=tally[code], percent=_percent(tally[code], count)
            )
            for code, label in codes.choices
        ]
    return stats


def published_statistics(page) -> CallStatistics | None:
    """The results entered on the page, when the applications themselves are not public."""
    shares = list(page.published_shares.all())
    if page.published_applications is None and not shares:
        return None
    stats = CallStatistics(
        published=True,
        count=page.published_applications,
        requested_total=page.published_requested_total,
        median_requested=page.published_median_requested,
        granted_total=page.published_granted_total,
        funding_available=page.funding_available,
        note=page.results_note,
    )
    for dimension, codes in STAT_DIMENSIONS.items():
        labels = dict(codes.choices)
        rows = [
            Share(key=s.key, label=str(labels.get(s.key, s.key)), percent=s.percent)
            for s in shares
            if s.dimension == dimension
        ]
        if rows:
            stats.shares[dimension] = rows
    return stats
