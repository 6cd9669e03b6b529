"""The record page's feedback form: store the message first, then forward it to the record's
contact through the mail queue (``EMAIL_BACKEND``), so nothing is lost if mail is down."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.links import public_page_url
from cms.protection import rate_limited, too_many_requests

from .forms import FeedbackForm
from .presentation import record_context

RATE_SCOPE = "ai-register-feedback"


def serve_record(page, request, serve, *args, **kwargs):
    """GET: the page. POST: the feedback form, then the page with the form's outcome."""
    if request.method != "POST":
        return serve(request, *args, **kwargs)
    if rate_limited(request, RATE_SCOPE):
        return too_many_requests(request)
    form = FeedbackForm(request.POST)
    sent = False
    if form.is_valid():
        store_and_forward(page, form.cleaned_data, request)
        sent = True
        form = FeedbackForm()
    context = page.get_context(request, *args, **kwargs)
    context.update(record_context(page, form))
    context["feedback_sent"] = sent
    status = 200 if sent or not form.errors else 400
    return TemplateResponse(request, page.get_template(request), context, status=status)


def store_and_forward(page, data: dict, request=None):
    """Save the feedback, then queue its forwarding to the record's contact (if it has one)."""
    from .models import RecordFeedback

    feedback = RecordFeedback.objects.create(
        record=page,
        name=data.get("name", ""),
        email=data.get("email", ""),
        message=data["message"],
        language=page.locale.language_code,
        forwarded_to=page.contact_email,
    )
    if page.contact_email:
        with translation.override(page.locale.language_code):
            subject = _("Feedback on the AI register record: %(name)s") % {"name": page.title}
            body = _(
                "Someone sent this about the AI register record %(name)s (%(url)s):\n\n"
                "%(message)s\n\nFrom: %(sender)s"
            ) % {
                "name": page.title,
                "url": public_page_url(page),
                "message": feedback.message,
                "sender": " ".join(filter(None, [feedback.name, feedback.email]))
                or _("(anonymous)"),
            }
        EmailMessage(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [page.contact_email],
            reply_to=[feedback.email] if feedback.email else None,
        ).send()
    return feedback
