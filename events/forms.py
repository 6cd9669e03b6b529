"""Public forms of the events app: the registration form and the listing filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.protection import HoneypotFormMixin
from cms.public_forms import PublicFormMixin

from .models import EventFormat, EventType


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


class EventFilterForm(forms.Form):
    """The listing's GET filters. Unknown values are errors shown to the visitor (HTTP 400)."""

    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *EventType.choices]
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *EventFormat.choices]
    )
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 2025-01-22.")},
    )
    year = forms.IntegerField(
        label=_("Archive year"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Enter the year as four digits, e.g. 2025.")},
    )

    def __init__(self, *args, themes=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["year"].widget = forms.Select(
            choices=[("", _("All years"))] + [(y, y) for y in years]
        )
