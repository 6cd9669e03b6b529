"""Backend choice: ``SEARCH_BACKEND`` (sqlite, postgres, elasticsearch) or, when empty,
Elasticsearch if ``ELASTICSEARCH_URL`` is set, else the database vendor's own full-text search."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .base import BackendUnavailable, SearchBackend

__all__ = ["BackendUnavailable", "SearchBackend", "backend_name", "get_backend"]

_instances: dict[str, SearchBackend] = {}


def backend_name() -> str:
    name = (getattr(settings, "SEARCH_BACKEND", "") or "").strip().lower()
    if not name:
        if getattr(settings, "ELASTICSEARCH_URL", ""):
            name = "elasticsearch"
        else:
            name = "postgres" if connection.vendor == "postgresql" else "sqlite"
    return {"postgresql": "postgres", "sqlite3": "sqlite", "es": "elasticsearch"}.get(name, name)


def get_backend() -> SearchBackend:
    """The configured backend (one instance per name)."""
    name = backend_name()
    if name not in _instances:
        if name == "sqlite":
            from .sqlite import SQLiteBackend

            _instances[name] = SQLiteBackend()
        elif name == "postgres":
            from .postgres import PostgresBackend

            _instances[name] = PostgresBackend()
        elif name == "elasticsearch":
            from .elastic import ElasticsearchBackend

            _instances[name] = ElasticsearchBackend(getattr(settings, "ELASTICSEARCH_URL", ""))
        else:
            raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {name!r}")
    return _instances[name]
