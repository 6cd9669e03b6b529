"""The funding call page's route: the application form (rate limited) and the published statistics."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cms.protection import rate_limited, too_many_requests

from . import charts
from .forms import FundingApplicationForm
from .stats import compute_statistics, published_statistics


def funding_call(request, page) -> TemplateResponse:
    """The call page: its form while open (POST stores an application), statistics after."""
    state = page.form_state()
    form = None
    if state == "open":
        if request.method == "POST":
            if rate_limited(request, "funding-call"):
                return too_many_requests(request)
            form = FundingApplicationForm(request.POST)
            if form.is_valid():
                application = form.save(commit=False)
                application.call = page
                application.save()
                messages.success(request, _("Thank you. Your application has been received."))
                return redirect(page.url)
        else:
            form = FundingApplicationForm()
    elif request.method == "POST":
        messages.error(
            request,
            _("The application form is not open.")
            if state != "closed"
            else _("The application period has ended; no more applications are accepted."),
        )
    computed = compute_statistics(page.applications()) if state == "closed" else None
    published = published_statistics(page)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "form_state": state,
            "statistics": [
                (s, _chart_data(s)) for s in (computed, published) if s is not None and s.count
            ],
        }
    )
    status = 403 if request.method == "POST" and state != "open" else 200
    return TemplateResponse(request, "pilots/funding_call_page.html", context, status=status)


def _chart_data(stats) -> list[dict[str, Any]]:
    """One bar chart per dimension of a ``CallStatistics``."""
    out = []
    for code, label, shares in stats.dimensions():
        rows = [(s.label, s.percent, f"{number_format(s.percent, 1)} %") for s in shares]
        out.append(
            {
                "code": code,
                "chart_id": f"stats-{'published' if stats.published else 'received'}-{code}",
                "label": label,
                "shares": shares,
                "chart": charts.bar_chart(rows),
            }
        )
    return out
