"""The Algorithmic Transparency Standard 0.3.1, as data: every attribute in the standard's order,
its group, type, whether it is required, and where a record keeps it.

Read from the standard's own field list (``Algoritmeregister/standard``,
``_data/schema-v0_3_1.yaml``). Everything that must follow the standard reads this table: the
JSON and CSV outputs (names and order), the JSON Schema (:mod:`airegister.schema`), the
publishing rule (required attributes), the public page (groups) and the importer. Attributes the
system keeps itself have no ``field``: ``standard_version`` (a constant), ``uuid`` (Wagtail's
translation key, shared by every language version), ``lang`` (the page's locale),
``publication_date`` (first publish), ``last_change_date`` (latest publish) and ``name`` (the
page title).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import choices

STANDARD_NAME = "Algorithmic Transparency Standard"
STANDARD_VERSION = "0.3.1"
STANDARD_SOURCE = "https://github.com/Algoritmeregister/standard"


@dataclass(frozen=True)
class Group:
    key: str
    code: str  # the standard's category name
    label: Promise
    explanation: Promise


GROUPS = [
    Group(
        "metadata",
        "METADATA",
        _("About this record"),
        _("When the record was published and changed, and when it will be reviewed next."),
    ),
    Group(
        "basic",
        "BASIC INFORMATION",
        _("Basic information"),
        _("What the system is called, who is responsible for it and whom to contact."),
    ),
    Group(
        "use_case",
        "USE CASE",
        _("Use case"),
        _("Why the system is used, whom it affects, its risks and its legal basis."),
    ),
    Group(
        "data",
        "DATA",
        _("Data"),
        _("Which data the system was trained on and which data it processes."),
    ),
    Group(
        "algorithm",
        "ALGORITHM",
        _("Algorithm"),
        _("How the system works, how well it performs and which alternatives were considered."),
    ),
    Group(
        "oversight",
        "OVERSIGHT",
        _("Oversight"),
        _("How people supervise the system, and how you can object to its use."),
    ),
]
GROUPS_BY_KEY = {group.key: group for group in GROUPS}


@dataclass(frozen=True)
class Attribute:
    """One attribute of the standard. ``field`` is the record's model field (None: kept by the
    system); ``kind`` is the standard's type (const, uuid, string, date, email, url, enum)."""

    name: str
    group: str
    kind: str
    label: Promise
    required: bool = False
    field: str | None = None
    choices: type[models.TextChoices] | None = None
    description: str = ""
    max_length: int | None = None

    @property
    def enum(self) -> list[str]:
        return [str(value) for value in self.choices.values] if self.choices else []


def _a(name, group, kind, label, required=False, field="", **kwargs) -> Attribute:
    return Attribute(
        name, group, kind, label, required, name.lower() if field == "" else field, **kwargs
    )


# fmt: off
ATTRIBUTES: list[Attribute] = [
    # METADATA
    _a("standard_version", "metadata", "const", _("Version of the standard used"), True, None,
       description="Version of the standard used for this registration."),
    _a("uuid", "metadata", "uuid", _("Unique identifier"), False, None,
       description="Universally unique identifier for this registration."),
    _a("lang", "metadata", "string", _("Language"), True, None,
       description="ISO 639-1 for the language in which this registration was filled in."),
    _a("publication_date", "metadata", "date", _("Publication date"), True, None,
       description="Date at which this registration was first published."),
    _a("last_change_date", "metadata", "date", _("Last change date"), True, None,
       description="Date of the last change to this registration."),
    _a("revision_date", "metadata", "date", _("Revision date"), True,
       description="Date before which this registration has to be revisited."),
    _a("revision_note", "metadata", "string", _("Revision date note"),
       description="Why is the revision planned?"),
    _a("keywords", "metadata", "string", _("Keywords"),
       description="Keywords that might help finding this information."),
    # BASIC INFORMATION
    _a("name", "basic", "string", _("Name"), True, None,
       description="What is the colloquial name used to identify this use of the algorithm?"),
    _a("organization", "basic", "string", _("Responsible organisation"), True,
       description="What is the official name of the organization responsible for the use of the algorithm?"),
    _a("department", "basic", "string", _("Department"), True,
       description="What is the name of the department, division, programme, team, ... using the algorithm?"),
    _a("country", "basic", "string", _("Country"), True,
       description="To what country does the organization belong?"),
    _a("contact_email", "basic", "email", _("Contact person e-mail"), True,
       description="E-mail address of the contact person for this registration."),
    _a("contact_phone", "basic", "string", _("Contact person phone number"),
       description="Phone number of the contact person for this registration."),
    _a("contact_name", "basic", "string", _("Contact person name"),
       description="Name of the contact person for this registration."),
    _a("description_short", "basic", "string", _("Short description"), True, max_length=150,
       description="A short description of maximum 150 chars in order to give a quick overview of what this registration is about."),
    _a("website", "basic", "url", _("Website"),
       description="URL of a human readable web page for this registration."),
    _a("status", "basic", "enum", _("Status"), True, choices=choices.Status,
       description="Status of the use of algorithm."),
    _a("remark", "basic", "string", _("Remark"),
       description="Add a remark to this registration."),
    # USE CASE
    _a("decision_making_process", "use_case", "string", _("Decision-making process"), True,
       description="What is the formal process in the organisation in which the algorithm will be/is involved?"),
    _a("domain", "use_case", "enum", _("Domain"), True, choices=choices.Domain,
       description="In which domain will the algorithm be deployed?"),
    _a("area", "use_case", "string", _("Geographical area"), True,
       description="Official name of the geographical area in which the algorithm is being used."),
    _a("goal", "use_case", "string", _("Goals"), True,
       description="What are the goals of the policy for which the algorithm is being/was put in place and how will the application expectedly contribute to reaching these goals?"),
    _a("impact", "use_case", "string", _("Impact"), True,
       description="In what way will people come into contact with the effects of the algorithm?"),
    _a("risks", "use_case", "string", _("Risks"), True,
       description="Which risk assessment was used; an overview of the risks and mitigation measures."),
    _a("risk_category", "use_case", "enum", _("Risk category"), True, choices=choices.RiskCategory,
       description="Classification of the risk category for this use of the algorithm."),
    _a("proportionality", "use_case", "string", _("Proportionality"), True,
       description="Why use of the algorithm is reasonably necessary; why the expected benefits outweigh any potential expected harm."),
    _a("lawful_basis", "use_case", "string", _("Lawful basis"), True,
       description="Which administrative act makes the use of the algorithm legitimate?"),
    _a("documentation", "use_case", "url", _("More information"),
       description="URL reference to any extended information about the use of the algorithm within this specific use case."),
    # DATA
    _a("training_data", "data", "string", _("Training data"), True,
       description="An overview of the data that was used for training the algorithm."),
    _a("source_data", "data", "string", _("Source data"), True,
       description="An overview of the data that is being processed by the algorithm."),
    _a("data_bias", "data", "string", _("Data bias"),
       description="Does the source data contain a certain bias? How is this compensated for?"),
    _a("connected_data_sources", "data", "string", _("Connections to data sources"), True,
       description="Whether a connection is being made to, for example, a personal records database, and other relevant connections."),
    _a("DPIA_description", "data", "string", _("Description of the DPIA"),
       description="An overview of the key points from the data protection impact assessment."),
    _a("DPIA_url", "data", "url", _("DPIA URL"),
       description="URL to the full DPIA documentation."),
    # ALGORITHM
    _a("description", "algorithm", "string", _("Explanation"),
       description="An extensive description explaining the inner workings of the algorithm."),
    _a("algorithm_type", "algorithm", "enum", _("Type of algorithm"), True,
       choices=choices.AlgorithmType,
       description="Whether the algorithm is self-learning, rule-based or hybrid."),
    _a("methods_and_models", "algorithm", "string", _("Methods and models"),
       description="Which known methods or models the algorithm is using."),
    _a("performance", "algorithm", "string", _("Algorithm performance"),
       description="What the performance of the algorithm is and how this is measured."),
    _a("alternatives_considered", "algorithm", "string", _("Considered alternatives"),
       description="Were there any other options considered? Why is this algorithm the best fit for the given goal?"),
    _a("product_information", "algorithm", "url", _("Central registration URL"),
       description="URL for the central public information on this algorithmic application or publiccode.yml file."),
    _a("codebase_url", "algorithm", "url", _("Source code URL"),
       description="URL reference to the codebase of the algorithmic application."),
    _a("product_page", "algorithm", "url", _("Product page URL"),
       description="URL reference of the product page with further information about the algorithmic application."),
    _a("AIA_description", "algorithm", "string", _("Algorithm impact assessment"),
       description="Which algorithm impact assessment was used; an overview of the key points."),
    _a("AIA_url", "algorithm", "url", _("Algorithm impact assessment URL"),
       description="URL to the full AIA documentation."),
    # OVERSIGHT
    _a("type", "oversight", "enum", _("Type of use of the algorithm"), True, "use_type",
       choices=choices.UseType,
       description="Whether the algorithm is being used descriptive, diagnostic, predictive or prescriptive."),
    _a("monitoring", "oversight", "string", _("Performance monitoring"), True,
       description="What the expected performance of the algorithm is and how this is monitored."),
    _a("human_intervention", "oversight", "string", _("Human intervention"), True,
       description="How the outcomes of the algorithm can be intervened with by humans, and who is responsible."),
    _a("objection_procedure", "oversight", "string", _("Objection procedure"), True,
       description="In what way people can object against the use or outcome of the algorithm."),
    _a("rollback", "oversight", "string", _("Rollback"),
       description="Is it possible to completely roll back the effects of the algorithm if needed? What does that take?"),
]

#: EU AI Act fields the standard lacks, served under ``extensions`` (the standard stays clean).
EXTENSIONS: list[Attribute] = [
    _a("ai_act_role", "extensions", "enum", _("Role under the EU AI Act"), choices=choices.ActRole,
       description="The organisation's role for this system under the EU AI Act (Article 3): provider or deployer."),
    _a("annex_iii_area", "extensions", "enum", _("EU AI Act Annex III area"),
       choices=choices.AnnexIIIArea,
       description="The high-risk area of Annex III of the EU AI Act that the use falls in, or 'none'."),
    _a("eu_database_registration", "extensions", "string", _("EU database registration number"),
       description="Registration number in the EU database for high-risk AI systems (Article 71), when there is one."),
    _a("fria_summary", "extensions", "string", _("Fundamental-rights impact assessment"),
       description="Summary of the fundamental-rights impact assessment (Article 27)."),
    _a("fria_url", "extensions", "url", _("Fundamental-rights impact assessment URL"),
       description="URL of the full fundamental-rights impact assessment."),
]
# fmt: on

ATTRIBUTE_NAMES = [attribute.name for attribute in ATTRIBUTES]
BY_NAME = {attribute.name: attribute for attribute in ATTRIBUTES + EXTENSIONS}
REQUIRED_FIELDS = [a for a in ATTRIBUTES if a.required and a.field]
ENUM_FILTERS = ["status", "risk_category", "algorithm_type", "type"]


def attributes_in(group_key: str) -> list[Attribute]:
    return [attribute for attribute in ATTRIBUTES if attribute.group == group_key]


def missing_required(values: dict) -> list[Attribute]:
    """The required attributes (kept in fields) that are empty in ``values`` (field → value)."""
    return [
        attribute
        for attribute in REQUIRED_FIELDS
        if values.get(attribute.field) is None or str(values.get(attribute.field)).strip() == ""
    ]
