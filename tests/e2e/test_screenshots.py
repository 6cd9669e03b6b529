"""Screenshots of every page type at 375 px and 1280 px into artifacts/screenshots/ (`make
screenshots`), so the site can be looked at without running it. The page types are those of the axe suite's
table (tests/e2e/test_accessibility.py): add a new page type there."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.e2e]

OUTPUT = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
WIDTHS = (375, 1280)


def _pages() -> dict[str, str]:
    """Every page type of the axe suite's table in Finnish, and the front page in sv and en."""
    from tests.e2e.test_accessibility import PAGES as PAGE_TYPES

    pages = {"home-sv": "/sv/", "home-en": "/en/"}
    for page_type, urls in PAGE_TYPES.items():
        slug = page_type.lower().replace(" (", "-").replace(")", "").replace(" ", "-")
        pages[f"{slug}-fi"] = urls["fi"]
    return pages


PAGES = _pages()


@pytest.mark.parametrize("width", WIDTHS)  # one test per width, so xdist can share them
def test_screenshots_of_every_page_type(demo_site, live_server, page, width):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(live_server.url + path)
        file = OUTPUT / f"{name}-{width}.png"
        page.screenshot(path=str(file), full_page=True)
        assert file.stat().st_size > 5000, f"{file} looks empty"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways at {width} px"
