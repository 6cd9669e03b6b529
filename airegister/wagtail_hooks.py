"""Admin: the "records due for review" panel on the admin home, and the feedback inbox.

The panel is the coordinator's view of the register: records whose revision date has passed
(overdue) or comes within 30 days. It shows to whoever may read the register's feedback
(Communications and Coordinators in ``editorial.roles``), so it follows the role table.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from .models import REMINDER_DAYS, AIRecordPage, RecordFeedback

PANEL_PERMISSION = "airegister.view_recordfeedback"


class RecordsDueForReviewPanel(Component):
    name = "airegister_records_due"
    template_name = "airegister/admin/records_due_panel.html"
    order = 55

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        horizon = today + dt.timedelta(days=max(REMINDER_DAYS))
        records = list(
            AIRecordPage.objects.live()
            .filter(locale=Locale.get_default(), revision_date__lte=horizon)
            .order_by("revision_date", "title")[:30]
        )
        return {
            "overdue": [r for r in records if r.revision_date < today],
            "upcoming": [r for r in records if r.revision_date >= today],
        }


@hooks.register("construct_homepage_panels")
def records_due_panel(request, panels):
    if request.user.has_perm(PANEL_PERMISSION):
        panels.append(RecordsDueForReviewPanel())


class RecordFeedbackViewSet(ModelViewSet):
    """What readers asked or said about the records (stored before it was forwarded)."""

    model = RecordFeedback
    icon = "mail"
    menu_label = _("AI register feedback")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "ai-register/feedback"
    name = "airegister_feedback"
    list_display = ["record", "created_at", "name", "email", "forwarded_to"]
    list_filter = ["language"]
    search_fields = None
    form_fields = ["name", "email", "message", "forwarded_to"]


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return RecordFeedbackViewSet()
