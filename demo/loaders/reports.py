"""The reports with their sample PDFs, and the use-case catalogue (``reports.yaml``)."""

from __future__ import annotations

from django.apps import apps
from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from cms.models import Theme
from demo import data
from demo.loaders.media import root_collection
from demo.toolkit import DemoContext, ensure_page, ensure_snippet, translate_all
from reports.models import (
    ReportIndexPage,
    ReportPage,
    ReportPublisher,
    ReportRelatedReport,
    ReportTheme,
    UseCase,
    UseCaseCatalogPage,
    UseCaseCategory,
    UseCasePilot,
)
from reports.text import extract_now


def _document(spec):
    """The report's PDF (``file.path`` under demo/), uploaded as a Wagtail document once."""
    model = get_document_model()
    existing = model.objects.filter(title=spec["title"]).first()
    if existing is not None:
        return existing
    path = data.DEMO_DIR / spec["path"]
    with path.open("rb") as handle:
        document = model(title=spec["title"], collection=root_collection())
        document.file.save(path.name, File(handle), save=False)
        # What Wagtail's upload form records, set through the document's public fields.
        document.file_size = document.file.size
        handle.seek(0)
        document.file_hash = hash_filelike(handle)
        document.save()
    # The demo's own PDFs are trusted: read them now, in this process, so a fresh site is
    # searchable without waiting for the worker.
    extract_now(document, isolated=False)
    return document


def _pilot_by_title(title: str):
    """The Finnish pilot page with ``title`` if the pilots demo has created it."""
    model = apps.get_model("pilots", "PilotPage")
    return model.objects.filter(title=title, locale__language_code="fi").first()


def _ensure_report(ctx: DemoContext, index: ReportIndexPage, spec) -> ReportPage:
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    document = _document(spec["file"])
    body = []
    for section in spec["sections"]:
        body.append(("heading", {"text": section["heading"], "level": "h2"}))
        body.append(("paragraph", f"<p>{section['text']}</p>"))
    page = ReportPage(
        title=spec["title"],
        slug=spec["slug"],
        report_type=spec["report_type"],
        publication_date=spec["publication_date"],
        authors=spec["authors"],
        abstract=spec["abstract"],
        key_recommendations=[("recommendation", text) for text in spec["recommendations"]],
        body=body,
        locale=index.locale,
    )
    page.publishers = [ReportPublisher(name_text=spec["publisher"])]
    page.report_themes = [
        ReportTheme(theme=theme)
        for theme in Theme.objects.filter(slug__in=spec["themes"], locale=index.locale)
    ]
    page.files.add(page.files.model(document=document, language="fi"))
    index.add_child(instance=page)
    page.save_revision(user=ctx.user).publish(user=ctx.user)
    ctx.note(f"report {spec['slug']}")
    return page


def _catalogue(ctx: DemoContext, source) -> None:
    categories = {}
    for order, spec in enumerate(source["categories"]):
        texts = data.Texts()
        category, created = ensure_snippet(
            UseCaseCategory, {"slug": spec["slug"]}, name=texts.fi(spec["name"]), sort_order=order
        )
        if created:
            ctx.note(f"use-case category {spec['slug']}")
        translate_all(category, texts.strings, user=ctx.user)
        categories[spec["slug"]] = category
    strings = data.Texts(source["use_case_strings"]).strings
    for spec in source["use_cases"]:
        use_case, created = ensure_snippet(
            UseCase,
            {"slug": spec["slug"]},
            name=spec["name"],
            category=categories[spec["category"]],
            description=spec["description"],
            benefits=spec["benefits"],
            maturity=spec["maturity"],
            data_needed=spec["data_needed"],
            legal_considerations=spec["legal_considerations"],
        )
        if created:
            pilots = [p for p in map(_pilot_by_title, spec["pilots"]) if p is not None]
            if pilots:
                use_case.pilots = [UseCasePilot(pilot=p) for p in pilots]
                use_case.save()
            ctx.note(f"use case {spec['slug']}")
        translate_all(use_case, strings, user=ctx.user)


def load(ctx: DemoContext) -> None:
    source = data.load("reports")
    index_strings = data.Texts(source["index_strings"]).strings
    home = ctx.home
    index_spec = source["index"]
    index, created = ensure_page(
        home,
        ReportIndexPage,
        index_spec["slug"],
        title=index_spec["title"],
        intro=index_spec["intro"],
        show_in_menus=True,
    )
    if created:
        ctx.note("report index")
    translate_all(index, index_strings, user=ctx.user)

    reports = {spec["slug"]: _ensure_report(ctx, index, spec) for spec in source["reports"]}
    for relation in source["related"]:
        report = reports[relation["report"]]
        if not report.related_reports.exists():
            report.related_reports.add(ReportRelatedReport(report=reports[relation["to"]]))
            report.save_revision(user=ctx.user).publish(user=ctx.user)
    report_strings = data.Texts(source["report_strings"]).strings
    for report in reports.values():
        translate_all(report, report_strings, user=ctx.user)

    catalogue_spec = source["catalogue"]
    catalogue, created = ensure_page(
        home,
        UseCaseCatalogPage,
        catalogue_spec["slug"],
        title=catalogue_spec["title"],
        intro=catalogue_spec["intro"],
        show_in_menus=False,
    )
    if created:
        ctx.note("use-case catalogue")
    translate_all(catalogue, index_strings, user=ctx.user)
    _catalogue(ctx, source)
