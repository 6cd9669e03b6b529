"""What every public form shares: autocomplete tokens, honest choices and a submit label.

Every form a visitor fills in (newsletter, membership, proposals, event registration, funding
application, accessibility feedback) mixes in :class:`PublicFormMixin` and is rendered by the one
component ``templates/components/form.html``, which puts an error summary at the top (focused
after a failed submit, linking to each field), marks required fields and shows the form's own
consent or data notice with a link to the privacy notice.

Choices: a required choice is never preselected and no "---------" option is shown. Radio
buttons get no blank option at all; a select's blank option says "Choose" (required) or "Not
specified" (optional).
"""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


class PublicBoundField(forms.BoundField):
    """A bound field that knows where the error summary should link and how it is grouped."""

    @property
    def is_group(self) -> bool:
        """Radio buttons and checkbox lists are a fieldset with a legend, not one label."""
        return isinstance(self.field.widget, GROUP_WIDGETS)

    @property
    def is_checkbox(self) -> bool:
        return isinstance(self.field.widget, forms.CheckboxInput)

    @property
    def summary_label(self) -> str:
        """How the error summary names the field: a checkbox's label is a whole sentence, so its
        own error message (which says what to tick) stands alone."""
        return "" if self.is_checkbox else str(self.label)

    @property
    def anchor(self) -> str:
        """The id of the first input, so the summary's link moves focus into the field."""
        return f"{self.auto_id}_0" if self.is_group else self.auto_id


class PublicFormMixin:
    """Mix into a public ``Form``/``ModelForm`` before the Django base class."""

    #: Field name → WCAG 1.3.5 input purpose (HTML ``autocomplete`` token) for personal data.
    autocomplete: ClassVar[dict[str, str]] = {}
    #: What the button does, in the visitor's words ("Subscribe", "Join", "Register").
    submit_label: ClassVar[str | Promise] = _("Send")
    bound_field_class = PublicBoundField

    CONSENT_REQUIRED = _("Tick the box to agree, otherwise we cannot take your details.")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if name in self.autocomplete:
                field.widget.attrs["autocomplete"] = self.autocomplete[name]
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                _honest_choices(field)
            if name == "consent":
                field.error_messages["required"] = self.CONSENT_REQUIRED


def _honest_choices(field: forms.ChoiceField | forms.ModelChoiceField) -> None:
    """No "---------" and no preselected required choice (see the module docstring)."""
    if isinstance(field.widget, forms.CheckboxSelectMultiple):
        return
    radios = isinstance(field.widget, forms.RadioSelect)
    blank = _("Choose") if field.required else _("Not specified")
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = None if radios else blank
        field.widget.choices = field.choices
        return
    choices = [(value, label) for value, label in field.choices if value not in ("", None)]
    field.choices = choices if radios else [("", blank), *choices]
