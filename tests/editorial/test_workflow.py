"""Communications review: submit, notification e-mail, approve, request changes, schedule, audit."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from editorial.roles import WORKFLOW_NAME
from members.models import OutgoingEmail
from tests.mailqueue import delivered

from .conftest import standard_page_post


def submit_as(client, user, page, **changes):
    client.force_login(user)
    data = standard_page_post(page, **changes)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content[:500]
    return WorkflowState.objects.active().get(object_id=str(page.pk))


def act(client, user, page, action: str, **data):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def test_workflow_covers_every_locale(tree):
    for page in (tree.pilot_a, tree.update_b, tree.standard, tree.sv_standard, tree.en_home):
        workflow = Page.objects.get(pk=page.pk).get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME, page
        task = workflow.tasks.get().specific
        assert [g.name for g in task.groups.all()] == ["Communications"]


def test_submit_notify_approve_publish(client, users, tree):
    page = tree.update_a
    mail.outbox.clear()
    submit_as(client, users.liaison_a, page, title="Päivitys A: tammikuun tulokset")
    page.refresh_from_db()
    assert page.title == "Päivitys A"  # not published by submitting

    # Wagtail's workflow notice is queued (EMAIL_BACKEND is the mail queue), not sent in the request.
    assert mail.outbox == []
    assert OutgoingEmail.objects.filter(to=users.communications.email, status="pending").exists()
    to_reviewer = [m for m in delivered() if users.communications.email in m.to]
    assert len(to_reviewer) == 1
    body = to_reviewer[0].body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in body
    assert not [m for m in mail.outbox if users.liaison_a.email in m.to]

    # A liaison cannot approve their own submission.
    act(client, users.liaison_a, page, "approve")
    page.refresh_from_db()
    assert page.title == "Päivitys A"

    mail.outbox.clear()
    response = act(client, users.communications, page, "approve", comment="Hyvä!")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Päivitys A: tammikuun tulokset"
    assert page.live_revision.user_id == users.liaison_a.pk
    assert [users.liaison_a.email] in [m.to for m in delivered()]  # the author hears back

    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    public = client.get(page.url)
    assert "Päivitys A: tammikuun tulokset" in public.content.decode()


def test_request_changes_with_comment(client, users, tree):
    page = tree.update_a
    submit_as(client, users.liaison_a, page, title="Päivitys A (keskeneräinen)")
    act(client, users.communications, page, "reject", comment="Lisää lähteet, kiitos.")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.current_task_state
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Lisää lähteet, kiitos."
    page.refresh_from_db()
    assert page.title == "Päivitys A"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject").exists()


def test_approve_with_scheduled_publishing(client, users, tree):
    page = Page.objects.get(pk=tree.update_a.pk).specific
    go_live = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    page.title = "Päivitys A (ajastettu)"
    page.go_live_at = go_live
    page.save_revision(user=users.liaison_a)
    page.get_workflow().start(page, users.liaison_a)

    act(client, users.communications, page, "approve")
    page.refresh_from_db()
    assert page.title == "Päivitys A"  # approved, but waits for its time
    revision = page.revisions.order_by("-created_at").first()
    assert revision.approved_go_live_at == go_live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.schedule").exists()

    # Let the time come: move both the approved time and the draft's own go-live time back.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("run_scheduler", once=True, verbosity=0)
    page.refresh_from_db()
    assert page.title == "Päivitys A (ajastettu)"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_liaison_change_is_audited(users, tree):
    entries = PageLogEntry.objects.filter(page=tree.pilot_a, action="editorial.liaisons.add")
    assert [e.data["users"] for e in entries] == [["liaison-a"]]
    pilot = tree.pilot_a.get_latest_revision_as_object()
    pilot.liaisons.remove(users.liaison_a)
    pilot.save_revision().publish()
    removed = PageLogEntry.objects.get(page=tree.pilot_a, action="editorial.liaisons.remove")
    assert removed.data["users"] == ["liaison-a"]


def test_group_permission_change_is_audited(client, users):
    from django.contrib.auth.models import Group
    from wagtail.models import ModelLogEntry

    admin = type(users.nobody).objects.create_superuser("boss", "boss@example.invalid", "x")
    client.force_login(admin)
    group = Group.objects.get(name="Liaisons")
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {"name": "Liaisons"}
    for formset in response.context["permission_panels"]:
        prefix = formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    assert form is not None
    response = client.post(url, data)
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(group.pk)).exists()


def test_history_and_revision_compare_for_each_page_type(client, users, tree):
    client.force_login(users.communications)
    for page in (tree.home, tree.standard, tree.index, tree.pilot_a, tree.sv_standard):
        page = Page.objects.get(pk=page.pk).specific
        first = page.latest_revision
        page.title = page.title + " (muutettu)"
        second = page.save_revision(user=users.communications)
        history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        assert history.status_code == 200, page
        compare = reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]
        )
        response = client.get(compare)
        assert response.status_code == 200, page
        assert "(muutettu)" in response.content.decode()
