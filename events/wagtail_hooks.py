"""Admin: staff see and export (CSV) the registrations; purging is a management command."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.exports import SnippetExportIndexView

from .models import Registration


class RegistrationFilterSet(WagtailFilterSet):
    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "event_title", "status", "created_at"]
    list_export = [
        "event_title",
        "event_start",
        "name",
        "email",
        "organisation",
        "status",
        "language",
        "created_at",
    ]
    export_filename = "event-registrations"
    index_view_class = SnippetExportIndexView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    ordering = ["-created_at"]


register_snippet(RegistrationViewSet)
