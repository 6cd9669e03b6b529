"""The record's admin form (the publishing rule) and the public feedback form."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cms.protection import HoneypotFormMixin
from cms.public_forms import PublicFormMixin

from .standard import missing_required

#: POST keys of Wagtail's page editor that publish a revision or send it on towards publishing.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


def _is_publishing(data) -> bool:
    if any(data.get(key) for key in PUBLISHING_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") in (
        "approve",
    )


class RecordPageForm(WagtailAdminPageForm):
    """Refuses to publish (or submit for review) while a required attribute is empty.

    The check is form validation, so the editor gets the form back with everything they typed,
    each empty required field marked, and a message naming them all; saving a draft is always
    allowed, so a liaison can fill a record in over several sittings.
    """

    def clean(self):
        cleaned = super().clean()
        if not _is_publishing(self.data):
            return cleaned
        missing = [a for a in missing_required(cleaned) if a.field in self.fields]
        if missing:
            for attribute in missing:
                if attribute.field not in self.errors:
                    self.add_error(
                        attribute.field,
                        _("The transparency standard requires this before publishing."),
                    )
            names = ", ".join(str(attribute.label) for attribute in missing)
            raise forms.ValidationError(
                format_lazy(
                    "{} {}",
                    _("This record cannot be published yet: the transparency standard requires"),
                    names,
                ),
                code="standard_required",
            )
        return cleaned


class FeedbackForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    """ "Ask about or comment on this system": stored, then forwarded to the record's contact."""

    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Your e-mail (optional, if you want an answer)"), required=False
    )
    message = forms.CharField(
        label=_("Your question or comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    autocomplete = {"name": "name", "email": "email"}
    submit_label = _("Send")
