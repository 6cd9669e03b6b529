"""Admin registration: use cases and their categories as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import UseCase, UseCaseCategory


class UseCaseViewSet(SnippetViewSet):
    model = UseCase
    icon = "list-ul"
    list_display = ["name", "category", "maturity"]
    list_filter = ["category", "maturity"]
    search_fields = ["name"]


class UseCaseCategoryViewSet(SnippetViewSet):
    model = UseCaseCategory
    icon = "folder-open-inverse"
    list_display = ["name", "sort_order"]


class UseCaseGroup(SnippetViewSetGroup):
    menu_label = _("Use cases")
    menu_icon = "list-ul"
    menu_order = 300
    items = (UseCaseViewSet, UseCaseCategoryViewSet)


register_snippet(UseCaseGroup)
