"""The "add page" chooser says what each of the project's page types is for."""

from __future__ import annotations

from django.utils import translation
from wagtail.models import get_page_models

PROJECT_APPS = {"home", "pilots", "reports", "members", "events", "coordination"}


def test_every_page_type_has_a_translated_one_line_description():
    models = [
        model
        for model in get_page_models()
        if model._meta.app_label in PROJECT_APPS and not model._meta.abstract
    ]
    assert len(models) > 20
    for model in models:
        with translation.override("en"):
            english = str(model.get_page_description())
        assert english, model
        with translation.override("fi"):
            assert str(model.get_page_description()) != english, model
        with translation.override("sv"):
            assert str(model.get_page_description()) != english, model
