"""Names of the editorial roles (Wagtail groups) and what each one may touch.

Groups are always looked up by these names, never by id, so the data migrations, the permission
policy and the demo users agree on any database.
"""

from __future__ import annotations

COMMUNICATIONS = "Communications"
LIAISONS = "Liaisons"
TRANSLATORS_SV = "Translators (sv)"
TRANSLATORS_EN = "Translators (en)"

#: Translator group → the language code of the only locale its members may edit.
TRANSLATOR_LOCALES = {TRANSLATORS_SV: "sv", TRANSLATORS_EN: "en"}

ALL_GROUPS = [COMMUNICATIONS, LIAISONS, TRANSLATORS_SV, TRANSLATORS_EN]

#: Page actions Communications holds on the whole tree (every locale).
COMMUNICATIONS_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
#: Page actions computed live for a liaison on their pilot, and for a translator on their locale.
SUBTREE_ACTIONS = ["add", "change"]

WORKFLOW_NAME = "Communications review"
TASK_NAME = "Communications review"
