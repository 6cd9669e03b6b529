"""AI pilot projects, their liaison updates, impact indicators and the funding call.

A pilot is structured data rather than one rich-text blob: the index filters and charts it, the
API hands it to other services and THL-style evaluation needs indicators with baselines, targets
and measurements. Inline rows that point at translatable snippets (themes, partner members) are
themselves translatable, so wagtail-localize maps them to the translated snippet in sv and en.

The models live in one module per concern; this package re-exports every name, so
``from pilots.models import X`` and the migrations keep working.
"""

from .funding import FundingApplication, FundingCallPage, PublishedShare
from .pages import MAX_STM_SHARE, NOT_NEGATIVE, PilotIndexPage, PilotPage, PilotUpdatePage
from .rows import Indicator, Measurement, PilotLink, PilotPartner, PilotTheme

__all__ = [
    "FundingApplication",
    "FundingCallPage",
    "Indicator",
    "MAX_STM_SHARE",
    "Measurement",
    "NOT_NEGATIVE",
    "PilotIndexPage",
    "PilotLink",
    "PilotPage",
    "PilotPartner",
    "PilotTheme",
    "PilotUpdatePage",
    "PublishedShare",
]
