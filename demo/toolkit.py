"""Toolkit for the idempotent demo content that the loaders in ``demo.loaders`` build.

Pages are found by slug under their parent and created only when missing, so a second run
changes nothing.
Translations go through wagtail-localize (a real ``Translation`` per locale), so translators see
demo pages exactly like real ones and the "out of date" tracking works on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models, transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from cms.progress import ProgressBar

P = TypeVar("P", bound=Page)
TARGET_LANGUAGES = ("sv", "en")


@dataclass
class DemoContext:
    """What demo loaders share: the Finnish home page, the admin user, and a progress bar."""

    home: Page
    user: Any = None
    progress: ProgressBar | None = None
    created: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        self.created.append(message)


def ensure_page(parent: Page, model: type[P], slug: str, **fields: Any) -> tuple[P, bool]:
    """Return the child of ``parent`` with ``slug``, creating and publishing it if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    relations = {k: fields.pop(k) for k in list(fields) if _is_many_to_many(model, k)}
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page, True


def _is_many_to_many(model: type[models.Model], name: str) -> bool:
    try:
        return model._meta.get_field(name).many_to_many
    except FieldDoesNotExist:
        return False


def translation_for(segment: str, strings: Mapping[str, str]) -> str | None:
    """The translation of one wagtail-localize segment, in the segment's own format.

    A plain-text field's segment stores its newlines as ``<br/>`` and escapes ``&``, but the data
    files write the Finnish text as it reads (a multi-line list joined with newlines, such as the
    funding call's categories). Without this the lookup missed those fields and the Swedish and
    English pages kept the Finnish text. Returns ``None`` when ``strings`` has no translation.
    """
    text = strings.get(segment)
    if text:
        return text
    plain = StringValue(segment).render_text()
    text = strings.get(plain)
    if text and plain != segment:
        return StringValue.from_plaintext(text).data
    return text or None


def ensure_snippet(model: type[models.Model], lookup: Mapping[str, Any], **fields: Any):
    """Get or create a (Finnish) snippet by natural key."""
    locale = Locale.get_default()
    obj, created = model.objects.get_or_create(locale=locale, **lookup, defaults=fields)
    return obj, created


@transaction.atomic
def translate(instance: models.Model, language: str, strings: Mapping[str, str], user=None):
    """Translate a page or snippet into ``language`` with wagtail-localize, using ``strings``.

    ``strings`` maps each Finnish source string (a field value, a block's text, one paragraph of
    rich text) to its translation. Strings missing from the mapping keep the Finnish text, as
    wagtail-localize does for an unfinished translation. An existing translation is left alone.
    """
    locale = Locale.objects.get(language_code=language)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    _store_translations(source, locale, strings, user, replace=True)
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)


def retranslate(instance: models.Model, strings: Mapping[str, Mapping[str, str]], user=None):
    """Bring the existing translations of a republished source up to date, adding ``strings``
    (language → Finnish source → translation) for its new segments (e.g. milestones added to a
    pilot after it was translated); strings already translated keep their translation."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        pairs = strings.get(translation.target_locale.language_code, {})
        _store_translations(source, translation.target_locale, pairs, user, replace=False)
        translation.save_target(user=user, publish=True)


def _store_translations(source, locale, strings: Mapping[str, str], user, replace: bool) -> None:
    """Save the translation of each of ``source``'s segments that ``strings`` has; with
    ``replace=False`` a segment already translated keeps its translation."""
    store = (
        StringTranslation.objects.update_or_create
        if replace
        else StringTranslation.objects.get_or_create
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = translation_for(segment.string.data, strings)
        if text:
            store(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )


def translate_all(instance: models.Model, strings: Mapping[str, Mapping[str, str]], user=None):
    """Translate into every target language; ``strings`` maps language → source → translation."""
    for language in TARGET_LANGUAGES:
        translate(instance, language, strings.get(language, {}), user=user)


def sync_translations(user=None) -> int:
    """Bring every translation up to date with its (re)published Finnish source.

    Loaders publish Finnish pages again after translating them (milestones, liaisons, related
    reports); wagtail-localize then counts their translations as out of date, and the translator
    dashboard would list the whole demo. This re-extracts each changed source and re-saves its
    translations with the strings they already have, as "Sync translated pages" does. Returns
    the number of sources synced; a second call finds none.
    """
    synced = 0
    for source in TranslationSource.objects.select_related("specific_content_type"):
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:
            continue
        changed = getattr(instance, "last_published_at", None)
        if changed is None or changed <= source.last_updated_at:
            continue
        source.update_from_db()
        for translation in source.translations.filter(enabled=True):
            translation.save_target(user=user, publish=True)
        synced += 1
    return synced
