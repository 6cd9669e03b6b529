"""Admin views: the translation status dashboard and "submit this translation for review"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from .permissions import translator_locales
from .translation_status import all_locale_statuses


def translation_status(request: HttpRequest) -> HttpResponse:
    """Per locale: never translated, out of date (with the date), waiting, up to date.

    Translators see their own locale first-hand; everyone else with admin access sees all.
    """
    codes = None if request.user.is_superuser else (translator_locales(request.user) or None)
    statuses = all_locale_statuses(codes)
    return TemplateResponse(
        request,
        "editorial/translation_status.html",
        {
            "statuses": statuses,
            "can_sync": request.user.has_perm("wagtail_localize.submit_translation"),
            "header_icon": "globe",
            "page_title": _("Translation status"),
        },
    )


def save_translation_draft(translation: Translation, target: Page, user) -> Page:
    """Save the current translated strings as a draft revision, leaving the live page alone.

    wagtail-localize's ``save_target(publish=False)`` writes the translated fields onto the page
    row itself, which *is* the live page a visitor sees. So it runs inside a savepoint only to
    produce the translated content; that is rolled back and the content is stored the way every
    Wagtail draft is: as a revision, with the live row untouched until the review publishes it.
    """
    with transaction.atomic():
        savepoint = transaction.savepoint()
        translation.save_target(user=user, publish=False)
        content = Page.objects.get(pk=target.pk).specific.latest_revision.content
        transaction.savepoint_rollback(savepoint)
    page = Page.objects.get(pk=target.pk).specific
    draft = page.with_content_json(content)
    draft.save_revision(user=user, log_action=True)
    return Page.objects.get(pk=target.pk).specific


@require_POST
def submit_translation_for_review(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Save the translated strings as a draft of the target page and start its workflow.

    wagtail-localize's editor offers only "Publish", which translators must not do; this gives
    them the same path as every other editor: a draft revision that Communications reviews.
    """
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not isinstance(target, Page):
        raise PermissionDenied
    perms = target.permissions_for_user(request.user)
    if not perms.can_edit():
        raise PermissionDenied
    page = save_translation_draft(translation, target, request.user)
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        messages.warning(request, _("The translation was saved as a draft."))
    elif not page.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    else:
        workflow.start(page, request.user)
        messages.success(
            request,
            _("'%(title)s' was submitted for review.") % {"title": page.get_admin_display_title()},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
