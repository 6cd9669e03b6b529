"""Public forms of the events app: the registration form (listing filters are in ``listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.protection import HoneypotFormMixin
from cms.public_forms import PublicFormMixin


class RegistrationForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored for organising this event and deleted after it."
        ),
        required=True,
    )

    field_order = ["name", "email", "organisation", "consent", "website_url"]
    autocomplete = {"name": "name", "email": "email", "organisation": "organization"}
    submit_label = _("Register")
