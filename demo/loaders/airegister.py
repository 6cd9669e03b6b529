"""The AI transparency register: its index and one record per pilot (``airegister.yaml``).

Each record is a child of its pilot page (so the pilot's liaisons edit it), built from the
file's ``common`` attributes plus the record's own, with the pilot's lead organisation and
region from ``pilots.yaml`` and ``taxonomies.yaml``; translated into sv and en with
wagtail-localize like every other demo page.
"""

from __future__ import annotations

import datetime as dt

from wagtail.models import Locale

from airegister.models import AIRecordPage, RegisterIndexPage
from cms.models import Region
from demo import data
from demo.toolkit import DemoContext, ensure_page, translate_all
from pilots.models import PilotPage

#: Attributes kept as codes or values (not translated): copied as they are.
PLAIN = {"status", "domain", "risk_category", "algorithm_type", "ai_act_role", "annex_iii_area",
         "contact_email"}  # fmt: skip
TEXTS = [
    "revision_note", "keywords", "organization", "department", "country", "description_short",
    "remark", "decision_making_process", "area", "goal", "impact", "risks", "proportionality",
    "lawful_basis", "training_data", "source_data", "connected_data_sources", "dpia_description",
    "methods_and_models", "monitoring", "human_intervention", "objection_procedure", "rollback",
    "summary",
]  # fmt: skip


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _index(ctx: DemoContext, spec) -> RegisterIndexPage:
    texts = data.Texts()
    index, _created = ensure_page(
        ctx.home,
        RegisterIndexPage,
        spec["slug"],
        title=texts.fi(spec["title"]),
        intro=texts.fi(spec["intro"]),
    )
    texts.fi({"fi": spec["slug"], **spec["slugs"].plain()})
    translate_all(index, texts.strings, user=ctx.user)
    return index


def _region_names() -> dict[str, dict]:
    return {region["slug"]: region["name"] for region in data.load("taxonomies")["regions"]}


def _fields(spec, common, pilots_file, texts: data.Texts) -> dict:
    pilot_spec = next(p for p in pilots_file["pilots"] if p["title"]["fi"] == spec["pilot"])
    region_slug = pilot_spec["region"]
    values = {**common.plain(), **spec.plain()}
    values["organization"] = pilots_file["lead_organisations"][region_slug]["name"].plain()
    values["area"] = _region_names()[region_slug].plain()
    fields: dict = {
        "title": texts.fi(spec["name"]),
        "revision_date": _date(spec["revision_date"]),
        "use_type": spec["type"],
        "region": Region.objects.filter(slug=region_slug, locale=Locale.get_default()).first(),
    }
    for name in PLAIN:
        fields[name] = values[name]
    for name in TEXTS:
        if name in values:
            fields[name] = texts.fi(values[name])
    return fields


def load(ctx: DemoContext) -> None:
    spec = data.load("airegister")
    pilots_file = data.load("pilots")
    _index(ctx, spec["index"])
    slug = spec["record_slug"]
    for record_spec in spec["records"]:
        pilot = PilotPage.objects.get(locale=Locale.get_default(), title=record_spec["pilot"])
        texts = data.Texts()
        fields = _fields(record_spec, spec["common"], pilots_file, texts)
        texts.fi(slug.plain())
        record, created = ensure_page(pilot, AIRecordPage, slug["fi"], **fields)
        translate_all(record, texts.strings, user=ctx.user)
        if created:
            ctx.note(f"AI register record: {record.title}")
