"""Run the web server, the task worker and the clock together; Ctrl-C stops all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Start the site, the task worker and the clock; stop all three on Ctrl-C."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", 8000))
        )
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, port: int, host: str, **options) -> None:
        manage = [sys.executable, "manage.py"]
        commands = {
            "web": [*manage, "runserver", f"{host}:{port}", "--noreload"],
            "worker": [*manage, "worker", "--no-reload", "--interval", "1"],
            "clock": [*manage, "clock"],
        }
        procs = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}  # noqa: S603
        self.stdout.write(
            self.style.SUCCESS(
                f"Samizdat is running on http://{host}:{port}/ "
                "with its task worker and clock. Ctrl-C stops all."
            )
        )
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        failed = None
        while not stopping:
            for name, proc in procs.items():
                if proc.poll() is not None:
                    failed = f"{name} exited with status {proc.returncode}"
                    stopping = True
            time.sleep(0.5)
        for proc in procs.values():
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for proc in procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
        if failed:
            raise CommandError(failed)
        self.stdout.write("Stopped.")
