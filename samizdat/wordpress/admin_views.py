"""The admin's WordPress import: Administrators upload an export (and a zip
of its uploads), read the dry run's report, then start the import, which the
task worker runs while the page shows its progress."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samizdat.core.roles import ADMINISTRATORS

from . import runs
from .forms import UploadForm
from .models import ImportRun
from .tasks import run_import


def may_import(user) -> bool:
    return bool(
        user.is_active
        and (user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())
    )


def _require(request) -> None:
    if not may_import(request.user):
        raise PermissionDenied


def index(request):
    _require(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = runs.create_run(
            form.cleaned_data["export"],
            form.cleaned_data.get("uploads"),
            form.cleaned_data.get("edition") or "",
            request.user,
        )
        if run.state != ImportRun.State.FAILED:
            transaction.on_commit(lambda: run_import.enqueue(run.pk, True))
        return redirect("wordpress_import_run", run.pk)
    return TemplateResponse(
        request,
        "wordpress/admin/index.html",
        {
            "page_title": _("WordPress import"),
            "header_icon": "download",
            "form": form,
            "runs": ImportRun.objects.select_related("created_by")[:20],
        },
    )


def detail(request, run_id: int):
    _require(request)
    run = get_object_or_404(ImportRun, pk=run_id)
    busy = run.state in (
        ImportRun.State.UPLOADED,
        ImportRun.State.CHECKING,
        ImportRun.State.RUNNING,
    )
    return TemplateResponse(
        request,
        "wordpress/admin/run.html",
        {
            "page_title": _("WordPress import"),
            "header_icon": "download",
            "run": run,
            "busy": busy,
            "percent": int(100 * run.done / run.total) if run.total else 0,
        },
    )


@require_POST
def start(request, run_id: int):
    """Start the import of a checked upload (once: a second click does nothing)."""
    _require(request)
    with transaction.atomic():
        updated = ImportRun.objects.filter(
            pk=run_id, state=ImportRun.State.CHECKED
        ).update(state=ImportRun.State.UPLOADED)
        if updated:
            transaction.on_commit(lambda: run_import.enqueue(run_id, False))
    return redirect("wordpress_import_run", run_id)
