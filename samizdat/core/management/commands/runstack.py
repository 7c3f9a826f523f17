"""Run the web server, the task worker and the clock together; Ctrl-C stops all."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
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
        # The last start-up line is the one to read: wait until the site
        # answers, so the servers' own start-up lines come before it.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and procs["web"].poll() is None:
            with socket.socket() as probe:
                if probe.connect_ex((host, port)) == 0:
                    break
            time.sleep(0.2)
        credentials = settings.VAR_DIR / "admin-credentials.txt"
        self.stdout.write(
            self.style.SUCCESS(
                f"Samizdat is running on http://{host}:{port}/ with its task "
                f"worker and clock. Admin: http://{host}:{port}/admin/, "
                f"credentials in {credentials}. Ctrl-C stops all."
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
