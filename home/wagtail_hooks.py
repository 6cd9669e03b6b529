"""Admin: the newsletter e-mail preview button and the accessibility feedback records.

Accessibility feedback is a record of people: a ``ModelViewSet`` (not a snippet), so only the
roles holding the model's permissions (``editorial.roles``) reach it, and the data-rights
commands erase and purge it (``home.privacy``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.wagtail_hooks import PageListingViewLiveButton

from .accessibility import AccessibilityFeedback
from .newsletter import NewsletterIssuePage
from .privacy import erase_feedback, purge_feedback


class EmailPreviewButton(PageListingViewLiveButton):
    label = _("Preview the e-mail")
    icon_name = "mail"


@hooks.register("register_page_header_buttons")
def newsletter_email_preview(page, user, view_name=None, next_url=None):
    if page.specific_class is NewsletterIssuePage and page.live and page.url:
        yield EmailPreviewButton(page=page, url=page.url + "email/", priority=70)


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "help"
    url_prefix = "home/accessibility-feedback"
    name = "home_accessibility_feedback"
    menu_label = _("Accessibility feedback")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["submitted_at", "status", "answer_due", "email", "page_address"]
    list_filter = ["status", "language"]
    search_fields = ["email", "name", "message"]
    panels = ["status", "answer", "message", "page_address", "name", "email", "language"]
    ordering = ["-submitted_at"]


@hooks.register("register_admin_viewset")
def register_accessibility_feedback_viewset():
    return AccessibilityFeedbackViewSet()


# Feedback names a visitor: ``manage.py erase_person`` and ``purge_stale_data`` cover it.
hooks.register("erase_personal_data", erase_feedback)
hooks.register("purge_personal_data", purge_feedback)
