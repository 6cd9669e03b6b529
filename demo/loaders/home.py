"""The front page, the standard pages under it and the site settings (``home.yaml``)."""

from __future__ import annotations

from typing import Any

from wagtail.models import Site

from cms.models import SiteSettings
from demo import data
from demo.toolkit import DemoContext, ensure_page, translate_all
from home.models import AccessibilityStatementPage, StandardPage


def timeline_block(spec: Any) -> tuple[str, dict]:
    entries = [
        {"when": str(entry["when"]), "title": entry["title"], "description": ""}
        for entry in spec["entries"]
    ]
    return ("timeline", {"heading": spec["heading"], "entries": entries})


def figures_block(spec: Any) -> tuple[str, dict]:
    figures = [{"value": str(f["value"]), "label": f["label"]} for f in spec["figures"]]
    return ("key_figures", {"heading": spec["heading"], "figures": figures})


def body_blocks(blocks: list, named: dict[str, tuple], texts: data.Texts | None = None) -> list:
    """StreamField blocks from data: ``{heading: …}``, ``{paragraph: …}``, ``{<name>: <ref>}``.

    ``named`` holds blocks defined elsewhere in the file (the front page's timeline); any other
    block type passes through as ``(type, value)``. Texts may be ``{fi, sv, en}`` when ``texts``
    collects the translations.
    """
    texts = texts or data.Texts()
    result = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "heading":
            result.append(("heading", {"text": texts.fi(value), "level": "h2"}))
        elif kind == "paragraph":
            result.append(("paragraph", f"<p>{texts.fi(value)}</p>"))
        elif kind in named:
            result.append(named[kind])
        else:
            result.append((kind, value.plain() if isinstance(value, data.Record) else value))
    return result


def load(ctx: DemoContext) -> None:
    source = data.load("home")
    front = source["front_page"]
    home = ctx.home
    timeline = timeline_block(front["timeline"])
    if not home.hero_text:
        home.hero_title = front["hero_title"]
        home.hero_text = front["hero_text"]
        home.body = [figures_block(front["key_figures"]), timeline]
        home.save_revision(user=ctx.user).publish(user=ctx.user)
        ctx.note("front page")
    common = front["strings"]
    pages = {}
    for spec in source["pages"]:
        page, created = ensure_page(
            home,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=body_blocks(spec["body"], {"timeline": timeline}),
            show_in_menus=spec["show_in_menus"],
        )
        pages[spec["slug"]] = page
        if created:
            ctx.note(spec["slug"])
    statement = load_accessibility_statement(ctx, source["accessibility_statement"])
    pages[statement.slug] = statement
    translate_all(home, data.Texts(common).strings, user=ctx.user)
    for spec in [*source["pages"], source["accessibility_statement"]]:
        translate_all(
            pages[spec["slug"]], data.Texts(common, spec["strings"]).strings, user=ctx.user
        )

    settings_spec = source["site_settings"]
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.demo_content:
        site_settings.contact_email = settings_spec["contact_email"]
        site_settings.linkedin_url = settings_spec["linkedin_url"]
        site_settings.accessibility_page = pages[settings_spec["accessibility_page"]]
        site_settings.privacy_page = pages[settings_spec["privacy_page"]]
        site_settings.demo_content = True
        site_settings.save()


def load_accessibility_statement(ctx: DemoContext, spec: Any) -> AccessibilityStatementPage:
    """The statement the law asks for, with its known non-conformities (translated later)."""
    issues = [("issue", issue.plain()) for issue in spec["non_conformities"]]
    page, created = ensure_page(
        ctx.home,
        AccessibilityStatementPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        compliance_status=spec["compliance_status"],
        prepared_on=spec["prepared_on"],
        reviewed_on=spec["reviewed_on"],
        assessment=spec["assessment"],
        feedback_intro=spec["feedback_intro"],
        thank_you=spec["thank_you"],
        non_conformities=issues,
        authority_name=spec["authority"]["name"],
        authority_url=spec["authority"]["url"],
        authority_email=spec["authority"]["email"],
        authority_phone=spec["authority"]["phone"],
        show_in_menus=False,
    )
    if created:
        ctx.note(spec["slug"])
    return page
