"""The editorial roles (Wagtail groups) and every right each one holds: declared once, here.

This module is the single declaration of who may do what. Data migrations apply it
(:func:`editorial.grants.apply_role_table`), docs/editors-guide.md shows it (a test checks the
guide's table against :func:`role_table_markdown`), and a test migrates an empty database and
compares each group's stored rights with it.

**Changing a right**: edit the tables below, then add a migration to ``editorial`` whose only
operation is ``RunPython(apply_role_table, RunPython.noop)`` and which depends on the migrations
that create every model the tables name (see ``0003_role_table.py``). Applying the table makes
each listed group's model, collection and page rights exactly what the tables say (hand grants
made in the admin to these groups are replaced); groups not listed here are left alone.

Groups are always looked up by name, never by id, so migrations, receivers and demo users agree
on any database. Rights that follow from content rather than from a group are not stored here:
a pilot's liaisons get page rights through their pilot's own group (:mod:`editorial.liaisons`).
"""

from __future__ import annotations

COMMUNICATIONS = "Communications"
LIAISONS = "Liaisons"
TRANSLATORS_SV = "Translators (sv)"
TRANSLATORS_EN = "Translators (en)"
COORDINATORS = "Coordinators"

#: Translator group → the language code of the only locale its members may edit.
TRANSLATOR_LOCALES = {TRANSLATORS_SV: "sv", TRANSLATORS_EN: "en"}

ALL_GROUPS = [COMMUNICATIONS, LIAISONS, TRANSLATORS_SV, TRANSLATORS_EN, COORDINATORS]

#: Wagtail creates these on a new install; nothing here uses them, so a migration removes them
#: while they have no members (with Wagtail's unused "Moderators approval" workflow).
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]

#: Page actions Communications holds on the tree root, so on every locale's pages.
COMMUNICATIONS_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
#: Page actions a translator holds on their locale's home page(s) and a liaison on their pilot.
SUBTREE_ACTIONS = ["add", "change"]

WORKFLOW_NAME = "Communications review"
TASK_NAME = "Communications review"


def _crud(app_label: str, model: str, actions: str = "add change delete view") -> list[str]:
    return [f"{app_label}.{action}_{model}" for action in actions.split()]


#: Group → model permissions (``app_label.codename``, as ``user.has_perm`` spells them).
MODEL_PERMISSIONS: dict[str, list[str]] = {
    COMMUNICATIONS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        # Taxonomies, member organisations, use cases, legislative needs, consent texts.
        *_crud("cms", "region"),
        *_crud("cms", "theme"),
        *_crud("members", "memberorganisation"),
        *_crud("members", "consenttext"),
        *_crud("reports", "usecase"),
        *_crud("reports", "usecasecategory"),
        *_crud("coordination", "legislativeneed"),
        # Records of people (their own admin views; consent records stay read-only by policy).
        *_crud("members", "subscriber"),
        *_crud("members", "membershipapplication"),
        *_crud("members", "proposal"),
        *_crud("members", "consentrecord"),
        *_crud("pilots", "fundingapplication"),
        *_crud("events", "registration"),
        *_crud("home", "accessibilityfeedback"),
        # Questions and comments on AI register records (stored, then forwarded to the contact).
        *_crud("airegister", "recordfeedback", "change delete view"),
        # Newsletter sending and the outgoing mail queue.
        *_crud("members", "newslettersend"),
        *_crud("members", "outgoingemail"),
        # Progress reports (approval itself follows the group: coordination.roles) and schedules.
        *_crud("coordination", "progressreport"),
        *_crud("coordination", "reportingschedule"),
        # Naming a pilot's liaisons (the pilot page's "Liaisons" field asks for this right).
        "pilots.change_pilotpage",
        # Site settings and redirects.
        "cms.change_sitesettings",
        *_crud("wagtailredirects", "redirect", "add change delete"),
    ],
    LIAISONS: [
        "wagtailadmin.access_admin",
    ],
    TRANSLATORS_SV: [
        "wagtailadmin.access_admin",
    ],
    TRANSLATORS_EN: [
        "wagtailadmin.access_admin",
    ],
    COORDINATORS: [
        "wagtailadmin.access_admin",
        # The legislative-needs register is theirs to keep with Communications.
        *_crud("coordination", "legislativeneed", "add change view"),
        "coordination.view_progressreport",
        "coordination.view_reportingschedule",
        # The AI register's feedback, and with it the "records due for review" panel.
        "airegister.view_recordfeedback",
    ],
}

#: Group → image and document rights in every collection (held on the root collection).
COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    COMMUNICATIONS: [
        *_crud("wagtailimages", "image", "add change delete choose"),
        *_crud("wagtaildocs", "document", "add change delete choose"),
    ],
    LIAISONS: [
        *_crud("wagtailimages", "image", "add choose"),
        *_crud("wagtaildocs", "document", "add choose"),
    ],
    TRANSLATORS_SV: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    TRANSLATORS_EN: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    COORDINATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}

#: Group → where its page rights are held and which actions. ``"root"`` is the tree root (every
#: locale); ``"locale:sv"`` is each top-level page (home) of that locale's tree, granted when
#: the page is created (wagtail-localize makes it after the migrations) and by the migrations.
PAGE_PERMISSIONS: dict[str, tuple[str, list[str]]] = {
    COMMUNICATIONS: ("root", COMMUNICATIONS_PAGE_ACTIONS),
    **{group: (f"locale:{code}", SUBTREE_ACTIONS) for group, code in TRANSLATOR_LOCALES.items()},
}

#: Human words for the guide's table (the group names themselves stay English in the database).
PAGE_SCOPE_LABELS = {
    "root": "all pages, every language",
    "locale:sv": "Swedish pages",
    "locale:en": "English pages",
}


def role_table_markdown() -> str:
    """The role table as docs/editors-guide.md shows it: one row per group and kind of right."""
    lines = ["| Group | Kind | Rights |", "| --- | --- | --- |"]
    for group in ALL_GROUPS:
        if group in PAGE_PERMISSIONS:
            scope, actions = PAGE_PERMISSIONS[group]
            rights = ", ".join(f"{action}_page" for action in actions)
            lines.append(f"| {group} | pages: {PAGE_SCOPE_LABELS[scope]} | {rights} |")
        if group == LIAISONS:
            lines.append(
                f"| {group} | pages: own pilot (group `Liaisons: <pilot>`) | "
                f"{', '.join(f'{action}_page' for action in SUBTREE_ACTIONS)} |"
            )
        collection = ", ".join(perm.split(".")[1] for perm in COLLECTION_PERMISSIONS.get(group, []))
        if collection:
            lines.append(f"| {group} | images and documents, every collection | {collection} |")
        models = ", ".join(f"`{perm}`" for perm in MODEL_PERMISSIONS.get(group, []))
        lines.append(f"| {group} | models | {models} |")
    return "\n".join(lines) + "\n"
