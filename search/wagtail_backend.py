"""Wagtail's admin search with the site search's analysis (``WAGTAILSEARCH_BACKENDS``).

Wagtail's database backend indexes the raw text of titles and bodies; its admin page search
and snippet/model listings call ``autocomplete()`` or ``search()`` with what the editor typed.
This backend is Wagtail's own database backend for the vendor (the supported way to change
search is a backend in ``WAGTAILSEARCH_BACKENDS``) with one difference: a query string becomes
a structured query (Wagtail's ``And``/``Or``/``PlainText``), each word replaced by *any of* its
forms: the word, its base forms in Finnish, Swedish and English (``search.analysis``) and the
inflected forms of those base forms that the site's own index has seen
(``search.vocabulary``). So ``hyvinvointialueella`` finds a page titled *Hyvinvointialueiden
tekoäly*, and ``syövän`` a page about *syöpä*. Autocomplete matches each form as a prefix.
"""

from __future__ import annotations

from modelsearch.query import And, Or, PlainText

from .analysis import LANGUAGES, PART_RE, analyzer_for, words
from .models import SearchTerm

MAX_FORMS = 24


def word_forms(word: str) -> list[str]:
    """Every form of one word worth matching in raw text, the word itself first."""
    forms = [word]
    bases: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        terms = analyzer_for(lang).word(word)
        if terms is None:
            continue
        forms += [t for t in terms.primary + terms.alternatives if PART_RE.fullmatch(t)]
        bases.setdefault(lang, set()).update(terms.primary)
    for lang, found in bases.items():
        forms += SearchTerm.objects.filter(lang=lang, base__in=found).values_list(
            "term", flat=True
        )[:MAX_FORMS]
    return [f for f in dict.fromkeys(forms) if len(f) >= 2][:MAX_FORMS]


def analysed_query(query):
    """A query string → And of Or-of-forms per word; other query objects pass unchanged."""
    if not isinstance(query, str):
        return query
    found = [w for w in words(query) if PART_RE.fullmatch(w)]
    if not found:
        return query
    clauses = [Or([PlainText(form) for form in word_forms(w)]) for w in found]
    return clauses[0] if len(clauses) == 1 else And(clauses)


class AnalysedQueryMixin:
    """Analyse query strings before Wagtail's compiler sees them."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(analysed_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(analysed_query(query), model_or_queryset, *args, **kwargs)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend of the current vendor, with analysed queries."""
    from modelsearch.backends.database import SearchBackend as vendor_backend

    base = type(vendor_backend(params))
    analysed = type(f"Analysed{base.__name__}", (AnalysedQueryMixin, base), {})
    return analysed(params)


__all__ = ["SearchBackend", "analysed_query", "word_forms"]
