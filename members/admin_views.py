"""Staff views: newsletter send control (test, start, progress) and the subscriber CSV export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.exports import csv_response

from . import newsletter
from .models import LANGUAGE_CHOICES, NewsletterSend, Subscriber


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def subscribers_csv(request: HttpRequest) -> HttpResponse:
    """Confirmed subscribers of one language as CSV (e-mail, language, confirmed at)."""
    _require(request, "members.view_subscriber")
    language = request.GET.get("language", "")
    if language not in dict(LANGUAGE_CHOICES):
        return HttpResponse(_("Choose a language: fi, sv or en."), status=400)
    subscribers = Subscriber.objects.filter(status="confirmed", language=language).order_by("email")
    return csv_response(
        f"subscribers-{language}",
        [_("E-mail"), _("Language"), _("Confirmed at")],
        (
            [s.email, s.get_language_display(), s.confirmed_at]
            for s in subscribers.only("email", "language", "confirmed_at")
        ),
    )


def newsletter_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress and failures of one send; POST ``test`` mails the staff member, ``start`` queues."""
    _require(request, "members.change_newslettersend")
    send = get_object_or_404(NewsletterSend.objects.select_related("issue"), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        issue = send.issue
        if action == "test":
            if not request.user.email:
                messages.error(request, _("Your user account has no e-mail address."))
            else:
                try:
                    newsletter.send_test(send, request.user.email)
                    messages.success(
                        request, _("Test sent to %(email)s.") % {"email": request.user.email}
                    )
                except Exception as exc:  # show the mail server's complaint to staff
                    messages.error(request, _("Test send failed: %(error)s") % {"error": exc})
        elif action == "start":
            if not send.test_sent_at:
                messages.error(request, _("Send a test to yourself first."))
            elif not issue.live:
                messages.error(request, _("Publish the issue before sending it."))
            elif send.status == NewsletterSend.SendStatus.DRAFT:
                send.status = NewsletterSend.SendStatus.QUEUED
                send.save(update_fields=["status"])
                newsletter.start(send)
                messages.success(request, _("Sending started; the background worker delivers it."))
        return redirect("members_newsletter_send", pk=send.pk)
    failures = send.deliveries.filter(status="failed").select_related("subscriber")[:100]
    return TemplateResponse(
        request,
        "members/admin/newsletter_send.html",
        {
            "send": send,
            "issue": send.issue,
            "stats": newsletter.progress(send),
            "failures": failures,
            "recipients": Subscriber.objects.filter(
                status="confirmed", language=send.issue.locale.language_code
            ).count(),
        },
    )
