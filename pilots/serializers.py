"""API v2 serializers for the pilot relations that the default field mapping cannot express."""

from __future__ import annotations

from typing import Any

from rest_framework.fields import Field


class RegionSerializer(Field):
    """A region as its slug (the same in every language) and its name in the page's language."""

    def to_representation(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        return {"id": value.pk, "slug": value.slug, "name": value.name, "kind": value.kind}


class ThemesSerializer(Field):
    """The pilot's themes (a list of Theme snippets) as slug + name."""

    def to_representation(self, value: Any) -> list[dict[str, Any]]:
        return [{"id": theme.pk, "slug": theme.slug, "name": theme.name} for theme in value]
