"""Factories for the coordination app: milestones, reporting schedules, progress reports,
legislative needs and the two public coordination pages."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from coordination.models import (
    LegislativeNeed,
    LegislativeNeedsPage,
    LessonsLearnedPage,
    Milestone,
    ProgressReport,
    ReportingSchedule,
)

from .base import PageFactory, locale
from .pilots import PilotPageFactory


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    pilot = factory.SubFactory(PilotPageFactory)
    name = factory.Sequence(lambda n: f"Välitavoite {n}")
    planned_date = dt.date(2025, 9, 1)


class ReportingScheduleFactory(DjangoModelFactory):
    class Meta:
        model = ReportingSchedule

    pilot = factory.SubFactory(PilotPageFactory)
    period_months = 1


class ProgressReportFactory(DjangoModelFactory):
    """A draft progress report for January 2025."""

    class Meta:
        model = ProgressReport

    pilot = factory.SubFactory(PilotPageFactory)
    period_start = dt.date(2025, 1, 1)
    period_end = dt.date(2025, 1, 31)


class LegislativeNeedFactory(DjangoModelFactory):
    class Meta:
        model = LegislativeNeed

    topic = "data_protection"
    law = "Tietosuoja-asetus"
    description = "Tarve selventää henkilötietojen käsittelyä."
    raised_by = "Kokeilu"
    raised_on = dt.date(2025, 3, 1)
    locale = factory.LazyFunction(locale)


class LegislativeNeedsPageFactory(PageFactory):
    class Meta:
        model = LegislativeNeedsPage

    title = "Lainsäädäntötarpeet"


class LessonsLearnedPageFactory(PageFactory):
    class Meta:
        model = LessonsLearnedPage

    title = "Opit"
