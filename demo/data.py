"""Read the demo data files (``demo/data/*.yaml``) and report mistakes by file and key.

Every file is a YAML mapping. :func:`load` checks the top-level keys each loader relies on
(:data:`REQUIRED_KEYS`) and wraps the result in :class:`Record`, whose missing keys raise
:class:`DemoDataError` naming the file and the full key path (``pilots.yaml: pilots[3].region``)
instead of a bare ``KeyError`` from deep inside a loader.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEMO_DIR = Path(__file__).resolve().parent
DATA_DIR = DEMO_DIR / "data"
FILES_DIR = DEMO_DIR / "files"
LANGUAGES = ("fi", "sv", "en")

#: File → the top-level keys and their types that its loader reads.
REQUIRED_KEYS: dict[str, dict[str, type]] = {
    "taxonomies": {"regions": list, "themes": list},
    "home": {
        "front_page": dict,
        "site_settings": dict,
        "pages": list,
        "accessibility_statement": dict,
    },
    "publications": {
        "indexes": list,
        "default_author": str,
        "blog_guidance": dict,
        "news": list,
        "blog": list,
        "newsletter_issues": list,
        "strings": dict,
    },
    "members": {
        "organisations": list,
        "consent": dict,
        "thank_you": dict,
        "pages": list,
        "working_groups": list,
    },
    "pilots": {
        "start_date": object,
        "indicator_dates": dict,
        "index": dict,
        "lead_organisations": dict,
        "pilots": list,
        "funding_call": dict,
    },
    "coordination": {
        "pages": list,
        "legislative_needs": list,
        "milestones": list,
        "report_texts": dict,
        "budget_used_per_month": int,
        "report_plans": list,
    },
    "reports": {
        "index": dict,
        "catalogue": dict,
        "index_strings": dict,
        "reports": list,
        "report_strings": dict,
        "categories": list,
        "use_cases": list,
        "use_case_strings": dict,
    },
    "events": {
        "index": dict,
        "series": dict,
        "online_venue": str,
        "common_strings": dict,
        "past_webinars": list,
        "member_event": dict,
        "upcoming_webinars": dict,
    },
    "images": {"images": list},
    "airegister": {"index": dict, "record_slug": dict, "common": dict, "records": list},
    "editors": {"password": str, "role_users": list, "liaisons": dict, "page_in_review": dict},
}


class DemoDataError(KeyError):
    """A demo data file is missing a key or holds a value of the wrong kind.

    A ``KeyError``, so ``Record.get`` and ``in`` treat a missing optional key as missing.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class Record(Mapping):
    """A read-only view of one mapping in a data file that knows where it came from."""

    def __init__(self, data: Mapping, file: str, path: str = "") -> None:
        self._data = data
        self.file = file
        self.path = path

    def _where(self, key: Any) -> str:
        return f"{self.path}.{key}" if self.path else str(key)

    def __getitem__(self, key: str) -> Any:
        if key not in self._data:
            raise DemoDataError(f"{self.file}.yaml: missing key {self._where(key)!r}")
        return wrap(self._data[key], self.file, self._where(key))

    def __iter__(self) -> Iterator:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def plain(self) -> dict:
        """The mapping as plain Python data (for ``strings`` maps handed to wagtail-localize)."""
        return dict(self._data)


def wrap(value: Any, file: str, path: str) -> Any:
    if isinstance(value, Mapping):
        return Record(value, file, path)
    if isinstance(value, list):
        return [wrap(item, file, f"{path}[{i}]") for i, item in enumerate(value)]
    return value


def data_files() -> list[str]:
    """The names (without ``.yaml``) of every data file, sorted."""
    return sorted(path.stem for path in DATA_DIR.glob("*.yaml"))


@cache
def _parse(name: str) -> dict:
    path = DATA_DIR / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DemoDataError(f"{name}.yaml: not valid YAML: {exc}") from exc
    validate(name, data)
    return data


def validate(name: str, data: Any) -> None:
    """Raise :class:`DemoDataError` unless ``data`` has the keys and types ``name`` needs."""
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}.yaml: the file must hold a mapping")
    for key, kind in REQUIRED_KEYS.get(name, {}).items():
        if key not in data:
            raise DemoDataError(f"{name}.yaml: missing key {key!r}")
        if not isinstance(data[key], kind):
            raise DemoDataError(
                f"{name}.yaml: key {key!r} must be a {kind.__name__}, "
                f"not {type(data[key]).__name__}"
            )


def load(name: str) -> Record:
    """The parsed and checked data file ``demo/data/<name>.yaml``."""
    return Record(_parse(name), name)


class Texts:
    """Collects translations while a loader reads trilingual values.

    A text in a data file is either a plain Finnish string or a mapping ``{fi: …, sv: …, en: …}``.
    :meth:`fi` returns the Finnish source and remembers its translations, so the loader can hand
    :attr:`strings` (language → Finnish source → translation) to ``translate_all``.
    """

    def __init__(self, *maps: Mapping) -> None:
        self.strings: dict[str, dict[str, str]] = {"sv": {}, "en": {}}
        for strings in maps:
            self.add(strings)

    def add(self, strings: Mapping) -> None:
        """Merge a ``{sv: {fi: sv}, en: {fi: en}}`` map."""
        for language, pairs in strings.items():
            self.strings.setdefault(language, {}).update(dict(pairs))

    def fi(self, value: Any) -> Any:
        if isinstance(value, Mapping) and "fi" in value:
            source = value["fi"]
            for language in ("sv", "en"):
                if value.get(language):
                    self.strings[language][source] = value[language]
            return source
        return value
