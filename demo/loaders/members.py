"""Member organisations, the consent text and the members' pages (``members.yaml``)."""

from __future__ import annotations

import datetime

from cms.models import Region
from demo import data
from demo.toolkit import DemoContext, ensure_page, ensure_snippet, translate_all
from members import models as member_models
from members.models import (
    ConsentText,
    MemberOrganisation,
    WorkingGroupIndexPage,
    WorkingGroupMembership,
    WorkingGroupPage,
)

# Page fields whose values are texts ({fi, sv, en}); anything else is copied as it is.
NON_TEXT_FIELDS = {"type", "parent", "slug", "show_in_menus", "kind", "website"}


def _organisations(ctx: DemoContext, specs: list) -> dict[str, MemberOrganisation]:
    regions = {r.slug: r for r in Region.objects.filter(locale__language_code="fi")}
    orgs = {}
    for spec in specs:
        texts = data.Texts()
        org, created = ensure_snippet(
            MemberOrganisation,
            {"slug": spec["slug"]},
            name=texts.fi(spec["name"]),
            organisation_type=spec["type"],
            region=regions.get(spec["region"]) if spec["region"] else None,
            website=spec["website"],
            date_joined=datetime.date.fromisoformat(str(spec["joined"])),
            description=texts.fi(spec["description"]),
        )
        if created:
            ctx.note(f"member {spec['slug']}")
        translate_all(org, texts.strings, user=ctx.user)
        orgs[spec["slug"]] = org
    return orgs


def _parent(home, path: str):
    page = home
    for slug in filter(None, path.split("/")):
        page = page.get_children().filter(slug=slug).first() or page
    return page.specific


def _pages(ctx: DemoContext, specs: list) -> None:
    home = ctx.home
    for spec in specs:
        texts = data.Texts()
        model = getattr(member_models, spec["type"])
        slug = texts.fi(spec["slug"])
        fields = {
            name: (value if name in NON_TEXT_FIELDS else texts.fi(value))
            for name, value in spec.items()
            if name not in ("type", "parent", "slug")
        }
        page, created = ensure_page(_parent(home, spec["parent"]), model, slug, **fields)
        if created:
            ctx.note(f"page {slug}")
        translate_all(page, texts.strings, user=ctx.user)


def _working_groups(ctx: DemoContext, specs: list, orgs: dict) -> None:
    index = ctx.home.get_children().type(WorkingGroupIndexPage).first().specific
    for spec in specs:
        texts = data.Texts()
        slug = texts.fi(spec["slug"])
        title = texts.fi(spec["title"])
        purpose = texts.fi(spec["purpose"])
        schedule = texts.fi(spec["meeting_schedule"])
        existing = index.get_children().filter(slug=slug).first()
        if existing is None:
            page = WorkingGroupPage(
                title=title,
                slug=slug,
                locale=index.locale,
                purpose=purpose,
                meeting_schedule=schedule,
                chair=orgs[spec["chair"]],
                status=spec["status"],
            )
            for order, key in enumerate(spec["members"]):
                page.memberships.add(
                    WorkingGroupMembership(organisation=orgs[key], sort_order=order)
                )
            index.add_child(instance=page)
            page.save_revision().publish()
            ctx.note(f"page {slug}")
        else:
            page = existing.specific
        translate_all(page, texts.strings, user=ctx.user)


def load(ctx: DemoContext) -> None:
    source = data.load("members")
    consent_spec = source["consent"]
    texts = data.Texts()
    consent, _created = ensure_snippet(
        ConsentText,
        {"version": consent_spec["version"]},
        text=texts.fi(consent_spec["text"]),
        is_active=True,
    )
    translate_all(consent, texts.strings, user=ctx.user)
    orgs = _organisations(ctx, source["organisations"])
    _pages(ctx, source["pages"])
    _working_groups(ctx, source["working_groups"], orgs)
