"""Audit-log entries for liaison changes and snippet rights for Communications after migrate."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed
from wagtail.log_actions import log

from .roles import COMMUNICATIONS

LIAISONS_ADDED = "editorial.liaisons.add"
LIAISONS_REMOVED = "editorial.liaisons.remove"
TRANSLATION_SYNC = "editorial.translation.sync"


def log_liaison_change(sender, instance, action, pk_set, reverse, **kwargs) -> None:
    """Record who gained or lost a pilot's page rights: liaisons are a permission change."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    PilotPage = apps.get_model("pilots", "PilotPage")
    users = get_user_model().objects.filter(pk__in=pk_set).order_by("pk")
    name = LIAISONS_ADDED if action == "post_add" else LIAISONS_REMOVED
    if reverse:  # user.liaison_pilots.add(pilot): instance is the user
        for pilot in PilotPage.objects.filter(pk__in=pk_set):
            log(pilot, name, data={"users": [instance.get_username()]})
        return
    log(instance, name, data={"users": [user.get_username() for user in users]})


def log_translation_sync(sender, instance, created, update_fields=None, **kwargs) -> None:
    """Record when wagtail-localize (re)extracts a source: its translations may now need work.

    wagtail-localize does not log "Sync translated pages" itself; the extraction is the moment
    the source content that translators see changes.
    """
    if not created and update_fields is not None and "last_updated_at" not in update_fields:
        return
    try:
        source_object = instance.get_source_instance()
    except ObjectDoesNotExist:
        return
    log(
        source_object,
        TRANSLATION_SYNC,
        data={"created": created, "locales": [instance.locale.language_code]},
    )


def connect() -> None:
    from django.db.models.signals import post_save
    from wagtail_localize.models import TranslationSource

    post_save.connect(
        log_translation_sync, sender=TranslationSource, dispatch_uid="editorial.translation_sync"
    )
    PilotPage = apps.get_model("pilots", "PilotPage")
    m2m_changed.connect(
        log_liaison_change,
        sender=PilotPage.liaisons.through,
        dispatch_uid="editorial.log_liaison_change",
    )


def grant_snippet_permissions(sender: Any = None, **kwargs: Any) -> None:
    """Give Communications add/change/delete (and publish/lock where they exist) on every snippet.

    Runs after each ``migrate`` so snippet models added by any app later are covered without a
    migration in this app. Idempotent; does nothing before the editorial migrations have run.
    """
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.snippets.models import get_snippet_models

    group = Group.objects.filter(name=COMMUNICATIONS).first()
    if group is None:
        return
    models = get_snippet_models()
    if not models:
        return
    content_types = ContentType.objects.get_for_models(*models).values()
    actions = ("add", "change", "delete", "publish", "lock", "unlock")
    perms = Permission.objects.filter(content_type__in=content_types).filter(
        codename__regex=r"^(" + "|".join(actions) + r")_"
    )
    group.permissions.add(*perms)
