"""Where a translation stands in review, and what the person looking at it may do next.

wagtail-localize's translation editor knows only "publish"; Wagtail's workflow (the
"Communications review" task) knows drafts, review, requested changes and approval. This joins
the two for the panel shown above the translation editor: translators save a draft and submit
or resubmit from the editor, reviewers approve or request changes there, and both see the
reviewer's last comment. The actions themselves are Wagtail's own workflow views.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import Translation

DRAFT = "draft"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
DONE = "done"
NOT_STARTED = "not_started"

STATE_LABELS = {
    NOT_STARTED: _("Not yet submitted"),
    DRAFT: _("Draft saved, not yet submitted"),
    IN_REVIEW: _("In review"),
    CHANGES_REQUESTED: _("Changes requested"),
    DONE: _("Done: the reviewed translation is live"),
}


@dataclass
class ReviewAction:
    """One workflow action of the current task, posted to Wagtail's workflow action view."""

    name: str
    label: str
    needs_comment: bool
    url: str


@dataclass
class TranslationReview:
    state: str
    label: str
    task_name: str = ""
    comment: str = ""
    comment_by: str = ""
    can_submit: bool = False
    resubmit: bool = False
    actions: list[ReviewAction] = field(default_factory=list)


def last_comment(page: Page) -> tuple[str, str]:
    """The comment of the latest finished review step of ``page`` (text, reviewer name)."""
    state = (
        TaskState.objects.filter(
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__object_id=str(page.pk),
            finished_at__isnull=False,
        )
        .order_by("-finished_at", "-pk")
        .select_related("finished_by")
        .first()
    )
    if state is None or not state.comment:
        return "", ""
    user = state.finished_by
    return state.comment, (user.get_full_name() or user.get_username()) if user else ""


def review_for(translation: Translation, page: Page, user: Any) -> TranslationReview:
    """The review state of ``page`` (a translation's target) as seen by ``user``."""
    page = page.specific
    workflow_state: WorkflowState | None = page.current_workflow_state
    perms = page.permissions_for_user(user)
    can_edit = perms.can_edit()
    comment, reviewer = last_comment(page)
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state = CHANGES_REQUESTED
    elif workflow_state is not None:
        state = IN_REVIEW
    elif page.has_unpublished_changes and page.live_revision_id != page.latest_revision_id:
        state = DRAFT
    elif (
        page.live
        and page.last_published_at is not None
        and page.last_published_at >= translation.source.last_updated_at
    ):
        state = DONE
    else:
        state = NOT_STARTED
    review = TranslationReview(state=state, label=str(STATE_LABELS[state]))
    if state in (IN_REVIEW, CHANGES_REQUESTED):
        task_state = workflow_state.current_task_state
        review.task_name = task_state.task.name if task_state else ""
    if state in (CHANGES_REQUESTED, DONE):
        review.comment, review.comment_by = comment, reviewer
    review.can_submit = can_edit and state != IN_REVIEW and perms.can_submit_for_moderation()
    review.resubmit = state in (CHANGES_REQUESTED, DONE)
    if state == IN_REVIEW and workflow_state.current_task_state:
        task_state = workflow_state.current_task_state
        task = task_state.task.specific
        for name, label, modal in task.get_actions(page, user):
            url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])
            review.actions.append(ReviewAction(name, str(label), bool(modal), url))
    return review
