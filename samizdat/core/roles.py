"""Newsroom roles and the review workflow every page goes through.

Contributors write and submit; Translators translate pieces and submit the
translations; Editors review, publish and unpublish; Administrators do
everything, users and settings included.

Translators work as a newsroom's translation desk does: a translation is a
piece of writing in its edition, so it goes through the same review as a
contributor's piece and an Editor publishes it (a translator's name is not
the one a correction or a legal complaint is put to). They translate any
piece (Wagtail's *Translate* action), give the people and tags of the byline
their names in the edition (People, Tag translations), see *Awaiting
translation* and *Most read*, and nothing of ads, the newsletter or users.

Beyond pages (the README's Editors section says the same):
- ads: Editors add, change and delete creatives and add and change slots
  (which places on the page exist); only Administrators delete a slot;
- reports: everyone sees *Most read*; Editors and Administrators see *Ad
  performance* (needs the ads) and the newsletter's counts; Translators,
  Editors and Administrators see *Awaiting translation* (needs the right to
  translate);
- the subscriber list: only Administrators export it (an audited download of
  every reader's address: kept to the fewest hands)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CONTRIBUTORS, EDITORS, ADMINISTRATORS = "Contributors", "Editors", "Administrators"
TRANSLATORS = "Translators"
ROLES = (CONTRIBUTORS, TRANSLATORS, EDITORS, ADMINISTRATORS)
WORKFLOW_NAME = "Editorial review"

PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_page", "change_page"],
    TRANSLATORS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
COLLECTION_PERMISSIONS = {
    CONTRIBUTORS: ["add_image", "choose_image", "add_document", "choose_document"],
    TRANSLATORS: ["add_image", "choose_image", "choose_document"],
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    ADMINISTRATORS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}
MODEL_PERMISSIONS = {
    CONTRIBUTORS: [("wagtailadmin", "access_admin"), ("people", "view_person")],
    TRANSLATORS: [
        ("wagtailadmin", "access_admin"),
        ("people", "add_person"),
        ("people", "change_person"),
        ("people", "view_person"),
        ("simple_translation", "submit_translation"),
        ("articles", "add_tagtranslation"),
        ("articles", "change_tagtranslation"),
        ("articles", "view_tagtranslation"),
    ],
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("people", "add_person"),
        ("people", "change_person"),
        ("people", "view_person"),
        ("articles", "add_tag"),
        ("articles", "change_tag"),
        ("simple_translation", "submit_translation"),
        ("articles", "add_tagtranslation"),
        ("articles", "change_tagtranslation"),
        ("articles", "view_tagtranslation"),
        ("ads", "add_creative"),
        ("ads", "change_creative"),
        ("ads", "delete_creative"),
        ("ads", "view_creative"),
        ("ads", "add_adslot"),
        ("ads", "change_adslot"),
        ("ads", "view_adslot"),
        ("newsletter", "view_subscriber"),
    ],
    ADMINISTRATORS: [
        ("wagtailadmin", "access_admin"),
        ("people", "add_person"),
        ("people", "change_person"),
        ("people", "delete_person"),
        ("people", "view_person"),
        ("articles", "add_tag"),
        ("articles", "change_tag"),
        ("articles", "delete_tag"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "add_group"),
        ("auth", "change_group"),
        ("wagtailcore", "add_site"),
        ("wagtailcore", "change_site"),
        ("wagtailcore", "add_locale"),
        ("wagtailcore", "change_locale"),
        ("wagtailcore", "add_workflow"),
        ("wagtailcore", "change_workflow"),
        ("wagtailcore", "add_task"),
        ("wagtailcore", "change_task"),
        ("simple_translation", "submit_translation"),
        ("articles", "add_tagtranslation"),
        ("articles", "change_tagtranslation"),
        ("articles", "delete_tagtranslation"),
        ("articles", "view_tagtranslation"),
        ("ads", "add_creative"),
        ("ads", "change_creative"),
        ("ads", "delete_creative"),
        ("ads", "view_creative"),
        ("ads", "add_adslot"),
        ("ads", "change_adslot"),
        ("ads", "delete_adslot"),
        ("ads", "view_adslot"),
        ("newsletter", "view_subscriber"),
        ("newsletter", "export_subscriber"),
    ],
}


def _perm(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or repair the four roles and the review workflow."""
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    groups = {}
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=_perm("wagtailcore", codename)
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in COLLECTION_PERMISSIONS[name]:
            app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            permission = _perm(app, codename)
            if permission:
                GroupCollectionPermission.objects.create(
                    group=group, collection=collection, permission=permission
                )
        group.permissions.set(
            [p for p in (_perm(a, c) for a, c in MODEL_PERMISSIONS[name]) if p]
        )
    # Wagtail's installer adds a "Moderators" group; our Editors take its place.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    task = GroupApprovalTask.objects.filter(name="Editor review").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Editor review")
    task.groups.set([groups[EDITORS], groups[ADMINISTRATORS]])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    # Not workflow.workflow_tasks.create(): on a cluster that only adds the row
    # in memory, leaving the workflow without a task (so nothing is reviewed).
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    return groups
