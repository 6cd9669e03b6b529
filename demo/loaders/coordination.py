"""Pilot coordination: register and lessons pages, legislative needs, milestones and progress
reports (``coordination.yaml``).

Pilots are found by their Finnish titles; with no pilots only the pages and the needs are made.
Reports cover the last three complete months before the day the demo is loaded, so the
dashboard shows an at-risk and an overdue pilot.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from coordination import periods, services
from coordination.models import (
    LegislativeNeed,
    LegislativeNeedsPage,
    LessonsLearnedPage,
    Milestone,
    ProgressReport,
    ReportMeasurement,
    default_locale_pilots,
)
from demo import data
from demo.toolkit import DemoContext, ensure_page, ensure_snippet, retranslate, translate_all

PAGE_TYPES = {
    "LegislativeNeedsPage": LegislativeNeedsPage,
    "LessonsLearnedPage": LessonsLearnedPage,
}
NEED_TEXT_FIELDS = ("description", "consequence", "proposal", "raised_by", "public_response")


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _pages(ctx: DemoContext, specs: list) -> None:
    for spec in specs:
        page, created = ensure_page(
            ctx.home,
            PAGE_TYPES[spec["type"]],
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
        )
        if created:
            ctx.note(spec["slug"])
        translate_all(page, data.Texts(spec["strings"]).strings, user=ctx.user)


def _needs(ctx: DemoContext, specs: list, pilots: dict[str, object]) -> None:
    for spec in specs:
        texts = data.Texts()
        law = texts.fi(spec["law"])
        fields = {name: texts.fi(spec[name]) for name in NEED_TEXT_FIELDS if name in spec}
        fields.update(
            topic=spec["topic"],
            raised_on=_date(spec["raised_on"]),
            handling_status=spec["handling_status"],
        )
        pilot = pilots.get(spec["pilot"])
        need, created = ensure_snippet(
            LegislativeNeed, {"law": law}, pilot=pilot, is_public=True, **fields
        )
        if created:
            ctx.note(f"need {law}")
        elif need.pilot_id is None and pilot is not None:
            need.pilot = pilot
            need.save(update_fields=["pilot"])
        translate_all(need, texts.strings, user=ctx.user)


def _milestones(ctx: DemoContext, pilots: list, specs: list) -> None:
    for pilot in pilots:
        if pilot.milestones.exists():
            continue
        page = pilot.get_latest_revision_as_object()
        texts = data.Texts()
        for order, spec in enumerate(specs):
            done = _date(spec["done"])
            page.milestones.add(
                Milestone(
                    name=texts.fi(spec["name"]),
                    planned_date=_date(spec["planned"]),
                    done_date=done,
                    status="done" if done else "planned",
                    sort_order=order,
                )
            )
        revision = page.save_revision(user=ctx.user)
        if pilot.live:
            revision.publish(user=ctx.user)
            retranslate(pilot.specific_class.objects.get(pk=pilot.pk), texts.strings, user=ctx.user)
        ctx.note(f"milestones {pilot.slug}")


def _report_figure(pilot, month_index: int) -> tuple[str, str, Decimal] | None:
    """The report's figure for the pilot's first indicator, moving from baseline to target.

    Named after an indicator the pilot really has, so approving the report records it on the
    public page; a pilot without indicators reports no figure.
    """
    indicator = next(iter(pilot.indicators.all()), None)
    if indicator is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    step = (indicator.target_value - indicator.baseline_value) * (month_index + 1) / 4
    return indicator.name, indicator.unit, (indicator.baseline_value + step).quantize(Decimal(1))


def _last_three_months() -> list:
    last = periods.last_complete_period(timezone.localdate())
    if last is None:
        return []
    months = [last]
    for _i in range(2):
        previous = periods.period_containing(months[-1].start - dt.timedelta(days=1))
        if previous is None:
            break
        months.append(previous)
    return list(reversed(months))  # oldest first


def _reports(ctx: DemoContext, pilots: list, source) -> None:
    texts, plans = source["report_texts"], source["report_plans"]
    budget_per_month = source["budget_used_per_month"]
    months = _last_three_months()
    for plan in plans:
        if plan["pilot"] >= len(pilots):
            break
        pilot = pilots[plan["pilot"]]
        for month_index, (period, month_plan) in enumerate(
            zip(months, plan["months"], strict=False)
        ):
            if month_plan is None:
                continue
            state, _sep, status = month_plan.rpartition(":")
            state = state or "approved"
            text = texts[status]
            public = text["public_update_text"]
            if status == "on_track":
                public = texts["on_track_public"][month_index]
            report, created = ProgressReport.objects.get_or_create(
                pilot=pilot,
                period_start=period.start,
                defaults={
                    "period_end": period.end,
                    "overall_status": status,
                    "progress_summary": text["progress_summary"],
                    "risks": text["risks"],
                    "next_steps": text["next_steps"],
                    "budget_used": Decimal(budget_per_month * (month_index + 1)),
                    "public_update_text": public["fi"],
                    "public_update_text_sv": public["sv"],
                    "public_update_text_en": public["en"],
                    "state": state,
                    "submitted_at": timezone.now(),
                    "approved_at": timezone.now() if state == "approved" else None,
                },
            )
            if not created:
                continue
            ctx.note(f"report {pilot.slug} {period.start}")
            figure = _report_figure(pilot, month_index)
            if figure is not None:
                name, unit, value = figure
                ReportMeasurement.objects.create(
                    report=report, indicator_name=name, unit=unit, date=period.end, value=value
                )
            if state == "approved":
                services.apply_measurements(report)


def load(ctx: DemoContext) -> None:
    source = data.load("coordination")
    _pages(ctx, source["pages"])
    pilots = list(default_locale_pilots().order_by("title"))
    _needs(ctx, source["legislative_needs"], {p.title: p for p in pilots})
    if not pilots:
        return
    _milestones(ctx, pilots, source["milestones"])
    _reports(ctx, pilots, source)
