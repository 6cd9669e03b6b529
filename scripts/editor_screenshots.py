"""Take the editors' guide screenshots from a running admin (Playwright + Debian's Chromium).

Run against a development server that has the demo content and the demo editors::

    .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py load_editorial_demo      # DEBUG only; documented dev passwords
    .venv/bin/python manage.py runserver 127.0.0.1:8000 &
    .venv/bin/python scripts/editor_screenshots.py --base-url http://127.0.0.1:8000

Images go to docs/img/ (PNG, 1280×800). Only local URLs are visited; nothing else is fetched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "sote-demo-2025"  # demo/data/editors.yaml (dev only)

# (user, admin path, file name, what it shows)
SHOTS = [
    ("yhteyshenkilo-1", "/admin/", "liaison-dashboard.png", "a liaison's dashboard"),
    ("viestinta", "/admin/", "communications-dashboard.png", "pages awaiting review"),
    ("viestinta", "/admin/reports/workflow/", "communications-workflow-report.png", "workflows"),
    ("kaantaja-sv", "/admin/editorial/translations/", "translator-status.png", "translations"),
    ("kaantaja-sv", "/admin/", "translator-dashboard.png", "a translator's dashboard"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for username, path, filename, what in SHOTS:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            # Block everything that is not the local server (e.g. avatar services).
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(base) else route.abort()
                ),
            )
            page = context.new_page()
            page.goto(f"{base}/admin/login/")
            page.fill('input[name="username"]', username)
            page.fill('input[name="password"]', DEMO_PASSWORD)
            page.locator('button[type="submit"]').click()
            page.wait_for_load_state("networkidle")
            if "/login/" in page.url:
                print(f"cannot log in as {username}: run load_editorial_demo", file=sys.stderr)
                context.close()
                continue
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(args.out / filename), full_page=False)
            print(f"{filename}: {what}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
