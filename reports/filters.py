"""The report index's declared filters, for :class:`cms.listing.Listing`.

The database counts each facet and the index fetches only the shown page of reports, so the page
costs the same few queries with ten reports or ten thousand. The report model is passed in (this
module is imported by ``reports.models`` and must not import it back).
"""

from __future__ import annotations

from django.db.models import F
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.listing import Facet


def report_facets(report_model: type) -> list[Facet]:
    """Type, theme, year and publisher; a publisher's URL value is the slug of its name."""
    return [
        Facet(
            "type", _("Report type"), "report_type", labels=dict(report_model.ReportType.choices)
        ),
        Facet(
            "theme",
            _("Theme"),
            "report_themes__theme__slug",
            label_expression="report_themes__theme__name",
        ),
        Facet("year", _("Year"), ExtractYear("publication_date"), newest_first=True),
        Facet(
            "publisher",
            _("Publisher"),
            # ReportPublisher.name: the member organisation's name, else the typed name.
            Coalesce(F("publishers__organisation__name"), F("publishers__name_text")),
            to_param=slugify,
        ),
    ]
