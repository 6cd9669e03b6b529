"""Admin: the funding applications, read by staff and exported as CSV (or XLSX)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.exports import SnippetExportIndexView

from .models import FundingApplication


class FundingApplicationViewSet(SnippetViewSet):
    """Staff with the model's view permission see submissions; ``?export=csv`` downloads them."""

    model = FundingApplication
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
    index_view_class = SnippetExportIndexView
    inspect_view_enabled = True


register_snippet(FundingApplicationViewSet)
