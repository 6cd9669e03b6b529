"""Language-aware full-text search over all public content."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals
        from .analysis import set_vocabulary
        from .vocabulary import DatabaseVocabulary

        signals.connect()
        set_vocabulary(DatabaseVocabulary())
