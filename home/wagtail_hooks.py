"""Admin: a header button on newsletter issues that opens the e-mail preview for staff."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.wagtail_hooks import PageListingViewLiveButton

from .newsletter import NewsletterIssuePage


class EmailPreviewButton(PageListingViewLiveButton):
    label = _("Preview the e-mail")
    icon_name = "mail"


@hooks.register("register_page_header_buttons")
def newsletter_email_preview(page, user, view_name=None, next_url=None):
    if page.specific_class is NewsletterIssuePage and page.live and page.url:
        yield EmailPreviewButton(page=page, url=page.url + "email/", priority=70)
