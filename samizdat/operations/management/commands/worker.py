"""The task worker for the database queue: django-tasks' `db_worker`, plus a
heartbeat (so the clock can requeue what a dead worker was running) and quiet
logs (one line per failed task, none per successful one unless -v2)."""

from __future__ import annotations

import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from samizdat.operations import workers

logger = logging.getLogger("samizdat.operations")


class Command(db_worker.Command):
    help = "Run a database task worker that beats a heartbeat while it runs."

    def configure_logging(self, verbosity: int) -> None:
        # django-tasks logs two INFO lines per task (and a traceback per
        # failure); workers.log_failed_task says one line per failure instead.
        level = logging.DEBUG if verbosity >= 2 else logging.CRITICAL
        logging.getLogger(TASKS_LOGGER).setLevel(level)
        logging.getLogger("django_tasks_db").setLevel(
            logging.DEBUG if verbosity >= 2 else logging.WARNING
        )
        workers.log_failures()

    def handle(self, *args, worker_id: str, **options) -> None:
        heartbeat = workers.Heartbeat(worker_id)
        heartbeat.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            heartbeat.stop()
