"""Per-domain loaders: each reads its data file(s) and builds that domain's demo content.

:data:`LOADERS` is the order ``load_demo_content`` runs them in: later domains find earlier ones'
pages and snippets (pilots link member organisations, coordination finds the pilots, reports
link pilots to use cases).
"""

from __future__ import annotations

from collections.abc import Callable

from demo.toolkit import DemoContext

from . import (
    airegister,
    coordination,
    events,
    home,
    media,
    members,
    pilots,
    publications,
    reports,
    taxonomies,
)

LOADERS: list[tuple[str, Callable[[DemoContext], None]]] = [
    ("images", media.load),
    ("taxonomies", taxonomies.load),
    ("home", home.load),
    ("publications", publications.load),
    ("members", members.load),
    ("pilots", pilots.load),
    ("coordination", coordination.load),
    ("reports", reports.load),
    ("events", events.load),
    ("airegister", airegister.load),
]
