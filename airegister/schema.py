"""The JSON Schema of one record, written from the standard's field list (:mod:`.standard`).

Every attribute is present in every record (so consumers need no "missing" case); the ones the
standard marks required must be non-empty; enums are the standard's English codes; the EU AI Act
fields live under ``extensions`` and nothing else may be added.
"""

from __future__ import annotations

from typing import Any

from .standard import ATTRIBUTES, EXTENSIONS, STANDARD_NAME, STANDARD_SOURCE, STANDARD_VERSION

SCHEMA_ID = "/api/ai-register/schema.json"
URL_PATTERN = r"^https?://\S+$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _property(attribute) -> dict[str, Any]:
    prop: dict[str, Any] = {"title": str(attribute.label), "description": attribute.description}
    kind = attribute.kind
    if kind == "const":
        prop.update(type="string", const=STANDARD_VERSION)
    elif kind == "uuid":
        prop.update(
            type="string",
            format="uuid",
            pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        )
    elif kind == "date":
        if attribute.required:
            prop.update(type="string", format="date", pattern=DATE_PATTERN)
        else:
            prop.update(type=["string", "null"], format="date")
    elif kind == "enum":
        prop.update(
            type="string", enum=attribute.enum if attribute.required else ["", *attribute.enum]
        )
    elif kind == "url":
        prop.update(type="string", anyOf=[{"const": ""}, {"format": "uri", "pattern": URL_PATTERN}])
    elif kind == "email":
        prop.update(type="string", format="email", pattern=r"^[^@\s]+@[^@\s]+$")
    else:
        prop.update(type="string")
    if attribute.max_length:
        prop["maxLength"] = attribute.max_length
    if attribute.required and kind in ("string", "email", "url"):
        prop["minLength"] = 1
        prop.pop("anyOf", None)
        if kind == "url":
            prop.update(format="uri", pattern=URL_PATTERN)
    if attribute.name == "lang":
        prop["enum"] = ["fi", "sv", "en"]
    return prop


def record_schema() -> dict[str, Any]:
    """The schema every record served by ``/api/ai-register/`` validates against."""
    extensions = {
        "type": "object",
        "title": "EU AI Act extension",
        "description": "Fields the EU AI Act asks of public deployers that the standard lacks.",
        "properties": {a.name: _property(a) for a in EXTENSIONS},
        "required": [a.name for a in EXTENSIONS],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"{STANDARD_NAME} {STANDARD_VERSION}: one record",
        "description": (
            f"One registration in the {STANDARD_NAME} version {STANDARD_VERSION} "
            f"({STANDARD_SOURCE}), with EU AI Act fields under 'extensions'."
        ),
        "type": "object",
        "properties": {**{a.name: _property(a) for a in ATTRIBUTES}, "extensions": extensions},
        "required": [a.name for a in ATTRIBUTES] + ["extensions"],
        "additionalProperties": False,
    }
