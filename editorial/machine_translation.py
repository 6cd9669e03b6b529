"""Machine-translation suggestions for wagtail-localize: off unless ``DEEPL_API_KEY`` is set.

Settings-safe (no Django imports), so a settings module can call it::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

wagtail-localize only *fills in* suggested strings when an editor asks for them; publishing stays
a separate, reviewed step (the translator submits, Communications approves).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

DEEPL_CLASS = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translator_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """The DeepL configuration when ``DEEPL_API_KEY`` is set; otherwise ``None`` (off)."""
    environ = os.environ if environ is None else environ
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    return {
        "CLASS": DEEPL_CLASS,
        "OPTIONS": {"AUTH_KEY": key, "FORMALITY": environ.get("DEEPL_FORMALITY", "default")},
    }
