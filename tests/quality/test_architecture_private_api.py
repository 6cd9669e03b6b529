"""Project code uses Wagtail only through its public API (issue 15).

A private attribute (``_wagtail_site``, ``_set_document_file_metadata``, ``_request``...) can change
or vanish in any Wagtail release without a deprecation warning, and the project's tests would not
notice until something subtle broke. This test reads the project's Python files and fails when one
of them reads, writes or calls a private name that Wagtail (or wagtail-localize) defines and that
neither Django nor the project itself defines.
"""

from __future__ import annotations

import ast
import importlib.util
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = (
    "cms",
    "coordination",
    "demo",
    "editorial",
    "events",
    "home",
    "members",
    "pilots",
    "reports",
    "search",
)
# Private names the project has used before: they stay forbidden even if Django or the project
# happened to define a name like them.
KNOWN_PRIVATE = {
    "_wagtail_site",
    "_wagtail_route_for_request",
    "_wagtail_cached_site_root_paths",
    "_get_raw_host",
    "_get_permission_codenames",
    "_set_document_file_metadata",
    "_set_file_hash",
    "_request",
}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, name
    return Path(spec.origin).parent


def _private_names(files) -> set[str]:
    """Private names a body of code defines: ``def _x``, ``class _X`` and ``obj._x = ...``."""
    names: set[str] = set()
    for path in files:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def _project_files() -> list[Path]:
    return [
        path
        for app in PROJECT_APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    ]


@cache
def _forbidden() -> frozenset[str]:
    wagtail = _private_names(_package_dir("wagtail").rglob("*.py")) | _private_names(
        _package_dir("wagtail_localize").rglob("*.py")
    )
    django = _private_names(_package_dir("django").rglob("*.py"))
    own = _private_names(_project_files())
    return frozenset((wagtail - django - own) | KNOWN_PRIVATE)


def _private_uses(source: str, forbidden: frozenset[str]) -> list[tuple[int, str]]:
    """(line, name) for every ``obj._name`` and ``getattr(obj, "_name")`` of a forbidden name."""
    uses = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in forbidden:
            uses.append((node.lineno, node.attr))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in forbidden
        ):
            uses.append((node.lineno, node.args[1].value))
    return sorted(uses)


def test_the_check_finds_a_private_wagtail_attribute():
    """The check itself can fail: each known private use is reported, public ones are not."""
    source = (
        "document._set_document_file_metadata()\n"
        "settings._request = request\n"
        "setattr(request, '_wagtail_site', site)\n"
        "document.get_file_hash()\n"
        "page._meta.label\n"
    )
    assert _private_uses(source, _forbidden()) == [
        (1, "_set_document_file_metadata"),
        (2, "_request"),
        (3, "_wagtail_site"),
    ]


def test_project_code_uses_no_private_wagtail_attribute():
    forbidden = _forbidden()
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _project_files()
        for line, name in _private_uses(path.read_text(encoding="utf-8"), forbidden)
    ]
    assert found == [], "private Wagtail attributes used:\n" + "\n".join(found)
