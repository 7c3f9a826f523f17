from __future__ import annotations

from django_tasks import task

from . import runs


@task()
def run_import(run_id: int, dry_run: bool) -> str:
    """The dry run or the import of an upload (idempotent: a finished
    import is not run again)."""
    return runs.perform(run_id, dry_run=dry_run).state
