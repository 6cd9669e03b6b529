"""The register's machine-readable outputs (mounted at the site root in ``cms/urls.py``):

- ``/api/ai-register/?lang=fi|sv|en``: every published record of a language;
- ``/api/ai-register/<uuid>/?lang=…``: one record;
- ``/api/ai-register.csv?lang=…``: the same as CSV (UTF-8 with BOM, the standard's order);
- ``/api/ai-register/schema.json``: the JSON Schema each record validates against.

``lang`` defaults to Finnish, the source language; any other value answers 400.
"""

from __future__ import annotations

import uuid as uuid_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from cms.exports import csv_response

from .records import csv_header, csv_row, published_records, record_dict
from .schema import record_schema
from .standard import STANDARD_NAME, STANDARD_VERSION

LANGUAGES = [code for code, _name in settings.LANGUAGES]
JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def _language(request: HttpRequest) -> str | None:
    language = request.GET.get("lang") or settings.LANGUAGE_CODE.split("-")[0]
    return language if language in LANGUAGES else None


def _bad_language() -> JsonResponse:
    return JsonResponse({"error": f"lang must be one of {', '.join(LANGUAGES)}"}, status=400)


@require_GET
def register_json(request: HttpRequest) -> JsonResponse:
    language = _language(request)
    if language is None:
        return _bad_language()
    records = [record_dict(page) for page in published_records(language)]
    return JsonResponse(
        {
            "standard": STANDARD_NAME,
            "standard_version": STANDARD_VERSION,
            "lang": language,
            "count": len(records),
            "records": records,
        },
        json_dumps_params=JSON_OPTIONS,
    )


@require_GET
def record_json(request: HttpRequest, uuid: uuid_module.UUID) -> JsonResponse:
    language = _language(request)
    if language is None:
        return _bad_language()
    page = published_records(language).filter(translation_key=uuid).first()
    if page is None:
        return JsonResponse({"error": "no such record in this language"}, status=404)
    return JsonResponse(record_dict(page), json_dumps_params=JSON_OPTIONS)


@require_GET
def register_csv(request: HttpRequest) -> HttpResponse:
    language = _language(request)
    if language is None:
        return _bad_language()
    rows = (csv_row(record_dict(page)) for page in published_records(language))
    return csv_response(f"ai-register-{language}", csv_header(), rows)


@require_GET
def schema_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(record_schema(), json_dumps_params=JSON_OPTIONS)
    response["Content-Type"] = "application/schema+json"
    return response
