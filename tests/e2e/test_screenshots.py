"""Screenshots of every page type at 375 px and 1280 px into artifacts/screenshots/ (`make
screenshots`), so the site can be looked at without running it. Apps add their pages here."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.e2e]

OUTPUT = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
WIDTHS = (375, 1280)
PAGES = {
    "home-fi": "/fi/",
    "home-sv": "/sv/",
    "home-en": "/en/",
    "standard-page-fi": "/fi/tietoa/",
    "cards-page-fi": "/fi/osallistu/",
    "not-found-fi": "/fi/ei-ole/",
}


def test_screenshots_of_every_page_type(demo_site, live_server, page):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
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
