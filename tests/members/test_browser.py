"""The member directory in real Chromium: filters and A–Z work with JavaScript off; axe passes."""

from __future__ import annotations

import pytest

from tests.e2e.axe import run_axe

pytestmark = [pytest.mark.e2e]


def test_directory_without_javascript_and_accessibility(demo_site, live_server, browser, page):
    context = browser.new_context(java_script_enabled=False)
    nojs = context.new_page()
    nojs.goto(f"{live_server.url}/sv/medlemmar/")
    nojs.get_by_label("Typ av organisation").select_option("research")
    nojs.get_by_role("button", name="Filtrera").click()
    nojs.wait_for_url("**/sv/medlemmar/?*type=research*")
    names = nojs.locator(".member h3").all_inner_texts()
    assert "Åbo Akademi" in names and "Sitra" not in names
    # Swedish order: A–Z, then Å, Ä, Ö (so Åbo after every Latin letter, Östra after Åbo)
    latin = [i for i, name in enumerate(names) if name[0].upper() in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    assert names.index("Åbo Akademi") > max(latin)
    later = names[names.index("Åbo Akademi") + 1 :]
    assert all(name[0] in "ÅÄÖ" for name in later)
    nojs.get_by_role("link", name="Å", exact=True).click()
    assert nojs.url.endswith("#letter-Å") or nojs.url.endswith("#letter-%C3%85")
    context.close()

    for path in ("/fi/jasenet/", "/en/members/join/", "/fi/tilaa-uutiskirje/"):
        page.goto(f"{live_server.url}{path}")
        results = run_axe(page)
        assert results.violations_count == 0, results.generate_report()
