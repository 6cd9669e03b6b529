"""Create the editorial groups and their stored permissions (looked up by name; idempotent).

* Communications (Viestintä): admin access; add/change/publish/lock/unlock/bulk_delete on the
  tree root, so on every locale's pages; add/change/delete/choose images and documents in every
  collection; may request translations (wagtail-localize). Snippet model rights are granted by
  ``editorial.signals.grant_snippet_permissions`` after every migrate, so snippets added by later
  apps are covered too.
* Liaisons (Yhteyshenkilöt): admin access and the right to upload/choose images and documents.
  No stored page rights: a liaison's rights on their pilot are computed live
  (``editorial.permissions``).
* Translators (sv) / Translators (en): admin access, choose images and documents. Their rights on
  their own locale's tree are computed live too (that tree is created by wagtail-localize after
  the migrations have run).

Reversing removes only these groups (with their rows) — never users.
"""

from django.db import migrations

GROUPS = ["Communications", "Liaisons", "Translators (sv)", "Translators (en)"]
COMMUNICATIONS_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
COLLECTION_RIGHTS = {
    "Communications": ["add", "change", "delete", "choose"],
    "Liaisons": ["add", "choose"],
    "Translators (sv)": ["choose"],
    "Translators (en)": ["choose"],
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = _permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    for group in groups.values():
        group.permissions.add(access_admin)

    communications = groups["Communications"]
    communications.permissions.add(
        _permission(
            apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
        )
    )
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for action in COMMUNICATIONS_PAGE_ACTIONS:
            perm = _permission(apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page")
            GroupPagePermission.objects.get_or_create(
                group=communications, page=root, permission=perm
            )

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for name, actions in COLLECTION_RIGHTS.items():
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                for action in actions:
                    perm = _permission(
                        apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                    )
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name], collection=root_collection, permission=perm
                    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("cms", "0002_locales"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
