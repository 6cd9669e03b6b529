"""Admin: the funding applications, read by staff and exported as CSV (or XLSX)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import FundingApplication


class FundingApplicationViewSet(ModelViewSet):
    """Staff with the model's view permission see submissions; ``?export=csv`` downloads them.

    A record of people (contact name and e-mail): a ``ModelViewSet``, never a snippet.
    """

    model = FundingApplication
    url_prefix = "pilots/funding-applications"
    name = "pilots_funding_applications"
    copy_view_enabled = False
    icon = "form"
    menu_label = _("Funding applications")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "project_name",
        "organisation_name",
        "organisation_type",
        "requested_funding",
        "submitted_at",
    ]
    list_filter = ["call", "sector", "technology", "maturity", "organisation_type"]
    search_fields = ["project_name", "organisation_name", "description"]
    list_export = [
        "submitted_at",
        "call",
        "organisation_type",
        "organisation_name",
        "contact_name",
        "contact_email",
        "project_name",
        "category",
        "sector",
        "technology",
        "total_budget",
        "requested_funding",
        "maturity",
        "description",
        "partners",
    ]
    export_filename = "funding-applications"
    panels = [
        "call",
        "submitted_at",
        "organisation_type",
        "organisation_name",
        "contact_name",
        "contact_email",
        "project_name",
        "category",
        "sector",
        "technology",
        "total_budget",
        "requested_funding",
        "maturity",
        "description",
        "partners",
    ]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_funding_application_viewset():
    return FundingApplicationViewSet()
