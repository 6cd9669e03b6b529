"""What every page factory shares: a published page under the right parent in the right locale.

Built on ``wagtail_factories.PageFactory`` (``parent`` may be any page). Page factories default
their parent to the page Wagtail's ``parent_page_types`` ask for, found (or created) in the
Finnish tree the data migrations made; pass ``language="sv"`` to build in another locale's tree
(its home page must exist: see ``tests.factories.tree``) or ``parent=`` to choose the parent.
Pages are published through a revision, as an editor does, so signals (search index, caches)
run; ``draft=True`` leaves the page unpublished with one saved revision.
"""

from __future__ import annotations

from typing import Any, TypeVar

import factory
import wagtail_factories
from wagtail.models import Locale, Page

P = TypeVar("P", bound=Page)


def locale(language: str = "fi") -> Locale:
    """A locale the data migrations made (fi, sv, en)."""
    return Locale.objects.get(language_code=language)


def home_page(language: str = "fi") -> Page:
    """The front page in ``language``: the migrations' Finnish one, or its translation."""
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code=language, depth=2)


def child_or_new(model: type[P], language: str, factory_class: Any, **fields: Any) -> P:
    """The first ``model`` page in ``language`` or a new published one (index pages are singletons)."""
    existing = model.objects.filter(locale__language_code=language).order_by("path").first()
    if existing is not None:
        return existing
    return factory_class(language=language, **fields)


def publish(page: P) -> P:
    """Publish the latest state of ``page`` in a new revision and return it fresh."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(page: P, language: str, **fields: Any) -> P:
    """Copy ``page`` into ``language`` (as wagtail's "translate" does), set ``fields``, publish.

    The parent must already have a translation in ``language``.
    """
    translated = page.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


class PageFactory(wagtail_factories.PageFactory):
    """Base for the project's page factories (abstract)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        language = "fi"
        draft = False

    title = factory.Sequence(lambda n: f"Testisivu {n}")
    parent = factory.LazyAttribute(lambda o: home_page(o.language))
    locale = factory.LazyAttribute(lambda o: o.parent.locale)
    live = factory.LazyAttribute(lambda o: not o.draft)

    @factory.post_generation
    def revision(page, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Save a revision and publish it (a live page), or only save it (a draft)."""
        if not create:
            return
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()
