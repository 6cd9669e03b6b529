"""Registration on an event page: the POST the page's serve() hands over (rate limited, validated, stored)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.protection import rate_limited, too_many_requests

from . import registration as service
from .forms import RegistrationForm
from .models import EventPage, Registration


def handle_registration_post(event: EventPage, request: HttpRequest) -> HttpResponse:
    """Validate and store a registration; errors re-render the page with a clear message."""
    if rate_limited(request, "event-registration"):
        return too_many_requests(request)
    form = RegistrationForm(request.POST)
    status = 200
    if form.is_valid():
        data = service.RegistrationData(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            consent=form.cleaned_data["consent"],
        )
        try:
            registration = service.register(event, data, language=get_language() or "fi")
        except service.RegistrationClosed:
            form.add_error(None, _("Registration for this event has closed."))
            status = 400
        except service.EventFull:
            form.add_error(None, _("The event is full."))
            status = 409
        except service.AlreadyRegistered:
            form.add_error(
                "email",
                _(
                    "This e-mail address is already registered for this event. We have sent the "
                    "link for cancelling that registration to the address."
                ),
            )
            status = 409
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request,
                    _("You are registered. A confirmation has been sent to your e-mail."),
                )
            else:
                messages.info(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will e-mail you if a "
                        "seat becomes free."
                    ),
                )
            return HttpResponseRedirect(event.url + "#registration")
    else:
        status = 400
    context = event.get_context(request)
    context["form"] = form
    return TemplateResponse(request, event.get_template(request), context, status=status)
