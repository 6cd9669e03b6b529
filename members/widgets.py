"""The newsletter-issue chooser opens at the newsletter archive.

Wagtail's page chooser starts at the closest common ancestor of the pages it may choose; the
issues live under one archive per language (fi, sv, en trees), so that ancestor is the tree root
and Communications had to browse down to the archive every time. The chooser's modal URL is the
supported place to name the page it opens at.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import reverse
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale


class NewsletterIssueChooser(AdminPageChooser):
    """A page chooser for newsletter issues that opens at the default language's archive.

    The chooser's own language switch leads to the Swedish and English archives.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("target_models", ["home.NewsletterIssuePage"])
        super().__init__(**kwargs)

    def get_chooser_modal_url(self) -> str:
        # By name: members uses no other app's modules (import-linter's independence contract).
        NewsletterIndexPage = apps.get_model("home", "NewsletterIndexPage")
        archive = (
            NewsletterIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
        )
        if archive is None:
            return super().get_chooser_modal_url()
        return reverse("wagtailadmin_choose_page_child", args=[archive.pk])

    def get_js_init_options(self, id_: str, name: str, value_data: Any) -> dict[str, Any]:
        options = super().get_js_init_options(id_, name, value_data)
        # The modal URL already names the archive; a parent id would be appended to it.
        options.pop("parentId", None)
        return options
