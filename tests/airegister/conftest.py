"""Helpers for the register tests: the record's admin form as the editor posts it."""

from __future__ import annotations

from typing import Any

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from airegister.models import AIRecordPage
from airegister.standard import ATTRIBUTES, EXTENSIONS


def record_post(page: AIRecordPage, **changes: Any) -> dict[str, Any]:
    """The record's edit form with the page's current values, then ``changes``."""
    data: dict[str, Any] = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "region": page.region_id or "",
        "comments": inline_formset([]),
    }
    for attribute in ATTRIBUTES + EXTENSIONS:
        if attribute.field:
            value = getattr(page, attribute.field)
            data[attribute.field] = "" if value is None else value
    data.update(changes)
    return nested_form_data(data)
