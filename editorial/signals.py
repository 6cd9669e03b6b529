"""Receivers: audit-log entries, pilot liaison groups, translator rights on new locale homes."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed
from wagtail.log_actions import log
from wagtail.models import Page

from . import liaisons
from .grants import grant_locale_pages

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


def grant_new_locale_home(sender, instance, created, raw=False, **kwargs) -> None:
    """A locale's first page (its home, made by wagtail-localize) gets its translators' rights."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        grant_locale_pages(apps, instance)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
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
    m2m_changed.connect(
        liaisons.on_liaisons_changed,
        sender=PilotPage.liaisons.through,
        dispatch_uid="editorial.sync_liaison_group",
    )
    post_save.connect(liaisons.on_pilot_saved, sender=PilotPage, dispatch_uid="editorial.pilot")
    post_delete.connect(
        liaisons.on_pilot_deleted, sender=PilotPage, dispatch_uid="editorial.pilot_deleted"
    )
    post_save.connect(grant_new_locale_home, dispatch_uid="editorial.locale_home")
