"""Public forms: every one has a honeypot, length limits and e-mail validation (CSRF by Django)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Region
from cms.protection import HoneypotFormMixin
from cms.public_forms import PublicFormMixin

from .models import LANGUAGE_CHOICES, MemberOrganisation, Proposal

CONTROL_CHARS = {chr(c) for c in range(32)} - {"\n", "\r", "\t"}


def _plain(value: str) -> str:
    """Visitor text is stored as plain text; control characters other than newlines go."""
    return "".join(ch for ch in value if ch not in CONTROL_CHARS).strip()


class PublicForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    """Each subclass words the consent for what its own form stores (``consent_label``)."""

    consent_label = _(
        "I have read the privacy notice and agree that my details are stored as described."
    )
    consent = forms.BooleanField(required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = self.consent_label

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = _plain(value)
        return cleaned


class SubscribeForm(PublicForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect
    )

    autocomplete = {"email": "email"}
    submit_label = _("Subscribe")
    consent_label = _(
        "Send me the newsletter. My e-mail address is stored for sending it until I unsubscribe."
    )

    field_order = ["email", "language", "consent"]


class JoinForm(PublicForm):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=MemberOrganisation.OrganisationType.choices,
        widget=forms.RadioSelect,
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False
    )
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    field_order = [
        "organisation_name",
        "contact_name",
        "email",
        "organisation_type",
        "region",
        "website",
        "message",
        "consent",
    ]
    autocomplete = {
        "organisation_name": "organization",
        "contact_name": "name",
        "email": "email",
        "website": "url",
    }
    submit_label = _("Join")
    consent_label = _(
        "I agree that the details of this application are stored for handling the membership "
        "and for the member register."
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.all()
        if locale is not None:
            regions = regions.filter(locale=locale)
        self.fields["region"].queryset = regions.order_by("name")


class ProposalForm(PublicForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6})
    )
    offer = forms.CharField(
        label=_("What you offer"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    partners_sought = forms.CharField(
        label=_("What partners you seek"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    event_date = forms.DateField(
        label=_("Date of the event"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    link = forms.URLField(label=_("Link"), max_length=300, required=False, assume_scheme="https")

    KIND_FIELDS = {
        Proposal.Kind.WEBINAR: [],
        Proposal.Kind.PROJECT: ["offer", "partners_sought"],
        Proposal.Kind.BLOG: [],
        Proposal.Kind.EVENT: ["event_date", "link"],
    }
    OPTIONAL = ["offer", "partners_sought", "event_date", "link"]
    autocomplete = {"name": "name", "organisation": "organization", "email": "email"}
    submit_label = _("Send proposal")
    consent_label = _(
        "I agree that my details are stored for handling this proposal and for contacting me "
        "about it."
    )

    def __init__(self, *args, kind: str = Proposal.Kind.WEBINAR, **kwargs):
        super().__init__(*args, **kwargs)
        keep = self.KIND_FIELDS.get(kind, [])
        for name in self.OPTIONAL:
            if name not in keep:
                del self.fields[name]
        if kind == Proposal.Kind.EVENT:
            self.fields["event_date"].required = True
