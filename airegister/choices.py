"""The standard's code lists: stored and served as the standard's English codes, shown to people
with translated labels.

The codes are the values of the ``enum`` lists of the Algorithmic Transparency Standard 0.3.1
(``Algoritmeregister/standard``, ``_data/schema-v0_3_1.yaml``), spelling included ("spacial"),
so the machine-readable output matches every other register that uses the standard.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DESIGN = "design", _("Design")
    DEVELOPMENT = "development", _("Development")
    PILOT = "pilot", _("Pilot")
    EVALUATION = "evaluation", _("Evaluation")
    OPERATIONAL = "operational", _("Operational")
    RETIRED = "retired", _("Retired")


class Domain(models.TextChoices):
    TAXES = "taxes", _("Taxes")
    HOUSING = "housing, living and living environment", _("Housing, living and living environment")
    CULTURE = "culture, sports and leisure", _("Culture, sports and leisure")
    DEFENCE = "defence", _("Defence")
    ECONOMY = "economy and entrepreneurship", _("Economy and entrepreneurship")
    FAMILY = "family, youth and households", _("Family, youth and households")
    FINANCE = "finance", _("Finance")
    GENERIC = "generic", _("Generic")
    HEALTH = "health and health care", _("Health and health care")
    IMMIGRATION = "immigration and integration", _("Immigration and integration")
    INTERNATIONAL = (
        "international collaboration and development aid",
        _("International collaboration and development aid"),
    )
    AGRICULTURE = "agriculture, nature and food", _("Agriculture, nature and food")
    ENVIRONMENT = (
        "environment, spacial planning and water",
        _("Environment, spatial planning and water"),
    )
    EDUCATION = "education and science", _("Education and science")
    PUBLIC_SAFETY = "public safety", _("Public safety")
    GOVERNMENT = "government", _("Government")
    JUSTICE = "justice", _("Justice")
    ABROAD = "travel, living and working abroad", _("Travel, living and working abroad")
    BENEFITS = "subsidies, benefits and allowances", _("Subsidies, benefits and allowances")
    TRAFFIC = "traffic and transportation", _("Traffic and transportation")
    WORK = "work and career", _("Work and career")


class RiskCategory(models.TextChoices):
    MINIMAL = "minimal risk", _("Minimal risk")
    LIMITED = "limited risk", _("Limited risk")
    HIGH = "high risk", _("High risk")
    UNACCEPTABLE = "unacceptable", _("Unacceptable risk")


class AlgorithmType(models.TextChoices):
    SELF_LEARNING = "self-learning", _("Self-learning")
    RULE_BASED = "rule-based", _("Rule-based")
    HYBRID = "hybrid", _("Hybrid")


class UseType(models.TextChoices):
    """The standard's attribute ``type`` (type of use of the algorithm)."""

    DESCRIPTIVE = "descriptive", _("Descriptive")
    DIAGNOSTIC = "diagnostic", _("Diagnostic")
    PREDICTIVE = "predictive", _("Predictive")
    PRESCRIPTIVE = "prescriptive", _("Prescriptive")


class ActRole(models.TextChoices):
    """EU AI Act extension: the organisation's role for this system (Article 3)."""

    PROVIDER = "provider", _("Provider")
    DEPLOYER = "deployer", _("Deployer")


class AnnexIIIArea(models.TextChoices):
    """EU AI Act extension: the high-risk area of Annex III the use falls in, if any."""

    NONE = "none", _("Not an Annex III area")
    BIOMETRICS = "biometrics", _("Biometrics")
    CRITICAL_INFRASTRUCTURE = "critical-infrastructure", _("Critical infrastructure")
    EDUCATION = "education", _("Education and vocational training")
    EMPLOYMENT = "employment", _("Employment and workers management")
    ESSENTIAL_SERVICES = (
        "essential-services",
        _("Access to essential private and public services and benefits"),
    )
    LAW_ENFORCEMENT = "law-enforcement", _("Law enforcement")
    MIGRATION = "migration", _("Migration, asylum and border control")
    JUSTICE = "justice-democracy", _("Administration of justice and democratic processes")
