"""Admin: staff see and export (CSV) the registrations; purging is a management command.

Registrations are records of people: a ``ModelViewSet`` (not a snippet), so only users with the
model's permissions reach them, through no chooser, localize API or bulk action.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Registration


class RegistrationFilterSet(WagtailFilterSet):
    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    url_prefix = "events/registrations"
    name = "events_registrations"
    panels = ["event", "name", "email", "organisation", "consent", "status", "language"]
    copy_view_enabled = False
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
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet()
