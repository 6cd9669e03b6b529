"""The public application form of a funding call."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from cms.protection import HoneypotFormMixin
from cms.public_forms import PublicFormMixin

from .choices import ELIGIBLE_APPLICANTS
from .models import FundingApplication

MAX_SHARE = Decimal("0.5")


class FundingApplicationForm(PublicFormMixin, HoneypotFormMixin, forms.ModelForm):
    """Only wellbeing services counties, HUS and the City of Helsinki; at most 50 % funding."""

    class Meta:
        model = FundingApplication
        fields = [
            "organisation_type",
            "organisation_name",
            "contact_name",
            "contact_email",
            "project_name",
            "category",
            "sector",
            "technology",
            "total_budget",
            "requested_funding",
            "maturity",
            "description",
            "partners",
        ]
        widgets = {
            "organisation_type": forms.RadioSelect,
            "sector": forms.RadioSelect,
            "maturity": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "partners": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "requested_funding": _("At most half of the total budget."),
            "partners": _("Other organisations taking part, one per line."),
        }

    autocomplete = {
        "contact_email": "email",
        "contact_name": "name",
        "organisation_name": "organization",
    }
    submit_label = _("Send application")
    #: No consent box: the details are needed to assess the application (the privacy notice says
    #: so); the form says why they are stored and links the notice.
    data_notice = _(
        "We store these details for assessing the application and for contacting you about it."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("total_budget", "requested_funding"):
            # Validators are built when a field is made: setting ``min_value`` now would only
            # change the HTML attribute, so the check is attached explicitly.
            self.fields[name].validators.append(MinValueValidator(Decimal(0)))
            self.fields[name].widget.attrs["min"] = "0"

    def clean_organisation_type(self) -> str:
        value = self.cleaned_data["organisation_type"]
        if value not in ELIGIBLE_APPLICANTS:
            raise forms.ValidationError(
                _(
                    "Only wellbeing services counties, HUS and the City of Helsinki can apply "
                    "for this funding."
                )
            )
        return value

    def clean(self):
        cleaned = super().clean()
        budget = cleaned.get("total_budget")
        requested = cleaned.get("requested_funding")
        if budget is not None and requested is not None and requested > budget * MAX_SHARE:
            self.add_error(
                "requested_funding",
                _("You can ask for at most 50 %% of the total budget (%(limit)s €).")
                % {"limit": f"{budget * MAX_SHARE:.2f}"},
            )
        return cleaned
