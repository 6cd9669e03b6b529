"""What translators should do next: per locale, pages never translated, out of date, up to date.

A wagtail-localize ``TranslationSource`` holds the Finnish content as it was when it was last
extracted (``last_updated_at``). When the Finnish page is published again after that, its
translations are *out of date* until someone runs "Sync translated pages" and the translator
updates the translation and submits it; while Communications reviews it, it is *in review*. Nothing here publishes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

NEVER = "never"
OUTDATED = "outdated"
PENDING = "pending"
IN_REVIEW = "in_review"
CURRENT = "current"


@dataclass
class PageStatus:
    """One Finnish page seen from one target locale."""

    source_page: Page
    status: str
    target_page: Page | None = None
    translation_source: TranslationSource | None = None
    translation: Translation | None = None
    changed_at: datetime | None = None


@dataclass
class LocaleStatus:
    locale: Locale
    never: list[PageStatus]
    outdated: list[PageStatus]
    pending: list[PageStatus]
    current: list[PageStatus]
    in_review: list[PageStatus] = field(default_factory=list)


def _source_pages(source_locale: Locale) -> list[Page]:
    return list(
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .live()
        .order_by("path")
    )


def source_text_changed(page: Page, source: TranslationSource) -> bool:
    """Whether the live Finnish page's translatable text differs from what was last synced.

    Republishing without a text change (adding a liaison, a new image crop, a date) must not
    send translators to work: only the strings they translate count.
    """
    current = {
        (segment.path, segment.string.data)
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue)
    }
    synced = set(source.stringsegment_set.values_list("context__path", "string__data"))
    return current != synced


def locale_status(target: Locale, source_locale: Locale | None = None) -> LocaleStatus:
    """Classify every live Finnish page for ``target`` (a handful of queries, not one per page)."""
    source_locale = source_locale or Locale.get_default()
    pages = _source_pages(source_locale)
    keys = [page.translation_key for page in pages]
    targets = {
        page.translation_key: page
        for page in Page.objects.filter(locale=target, translation_key__in=keys)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        translation.source_id: translation
        for translation in Translation.objects.filter(
            source__in=list(sources.values()), target_locale=target
        )
    }
    reviewing = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type__app_label="wagtailcore",
            object_id__in=[str(page.pk) for page in targets.values()],
        )
        .values_list("object_id", flat=True)
    )
    result = LocaleStatus(target, [], [], [], [])
    for page in pages:
        target_page = targets.get(page.translation_key)
        source = sources.get(page.translation_key)
        translation = translations.get(source.pk) if source else None
        item = PageStatus(page, NEVER, target_page, source, translation)
        if target_page is None or target_page.alias_of_id or translation is None:
            result.never.append(item)
            continue
        changed = page.last_published_at
        if str(target_page.pk) in reviewing:
            item.status, item.changed_at = IN_REVIEW, target_page.latest_revision_created_at
            result.in_review.append(item)
        elif changed and changed > source.last_updated_at and source_text_changed(page, source):
            item.status, item.changed_at = OUTDATED, changed
            result.outdated.append(item)
        elif not target_page.live or (
            target_page.last_published_at is None
            or target_page.last_published_at < source.last_updated_at
        ):
            item.status, item.changed_at = PENDING, source.last_updated_at
            result.pending.append(item)
        else:
            item.status, item.changed_at = CURRENT, target_page.last_published_at
            result.current.append(item)
    return result


def all_locale_statuses(codes: list[str] | None = None) -> list[LocaleStatus]:
    default = Locale.get_default()
    locales = Locale.objects.exclude(pk=default.pk).order_by("language_code")
    if codes is not None:
        locales = locales.filter(language_code__in=codes)
    return [locale_status(locale, default) for locale in locales]
