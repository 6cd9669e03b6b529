"""Records in the standard's machine-readable shape, both ways: page → dict (the API, CSV and
export) and dict → page (``manage.py import_ai_register``).

A record is ``{attribute: value, …}`` with the standard's attribute names in its order, enum
values as the standard's English codes, dates as ISO strings, empty optional texts as ``""``, and
the EU AI Act fields under ``extensions``.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from .standard import ATTRIBUTES, EXTENSIONS, STANDARD_VERSION, Attribute


def published_records(language: str):
    """The live, public records of one language, in a stable order (by uuid)."""
    from .models import AIRecordPage

    return (
        AIRecordPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .select_related("locale")
        .order_by("translation_key")
    )


def _value(page, attribute: Attribute) -> Any:
    if attribute.name == "standard_version":
        return STANDARD_VERSION
    if attribute.name == "uuid":
        return str(page.translation_key)
    if attribute.name == "lang":
        return page.locale.language_code
    if attribute.name == "name":
        return page.title
    value = getattr(page, attribute.field or attribute.name)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None if attribute.kind == "date" else ""
    return str(value)


def record_dict(page) -> dict[str, Any]:
    """One record: the standard's attributes in order, then ``extensions``."""
    record = {attribute.name: _value(page, attribute) for attribute in ATTRIBUTES}
    record["extensions"] = {attribute.name: _value(page, attribute) for attribute in EXTENSIONS}
    return record


def csv_header() -> list[str]:
    """The CSV columns: the standard's attributes in order, then the extensions, prefixed."""
    return [a.name for a in ATTRIBUTES] + [f"extensions.{a.name}" for a in EXTENSIONS]


def csv_row(record: dict[str, Any]) -> list[Any]:
    return [record[a.name] for a in ATTRIBUTES] + [record["extensions"][a.name] for a in EXTENSIONS]


# --- import -----------------------------------------------------------------------------------


class RecordImportError(ValueError):
    """A record that cannot be imported; the message names the record and the reason."""


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value))


def _fields_from(record: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": record.get("name") or ""}
    extensions = record.get("extensions") or {}
    for attribute in ATTRIBUTES + EXTENSIONS:
        if not attribute.field:
            continue
        source = extensions if attribute in EXTENSIONS else record
        value = source.get(attribute.name)
        if attribute.kind == "date":
            fields[attribute.field] = _parse_date(value)
        elif attribute.choices is not None and value not in (None, ""):
            if value not in attribute.enum:
                raise RecordImportError(
                    f"{attribute.name}: {value!r} is not one of {attribute.enum}"
                )
            fields[attribute.field] = value
        else:
            fields[attribute.field] = "" if value is None else str(value)
    return fields


def _at_noon(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@transaction.atomic
def import_record(record: dict[str, Any], parent_for, user=None) -> tuple[Page, bool]:
    """Create or update the record's page in its language and publish it.

    ``parent_for(locale)`` gives the page a new record goes under (the register index of that
    language). An existing page of the same uuid and language is updated in place (a new
    revision), so importing twice changes nothing but the revision list. The file's publication
    and last-change dates are kept, so an export imported elsewhere says what the original said.
    """
    from .models import AIRecordPage

    try:
        key = uuid_module.UUID(str(record["uuid"]))
        locale = Locale.objects.get(language_code=record["lang"])
    except (KeyError, ValueError, Locale.DoesNotExist) as error:
        raise RecordImportError(f"record {record.get('uuid')!r}: {error}") from error
    if record.get("standard_version") not in (None, STANDARD_VERSION):
        raise RecordImportError(f"{key}: standard_version {record.get('standard_version')!r}")
    fields = _fields_from(record)
    page = AIRecordPage.objects.filter(translation_key=key, locale=locale).first()
    created = page is None
    if created:
        parent = parent_for(locale)
        slug = slugify(fields["title"])[:80] or key.hex[:8]
        if parent.get_children().filter(slug=slug).exists():
            slug = f"{slug[:70]}-{key.hex[:8]}"
        page = AIRecordPage(translation_key=key, locale=locale, slug=slug, **fields)
        page.first_published_at = _at_noon(_parse_date(record.get("publication_date")))
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save()
    page.save_revision(user=user).publish(user=user)
    first = _at_noon(_parse_date(record.get("publication_date")))
    last = _at_noon(_parse_date(record.get("last_change_date")))
    dates = {k: v for k, v in (("first_published_at", first), ("last_published_at", last)) if v}
    if dates:
        AIRecordPage.objects.filter(pk=page.pk).update(**dates)
    return page, created
