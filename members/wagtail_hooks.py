"""Admin registration: the community menu (applications, subscribers, sends …) and member content.

Records of people — membership applications, proposals, subscribers, newsletter sends, the
outgoing mail queue and consent records — are plain models with ``ModelViewSet``s, never
snippets: no snippet chooser, wagtail-localize API, bulk action or snippet listing can reach them,
and every view checks the model's own permissions (Communications holds them; see
``members/migrations/*_communications_personal_data``). Member organisations and consent texts
are public, translatable content and stay snippets.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "form"
    url_prefix = "members/applications"
    name = "members_applications"
    list_display = ["organisation_name", "status", "duplicate_flag", "submitted_at"]
    list_filter = ["status", "organisation_type"]
    search_fields = ["organisation_name", "email"]
    edit_handler = ObjectList(
        MembershipApplication.panels, base_form_class=MembershipApplicationForm
    )


class SubscriberIndexView(IndexView):
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


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    url_prefix = "members/subscribers"
    name = "members_subscribers"
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


class ConsentRecordViewSet(ModelViewSet):
    model = ConsentRecord
    permission_policy = ViewOnlyPolicy(ConsentRecord)
    icon = "tick-inverse"
    url_prefix = "members/consent-records"
    name = "members_consent_records"
    copy_view_enabled = False
    list_display = ["form", "action", "consent_version", "language", "anonymised", "created"]
    list_filter = ["form", "action"]
    panels = ["form", "action", "consent_version", "language", "anonymised"]


class ProposalViewSet(ModelViewSet):
    model = Proposal
    icon = "help"
    url_prefix = "members/proposals"
    name = "members_proposals"
    list_display = ["title", "kind", "status", "organisation", "submitted_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "organisation", "email"]


class NewsletterSendCreateView(CreateView):
    def save_instance(self):
        """The staff member who creates a send is the one its test mail goes to."""
        if self.form.instance.created_by_id is None:
            self.form.instance.created_by = self.request.user
        return super().save_instance()


class NewsletterSendViewSet(ModelViewSet):
    model = NewsletterSend
    icon = "mail"
    url_prefix = "members/newsletter-sends"
    name = "members_newsletter_sends"
    add_view_class = NewsletterSendCreateView
    copy_view_enabled = False
    list_display = ["issue", "status", "test_sent_at", "started_at", "finished_at", "manage"]
    list_filter = ["status"]


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    url_prefix = "members/outgoing-mail"
    name = "members_outgoing_mail"
    copy_view_enabled = False
    list_display = ["subject", "to", "status", "attempts", "created", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["to", "subject"]
    panels = ["status", "last_error"]


class CommunityViewSetGroup(ModelViewSetGroup):
    """Records of people, for the roles that hold the models' permissions."""

    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 250
    items = (
        MembershipApplicationViewSet,
        ProposalViewSet,
        SubscriberViewSet,
        NewsletterSendViewSet,
        OutgoingEmailViewSet,
        ConsentRecordViewSet,
    )


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityViewSetGroup()


class MemberContentViewSetGroup(SnippetViewSetGroup):
    """Public, translatable member content: the organisations and the consent texts."""

    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 251
    items = (MemberOrganisationViewSet, ConsentTextViewSet)


register_snippet(MemberContentViewSetGroup)
