"""Regions and pilot themes (``taxonomies.yaml``)."""

from __future__ import annotations

from cms.models import Region, Theme
from demo import data
from demo.toolkit import DemoContext, ensure_snippet, translate_all


def load(ctx: DemoContext) -> None:
    source = data.load("taxonomies")
    for spec in source["regions"]:
        texts = data.Texts()
        region, created = ensure_snippet(
            Region,
            {"slug": spec["slug"]},
            name=texts.fi(spec["name"]),
            kind=spec["kind"],
            map_column=spec["map_column"],
            map_row=spec["map_row"],
        )
        if created:
            ctx.note(f"region {spec['slug']}")
        translate_all(region, texts.strings, user=ctx.user)
    for order, spec in enumerate(source["themes"]):
        texts = data.Texts()
        theme, created = ensure_snippet(
            Theme, {"slug": spec["slug"]}, name=texts.fi(spec["name"]), sort_order=order
        )
        if created:
            ctx.note(f"theme {spec['slug']}")
        translate_all(theme, texts.strings, user=ctx.user)
