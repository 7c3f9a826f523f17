"""Logs a sysadmin can read: a request for a host we do not serve is one
warning line; the task worker says one line per failed task, none per success."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, rows, site_env


@pytest.mark.django_db
def test_a_disallowed_host_is_a_warning_without_traceback(client, settings, caplog):
    settings.ALLOWED_HOSTS = ["example.org"]
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", HTTP_HOST="scanner.invalid")
    assert response.status_code == 400
    [record] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and "scanner.invalid" in record.getMessage()


def test_the_worker_logs_one_line_per_failed_task_and_none_per_success(
    template, tmp_path
):
    db = tmp_path / "site.sqlite3"
    shutil.copy(template, db)
    env = site_env(db)
    enqueue = (
        "from samizdat.core.tasks import publish_scheduled_pages as ok\n"
        "from wagtail.tasks import update_reference_index_task as gone\n"
        "for _ in range(3): ok.enqueue()\n"
        "gone.enqueue('articles', 'articleauthor', '999999')\n"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", enqueue],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "worker", "--batch", "--no-reload"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).strip().splitlines()
    assert len(said) == 1, said
    assert "wagtail.tasks.update_reference_index_task failed" in said[0]
    assert "DoesNotExist" in said[0]
    statuses = rows(
        db,
        "SELECT status, count(*) FROM django_tasks_database_dbtaskresult"
        " GROUP BY status",
    )
    assert dict(statuses).get("SUCCESSFUL", 0) >= 3
