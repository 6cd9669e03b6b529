"""The names of the editorial groups, workflow and task, in the reader's language.

Wagtail stores one name per group, workflow and task, and code looks them up by that name
(:mod:`editorial.roles`), so the stored names stay English identifiers. What people read is the
translated name: :func:`display_name` maps a stored name to a translatable string, rendered in the
language active for the reader (their admin language preference; Wagtail activates the
recipient's language for each notification e-mail).

Where Wagtail renders these names, this project shows the translated one through supported means:

* the workflow notification e-mails and the admin screens editors use (dashboard panels, the
  status side panel, workflow history) are project overrides of Wagtail's templates in
  ``templates/wagtailadmin/`` that differ from Wagtail's only by the ``|editorial_name`` filter
  (``tests/editorial/test_names.py`` compares them with the installed Wagtail's templates);
* the editor's "Submit to …" / "Resubmit to …" action and the group names on the user and group
  screens go through hooks (:mod:`editorial.wagtail_hooks`).

Names not declared here (e.g. a workflow an administrator adds in Settings) are shown as stored.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .liaisons import GROUP_PREFIX
from .roles import (
    COMMUNICATIONS,
    COORDINATORS,
    LIAISONS,
    TASK_NAME,
    TRANSLATORS_EN,
    TRANSLATORS_SV,
    WORKFLOW_NAME,
)

#: Stored name → the name shown to people (translated when displayed).
DISPLAY_NAMES: dict[str, Promise] = {
    WORKFLOW_NAME: _("Communications review"),
    TASK_NAME: _("Communications review"),
    COMMUNICATIONS: _("Communications"),
    LIAISONS: _("Liaisons"),
    TRANSLATORS_SV: _("Translators (sv)"),
    TRANSLATORS_EN: _("Translators (en)"),
    COORDINATORS: _("Coordinators"),
    # Wagtail's defaults, shown until the role-table migration removes them.
    "Moderators": _("Moderators"),
    "Editors": _("Editors"),
}


def display_name(name: str) -> str:
    """The name a group, workflow or task is shown by, in the active language.

    A pilot's liaison group (``Liaisons: <pilot title>``) keeps the pilot's title.
    """
    if name.startswith(GROUP_PREFIX):
        return gettext("Liaisons: %(pilot)s") % {"pilot": name[len(GROUP_PREFIX) :]}
    declared = DISPLAY_NAMES.get(name)
    return str(declared) if declared is not None else name
