"""The pilot index, the pilots with indicators and updates, and the 2024 funding call
(``pilots.yaml``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.apps import apps
from django.utils.text import slugify
from wagtail.models import Locale

from cms.models import Region, Theme
from demo import data
from demo.loaders.home import body_blocks, timeline_block
from demo.loaders.media import image_block
from demo.toolkit import DemoContext, ensure_page, translate_all
from pilots.choices import Status
from pilots.models import (
    FundingCallPage,
    Indicator,
    Measurement,
    PilotIndexPage,
    PilotPage,
    PilotTheme,
    PilotUpdatePage,
    PublishedShare,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def _decimal(value) -> Decimal:
    return Decimal(str(value))


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _lead_member(member_slug: str | None):
    """The lead's member organisation when the members demo has it in every language."""
    try:
        model = apps.get_model("members", "MemberOrganisation")
    except LookupError:
        return None
    org = model.objects.filter(locale=Locale.get_default(), slug=member_slug).first()
    if org is None:
        return None
    languages = set(org.get_translations().values_list("locale__language_code", flat=True))
    return org if {"sv", "en"} <= languages else None


def _slug_strings(title, texts: data.Texts) -> str:
    """The slug of a page titled ``title`` ({fi, sv, en}), its translations recorded."""
    slug = slugify(title["fi"])
    texts.fi({lang: slugify(title.get(lang, title["fi"])) for lang in ("fi", "sv", "en")})
    return slug


def _indicator(spec, dates, texts: data.Texts) -> Indicator:
    return Indicator(
        name=texts.fi(spec["name"]),
        unit=texts.fi(spec["unit"]),
        direction=spec["direction"],
        baseline_value=_decimal(spec["baseline"]),
        baseline_date=_date(dates["baseline_date"]),
        target_value=_decimal(spec["target"]),
        target_date=_date(dates["target_date"]),
        data_source=texts.fi(spec["data_source"]),
        measurements=[
            Measurement(date=_date(m["date"]), value=_decimal(m["value"]))
            for m in spec["measurements"]
        ],
    )


def _pilot_fields(spec, source, texts: data.Texts) -> dict:
    default = Locale.get_default()
    themes = {t.slug: t for t in Theme.objects.filter(locale=default, slug__in=spec["themes"])}
    lead = source["lead_organisations"][spec["region"]]
    lead_name = texts.fi(lead["name"])
    fields = {
        "title": texts.fi(spec["title"]),
        "summary": texts.fi(spec["summary"]),
        "region": Region.objects.filter(locale=default, slug=spec["region"]).first(),
        "lead_organisation": _lead_member(lead["member"]),
        "lead_organisation_name": lead_name,
        "category": spec["category"],
        "technology": spec["technology"],
        "status": Status.ONGOING,
        "start_date": _date(source["start_date"]),
        "contact_organisation": lead_name,
        "theme_links": [PilotTheme(theme=themes[s]) for s in spec["themes"] if s in themes],
    }
    if spec.get("image"):
        fields["body"] = [image_block(spec["image"], texts)]
    if spec.get("indicator"):
        fields["indicators"] = [_indicator(spec["indicator"], source["indicator_dates"], texts)]
    return fields


def _ensure_update(pilot: PilotPage, spec) -> tuple[PilotUpdatePage, data.Texts]:
    """The pilot's update page (created when missing) and the texts to translate it with."""
    texts = data.Texts()
    title = texts.fi(spec["title"])
    slug = _slug_strings(spec["title"], texts)
    update, _created = ensure_page(
        pilot,
        PilotUpdatePage,
        slug,
        title=title,
        date=_date(spec["date"]),
        summary=texts.fi(spec["summary"]),
        body=body_blocks(spec.get("body", []), {}, texts),
    )
    return update, texts


def _load_call(ctx: DemoContext, index: PilotIndexPage, spec) -> None:
    call, created = ensure_page(
        index,
        FundingCallPage,
        spec["slug"],
        title=spec["title"],
        intro=spec["intro"],
        timeline=[timeline_block(spec["timeline"])],
        categories_sought="\n".join(spec["categories_sought"]),
        eligibility=f"<p>{spec['eligibility']}</p>",
        requirements="".join(f"<p>{r}</p>" for r in spec["requirements"]),
        form_opens_at=dt.datetime.fromisoformat(str(spec["form_opens_at"])).replace(
            tzinfo=HELSINKI
        ),
        form_closes_at=dt.datetime.fromisoformat(str(spec["form_closes_at"])).replace(
            tzinfo=HELSINKI
        ),
        funding_available=spec["funding_available"],
        published_applications=spec["published_applications"],
        published_requested_total=_decimal(spec["published_requested_total"]),
        published_granted_total=_decimal(spec["published_granted_total"]),
        published_median_requested=_decimal(spec["published_median_requested"]),
        results_note=spec["results_note"],
        published_shares=[
            PublishedShare(dimension=s["dimension"], key=s["key"], percent=_decimal(s["percent"]))
            for s in spec["published_shares"]
        ],
    )
    if created:
        ctx.note("funding call 2024")
    translate_all(call, data.Texts(spec["strings"]).strings, user=ctx.user)


def load(ctx: DemoContext) -> None:
    source = data.load("pilots")
    index_spec = source["index"]
    index, created = ensure_page(
        ctx.home,
        PilotIndexPage,
        index_spec["slug"],
        show_in_menus=True,
        title=index_spec["title"],
        intro=index_spec["intro"],
    )
    if created:
        ctx.note("pilot index")
    translate_all(index, data.Texts(index_spec["strings"]).strings, user=ctx.user)
    for spec in source["pilots"]:
        texts = data.Texts()
        fields = _pilot_fields(spec, source, texts)
        slug = _slug_strings(spec["title"], texts)
        pilot, created = ensure_page(index, PilotPage, slug, **fields)
        if created:
            ctx.note(f"pilot {pilot.slug}")
        update = _ensure_update(pilot, spec["update"]) if spec.get("update") else None
        translate_all(pilot, texts.strings, user=ctx.user)
        if update is not None:
            page, update_texts = update
            translate_all(page, update_texts.strings, user=ctx.user)
    _load_call(ctx, index, source["funding_call"])
