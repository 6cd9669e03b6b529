"""Member pages: directory, public forms (join, subscribe, propose), working groups and partners."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.listing import Listing, ListingPageMixin
from cms.pages import PublicPageMixin, SearchItem

from .organisations import MemberOrganisation
from .submissions import Proposal

# Cards per page of the working-group and partner indexes: a page's cost does not grow with
# the number of groups or partners (cms.listing fetches only the shown page).
CARDS_PER_PAGE = 24

# --- Pages ---------------------------------------------------------------------------------


class MemberDirectoryPage(ListingPageMixin, PublicPageMixin, Page):
    """The public A–Z directory of member organisations, with filters that work without JS."""

    page_description = _("The directory of member organisations.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.JoinPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"
    search_item_models = ("members.MemberOrganisation",)

    class Meta:
        verbose_name = _("member directory page")
        verbose_name_plural = _("member directory pages")

    def search_items(self) -> list[SearchItem]:
        """Each public member organisation of the page's language at its card
        (``#org-<slug>``): searching for a member's name finds the member."""
        members = list(
            MemberOrganisation.objects.filter(locale_id=self.locale_id, is_public=True)
            .select_related("region")
            .order_by("pk")
        )
        other_names = self._names_in_other_languages(members)
        return [
            SearchItem(
                key=f"org-{member.slug}",
                title=member.name,
                anchor=f"org-{member.slug}",
                summary=member.description,
                # A visitor on the English site may type the official Finnish name
                # ("Helsingin yliopisto"): the member's names in the other languages count too.
                body=" · ".join(
                    filter(
                        None,
                        [str(member.region or ""), *other_names.get(member.translation_key, [])],
                    )
                ),
                kind="memberorganisation",
                title_ranked=False,
            )
            for member in members
        ]

    def _names_in_other_languages(self, members: list[MemberOrganisation]) -> dict:
        """translation key → the member's names in the other languages, where they differ."""
        names: dict = {}
        own = {member.translation_key: member.name for member in members}
        others = MemberOrganisation.objects.filter(translation_key__in=own).exclude(
            locale_id=self.locale_id
        )
        for key, name in others.values_list("translation_key", "name"):
            if name != own[key] and name not in names.setdefault(key, []):
                names[key].append(name)
        return names

    def get_context(self, request, *args, **kwargs):
        from ..directory import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context


class FormPage(PublicPageMixin, Page):
    """Shared behaviour of the public form pages: intro text, consent text, thank-you text."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    thank_you = models.TextField(_("thank-you text"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you")]
    subpage_types: list[str] = []
    search_summary_field = "intro"

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs) -> str:
        """Every form page type shares one template (Wagtail's default is one per class)."""
        return "members/form_page.html"

    def serve(self, request, *args, **kwargs):
        from ..public_forms import serve_form_page

        return serve_form_page(self, request)


class JoinPage(FormPage):
    """ "Join as a member": stores a MembershipApplication and confirms receipt by e-mail."""

    page_description = _("The membership application form.")

    form_kind = "join"

    class Meta:
        verbose_name = _("join as a member page")
        verbose_name_plural = _("join as a member pages")


class SubscribePage(FormPage):
    """Newsletter subscription with double opt-in."""

    page_description = _("The newsletter subscription form.")

    form_kind = "subscribe"

    class Meta:
        verbose_name = _("newsletter subscription page")
        verbose_name_plural = _("newsletter subscription pages")


class ProposalPage(FormPage):
    """One "get involved" form: which kind of proposal it collects is chosen per page."""

    page_description = _("A form for proposing a webinar topic or a joint project.")

    kind = models.CharField(_("kind"), max_length=10, choices=Proposal.Kind.choices)

    content_panels = FormPage.content_panels + [FieldPanel("kind")]
    form_kind = "proposal"

    class Meta:
        verbose_name = _("get involved form page")
        verbose_name_plural = _("get involved form pages")


class WorkingGroupIndexPage(ListingPageMixin, PublicPageMixin, Page):
    page_description = _("The list of working groups.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.WorkingGroupPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"

    class Meta:
        verbose_name = _("working group index page")
        verbose_name_plural = _("working group index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            WorkingGroupPage.objects.child_of(self).live().select_related("chair").order_by("title")
        )
        listing = Listing(request, groups, per_page=CARDS_PER_PAGE)
        context["listing"] = listing
        context["groups"] = listing.page
        return context


class WorkingGroupPage(PublicPageMixin, Page):
    """A working group of the network: purpose, chair, members, meetings and outputs."""

    page_description = _("One working group: its purpose, members and meetings.")

    class GroupStatus(models.TextChoices):
        PLANNED = "planned", _("Being set up")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    purpose = models.TextField(_("purpose"), max_length=1000)
    chair = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("chair organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GroupStatus.choices, default="active"
    )
    meeting_schedule = models.CharField(_("meeting schedule"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("An organisation-level address.")
    )
    outputs = StreamField(BodyStreamBlock(), verbose_name=_("documents and outputs"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("status"),
        FieldPanel("chair"),
        InlinePanel("memberships", label=_("member organisations")),
        FieldPanel("meeting_schedule"),
        FieldPanel("contact_email"),
        FieldPanel("outputs"),
    ]
    search_fields = Page.search_fields + [index.SearchField("purpose")]
    parent_page_types = ["members.WorkingGroupIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "purpose"

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisations = [
            m.organisation
            for m in self.memberships.select_related("organisation").all()
            if m.organisation
        ]
        # The membership rows are copied as they are into each language version; show each
        # organisation's own version in this page's language (its Swedish or English name).
        localized = {
            org.translation_key: org
            for org in MemberOrganisation.objects.filter(
                translation_key__in=[o.translation_key for o in organisations],
                locale_id=self.locale_id,
            )
        }
        context["members"] = [localized.get(o.translation_key, o) for o in organisations]
        return context


class WorkingGroupMembership(Orderable):
    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        MemberOrganisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]


class PartnerIndexPage(ListingPageMixin, PublicPageMixin, Page):
    page_description = _("The list of partners.")

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["members.PartnerPage"]
    max_count_per_parent = 1
    search_summary_field = "intro"

    class Meta:
        verbose_name = _("partner listing page")
        verbose_name_plural = _("partner listing pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = PartnerPage.objects.child_of(self).live().order_by("title")
        listing = Listing(request, partners, per_page=CARDS_PER_PAGE)
        context["listing"] = listing
        context["partners"] = listing.page
        return context


class PartnerPage(PublicPageMixin, Page):
    """A partner service (Wenla, Innokylä): what it offers to companies and care organisations."""

    page_description = _("One partner organisation.")

    summary = models.TextField(_("summary"), max_length=600)
    for_companies = models.TextField(_("what it offers to companies"), blank=True, max_length=2000)
    for_care_organisations = models.TextField(
        _("what it offers to care organisations"), blank=True, max_length=2000
    )
    website = models.URLField(_("website"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("for_companies"),
        FieldPanel("for_care_organisations"),
        FieldPanel("website"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("for_companies"),
        index.SearchField("for_care_organisations"),
    ]
    parent_page_types = ["members.PartnerIndexPage"]
    subpage_types: list[str] = []
    search_summary_field = "summary"

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
