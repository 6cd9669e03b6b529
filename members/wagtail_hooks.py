"""Admin registration: the community menu (members, applications, subscribers, sends …)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.exports import ExportMixin

from . import admin_views
from .admin_forms import MembershipApplicationForm
from .models import (
    LANGUAGE_CHOICES,
    ConsentRecord,
    ConsentText,
    MemberOrganisation,
    MembershipApplication,
    NewsletterSend,
    OutgoingEmail,
    Proposal,
    Subscriber,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "members/subscribers.csv",
            admin_views.subscribers_csv,
            name="members_subscribers_csv",
        ),
        path(
            "members/newsletter-send/<int:pk>/",
            admin_views.newsletter_send,
            name="members_newsletter_send",
        ),
    ]


class MemberOrganisationViewSet(SnippetViewSet):
    model = MemberOrganisation
    icon = "group"
    list_display = ["name", "organisation_type", "region", "is_public", "locale"]
    list_filter = ["organisation_type", "is_public", "locale"]
    search_fields = ["name"]


class MembershipApplicationViewSet(SnippetViewSet):
    model = MembershipApplication
    icon = "form"
    list_display = ["organisation_name", "status", "duplicate_flag", "submitted_at"]
    list_filter = ["status", "organisation_type"]
    search_fields = ["organisation_name", "email"]
    edit_handler = ObjectList(
        MembershipApplication.panels, base_form_class=MembershipApplicationForm
    )


class SubscriberIndexView(ExportMixin, IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for code, label in LANGUAGE_CHOICES:
            buttons.append(
                HeaderButton(
                    _("CSV: confirmed (%(language)s)") % {"language": label},
                    url=reverse("members_subscribers_csv") + f"?language={code}",
                    icon_name="download",
                )
            )
        return buttons


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    index_view_class = SubscriberIndexView
    list_display = ["email", "language", "status", "created", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    list_export = ["email", "language", "status", "confirmed_at"]
    panels = ["email", "language", "status"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    list_display = ["version", "is_active", "locale", "created_at"]
    list_filter = ["is_active", "locale"]


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Consent records are proof: staff may read them, nobody edits or deletes them by hand."""

    WRITE = {"add", "change", "delete", "lock", "unlock", "publish"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.WRITE])


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    permission_policy = ViewOnlyPolicy(ConsentRecord)
    icon = "tick-inverse"
    list_display = ["form", "action", "consent_version", "language", "anonymised", "created"]
    list_filter = ["form", "action"]
    panels = ["form", "action", "consent_version", "language", "anonymised"]


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "help"
    list_display = ["title", "kind", "status", "organisation", "submitted_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "organisation", "email"]


class NewsletterSendViewSet(SnippetViewSet):
    model = NewsletterSend
    icon = "mail"
    list_display = ["issue", "status", "test_sent_at", "started_at", "finished_at", "manage"]
    list_filter = ["status"]


class OutgoingEmailViewSet(SnippetViewSet):
    model = OutgoingEmail
    icon = "mail"
    list_display = ["subject", "to", "status", "attempts", "created", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["to", "subject"]
    panels = ["status", "last_error"]


class CommunityViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 250
    items = (
        MemberOrganisationViewSet,
        MembershipApplicationViewSet,
        ProposalViewSet,
        SubscriberViewSet,
        NewsletterSendViewSet,
        OutgoingEmailViewSet,
        ConsentTextViewSet,
        ConsentRecordViewSet,
    )


register_snippet(CommunityViewSetGroup)


@hooks.register("after_create_snippet")
def remember_send_creator(request, instance):
    """The staff member who created a newsletter send is the one its test goes to."""
    if isinstance(instance, NewsletterSend) and instance.created_by_id is None:
        instance.created_by = request.user
        instance.save(update_fields=["created_by"])
