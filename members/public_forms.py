"""Public form handling for the join, subscribe and proposal pages (FormPage.serve hands the request here).

Every POST is rate limited per IP (``FORM_RATE_LIMIT``) and answered with 429 over the limit;
invalid input re-renders the form with errors (HTTP 400), never a server error.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.protection import client_ip, rate_limited, too_many_requests

from . import mail
from .forms import JoinForm, ProposalForm, SubscribeForm
from .models import (
    ConsentRecord,
    ConsentText,
    MembershipApplication,
    Proposal,
    Subscriber,
    ip_hash,
)


def _language() -> str:
    return (translation.get_language() or "fi")[:2]


def make_form(page, data=None):
    if page.form_kind == "subscribe":
        return SubscribeForm(data)
    if page.form_kind == "join":
        return JoinForm(data, locale=page.locale)
    return ProposalForm(data, kind=page.kind)


def serve_form_page(page, request: HttpRequest) -> HttpResponse:
    """GET shows the form; a valid POST stores the submission first, then mails a confirmation."""
    consent = ConsentText.current(_language())
    status = 200
    if request.method == "POST":
        if rate_limited(request, f"members:{page.form_kind}"):
            return too_many_requests(request)
        form = make_form(page, request.POST)
        if form.is_valid():
            handler = {"subscribe": _subscribe, "join": _join}.get(page.form_kind, _propose)
            with transaction.atomic():
                handler(page, request, form.cleaned_data, consent)
            messages.success(
                request, page.thank_you or _("Thank you! We have received your message.")
            )
            return HttpResponseRedirect(page.url)
        status = 400
    else:
        form = make_form(page)
    context = page.get_context(request)
    context.update({"form": form, "consent_text": consent})
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _consent(request, consent: ConsentText | None, form: str, **links) -> None:
    ConsentRecord.objects.create(
        consent_version=consent.version if consent else None,
        form=form,
        language=_language(),
        ip_hash=ip_hash(client_ip(request)),
        **links,
    )


def _mail_text(template: str, context: dict) -> str:
    return render_to_string(f"members/email/{template}.txt", context).strip() + "\n"


def _subscribe(page, request, data: dict, consent: ConsentText | None) -> None:
    email = data["email"].strip().lower()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=email, defaults={"language": data["language"]}
    )
    if not created and subscriber.status == Subscriber.SubscriberStatus.CONFIRMED:
        # Already confirmed: say nothing different to the visitor (no address probing).
        return
    if not created:
        subscriber.status = Subscriber.SubscriberStatus.PENDING
        subscriber.language = data["language"]
        subscriber.created = timezone.now()
        subscriber.save(update_fields=["status", "language", "created"])
    _consent(request, consent, "newsletter", subscriber=subscriber)
    language = subscriber.language
    unsubscribe = mail.unsubscribe_url(subscriber)
    with translation.override(language):
        context = {
            "confirm_url": mail.absolute(
                "members_confirm", language, token=mail.confirm_token(subscriber)
            ),
            "unsubscribe_url": unsubscribe,
            "max_age_days": mail.conf.setting_int("NEWSLETTER_CONFIRM_MAX_AGE"),
        }
        mail.queue_email(
            subscriber.email,
            _("Confirm your newsletter subscription"),
            _mail_text("subscribe_confirm", context),
            headers=mail.unsubscribe_headers(unsubscribe),
            purpose="newsletter-confirm",
        )


def _join(page, request, data: dict, consent: ConsentText | None) -> None:
    application = MembershipApplication(
        organisation_name=data["organisation_name"],
        contact_name=data["contact_name"],
        email=data["email"].lower(),
        organisation_type=data["organisation_type"],
        region=data.get("region"),
        website=data.get("website", ""),
        message=data.get("message", ""),
        language=_language(),
        consent_version=consent.version if consent else None,
    )
    application.duplicates = application.find_duplicates()
    application.save()
    _consent(request, consent, "join", application=application)
    mail.queue_email(
        application.email,
        _("We received your membership application"),
        _mail_text("join_received", {"application": application}),
        purpose="join-received",
    )


def _propose(page, request, data: dict, consent: ConsentText | None) -> None:
    proposal = Proposal.objects.create(
        kind=page.kind,
        name=data["name"],
        organisation=data.get("organisation", ""),
        email=data["email"].lower(),
        title=data["title"],
        description=data["description"],
        offer=data.get("offer", ""),
        partners_sought=data.get("partners_sought", ""),
        event_date=data.get("event_date"),
        link=data.get("link", ""),
        language=_language(),
        consent_version=consent.version if consent else None,
    )
    _consent(request, consent, f"proposal-{page.kind}", proposal=proposal)
    mail.queue_email(
        proposal.email,
        _("We received your proposal"),
        _mail_text("proposal_received", {"proposal": proposal}),
        purpose="proposal-received",
    )
