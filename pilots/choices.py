"""Code lists of the pilots app: stored as short codes, shown with translated labels.

They are choices, not snippets, because the funding call defines them once and they never
differ between languages except for their labels (which gettext provides).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The use-case categories sought by the 2024 funding call."""

    NURSE_WHISPERER = "nurse-whisperer", _("Nurse whisperer")
    SYMPTOM_ASSESSMENT = "symptom-assessment", _("Symptom assessment and service guidance")
    PROFESSIONAL_SUPPORT = "professional-support", _("Professional's support AI")
    SERVICE_NEED_PREDICTION = "service-need-prediction", _("Service-need prediction")
    ADMINISTRATIVE_BURDEN = "administrative-burden", _("Reducing administrative burden")
    INTERPRETATION = "interpretation", _("Real-time interpretation")
    OTHER = "other", _("Other justified use case")


class Technology(models.TextChoices):
    NLP = "nlp", _("Natural language processing")
    COMPUTER_VISION = "computer-vision", _("Computer vision")
    DEEP_LEARNING = "deep-learning", _("Deep learning")
    GENERATIVE_AI = "generative-ai", _("Generative AI")
    COMBINATION = "combination", _("Combination")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    ENDED_EARLY = "ended-early", _("Ended early")


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class Sector(models.TextChoices):
    HEALTH = "health", _("Health care")
    SOCIAL = "social", _("Social care")
    BOTH = "both", _("Both")


class Maturity(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLAN_READY = "plan-ready", _("Implementation plan ready")
    STARTED = "started", _("Implementation started")


class ApplicantType(models.TextChoices):
    """Who may apply: only the first three are eligible for STM pilot funding."""

    COUNTY = "county", _("Wellbeing services county")
    HUS = "hus", _("HUS Group")
    HELSINKI = "helsinki", _("City of Helsinki")
    OTHER = "other", _("Other organisation")


ELIGIBLE_APPLICANTS = {ApplicantType.COUNTY, ApplicantType.HUS, ApplicantType.HELSINKI}

# Dimensions of the call statistics and the code list each one uses.
STAT_DIMENSIONS = {
    "sector": Sector,
    "technology": Technology,
    "maturity": Maturity,
}


class StatDimension(models.TextChoices):
    SECTOR = "sector", _("Sector")
    TECHNOLOGY = "technology", _("Technology")
    MATURITY = "maturity", _("Maturity")
