"""A pilot's liaisons get their page rights through the pilot's own group.

Each pilot (with its translations) has one Wagtail group, ``Liaisons: <Finnish title>``, holding
add/change ``GroupPagePermission`` rows on every language version of the pilot page. Its
members are exactly the users named in the pilot's *Liaisons* field (in any language version).
Receivers keep it so whenever the field changes (``m2m_changed``, which fires when the edited
pilot is published), when a translation of a pilot is created and when a pilot is deleted; a
data migration builds the groups for pilots that existed before. Wagtail then answers every
question (edit, explorer, choosers, search, notifications) from its own tables.

The functions take an app registry so the data migration can run them with historical models.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.conf import settings

from .grants import set_group_page_rights
from .roles import SUBTREE_ACTIONS

GROUP_PREFIX = "Liaisons: "
_NAME_LIMIT = 150  # auth.Group.name max_length


def pilot_group(apps: Any, translation_key: Any) -> Any | None:
    """The group that holds the rights of the pilot family ``translation_key``, if any."""
    Group = apps.get_model("auth", "Group")
    PilotPage = apps.get_model("pilots", "PilotPage")
    family = PilotPage.objects.filter(translation_key=translation_key).values("pk")
    return (
        Group.objects.filter(name__startswith=GROUP_PREFIX, page_permissions__page__in=family)
        .order_by("pk")
        .first()
    )


def _group_name(apps: Any, source: Any) -> str:
    Group = apps.get_model("auth", "Group")
    title = source.title[: _NAME_LIMIT - len(GROUP_PREFIX) - 12]
    name = f"{GROUP_PREFIX}{title}"
    if Group.objects.filter(name=name).exists():  # two pilots with one title
        name = f"{name} (#{source.pk})"
    return name


def sync_pilot_liaisons(translation_key: Any, apps: Any = global_apps) -> Any | None:
    """Make the pilot group's members and page rights match the pilot's liaisons. Idempotent."""
    PilotPage = apps.get_model("pilots", "PilotPage")
    User = apps.get_model(*_user_model_label().split("."))
    family = list(PilotPage.objects.filter(translation_key=translation_key).order_by("path"))
    group = pilot_group(apps, translation_key)
    liaisons = User.objects.filter(liaison_pilots__in=[p.pk for p in family]).distinct()
    if not family:
        if group is not None:
            group.delete()
        return None
    if group is None:
        if not liaisons.exists():
            return None
        source = min(family, key=lambda page: (page.locale_id != _default_locale_id(apps), page.pk))
        Group = apps.get_model("auth", "Group")
        group = Group.objects.create(name=_group_name(apps, source))
    set_group_page_rights(apps, group, family, SUBTREE_ACTIONS)
    group.user_set.set(liaisons)
    return group


def sync_all_pilots(apps: Any = global_apps, schema_editor: Any = None) -> None:
    """Build or refresh every pilot's liaison group (the data migration's step)."""
    PilotPage = apps.get_model("pilots", "PilotPage")
    keys = PilotPage.objects.order_by().values_list("translation_key", flat=True).distinct()
    for key in list(keys):
        sync_pilot_liaisons(key, apps)


def _user_model_label() -> str:
    return settings.AUTH_USER_MODEL


def _default_locale_id(apps: Any) -> int | None:
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE.split("-")[0]
    return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()


# --- receivers --------------------------------------------------------------------------------


def on_liaisons_changed(sender, instance, action, pk_set, reverse, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:  # a publish that left the liaisons as they were
        return
    PilotPage = global_apps.get_model("pilots", "PilotPage")
    if reverse:  # user.liaison_pilots.add(pilot): instance is the user
        pilots = PilotPage.objects.filter(pk__in=pk_set or [])
        if action == "post_clear":
            pilots = PilotPage.objects.all()
        for key in set(pilots.values_list("translation_key", flat=True)):
            sync_pilot_liaisons(key)
        return
    sync_pilot_liaisons(instance.translation_key)


def on_pilot_saved(sender, instance, created, raw=False, **kwargs) -> None:
    """A new language version of a pilot joins its family's group (rights on the new page)."""
    if created and not raw:
        sync_pilot_liaisons(instance.translation_key)


def on_pilot_deleted(sender, instance, **kwargs) -> None:
    sync_pilot_liaisons(instance.translation_key)
