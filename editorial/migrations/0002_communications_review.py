"""Create the "Communications review" workflow and assign it to the tree root (all locales).

One group-approval task with the Communications group. Every page inherits the workflow from the
nearest ancestor that has one, so pilots, pilot updates, reports, events and news in fi, sv and
en all go through it. Looked up by name; running it again changes nothing. It replaces Wagtail's default
"Moderators approval" on the root; reversing puts that back and deactivates ours (workflow states
already recorded keep their history).
"""

from django.db import migrations

NAME = "Communications review"
DEFAULT_WORKFLOW = "Moderators approval"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=NAME, active=True, content_type=task_type)
    task.groups.add(Group.objects.get(name="Communications"))

    workflow, _ = Workflow.objects.get_or_create(name=NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    # Replaces Wagtail's default "Moderators approval" on the root (the workflow stays defined).
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    for assignment in WorkflowPage.objects.filter(workflow__name=NAME):
        if default is not None and assignment.page.depth == 1:
            assignment.workflow = default
            assignment.save()
        else:
            assignment.delete()
    Workflow.objects.filter(name=NAME).update(active=False)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
