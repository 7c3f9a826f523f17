"""Shared by benchmarks: a scratch production deployment on loopback.

Builds a throwaway SQLite database under a temporary directory, runs the
project's own commands against it with production settings, and starts
gunicorn with two workers. Nothing here is imported by the application."""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(var_dir: Path, port: int, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="samizdat.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL=f"http://127.0.0.1:{port}",
        SAMIZDAT_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(var_dir / "media"),
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="ERROR",
        # Production refuses to start without its newsletter keys.
        NEWSLETTER_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        NEWSLETTER_HASH_KEY=secrets.token_urlsafe(32),
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed: {result.stderr[-2000:]}")
    return result.stdout


def shell(env: dict[str, str], code: str) -> str:
    """Run Python inside the deployment (manage.py shell); its last line."""
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


@contextlib.contextmanager
def deployment(
    port: int | None = None, **extra: str
) -> Iterator[tuple[dict[str, str], int]]:
    """A migrated scratch deployment: (environment, port)."""
    with tempfile.TemporaryDirectory(prefix="samizdat-bench-") as tmp:
        var_dir = Path(tmp)
        port = port or free_port()
        env = production_env(var_dir, port, **extra)
        env["STATIC_ROOT"] = str(var_dir / "static")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "setup_site")
        yield env, port


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 2) -> Iterator[str]:
    argv = ["samizdat.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    argv += ["--access-logfile", "/dev/null", "--error-logfile", "-"]
    with serving(env, port, [*argv, "--log-level", "warning"]) as base:
        yield base


@contextlib.contextmanager
def serving(
    env: dict[str, str], port: int, argv: list[str], stop_seconds: int = 10
) -> Iterator[str]:
    """Run `gunicorn argv` until the home page answers; its base URL."""
    proc = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", *argv],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(base + "/en/", timeout=30).read()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=stop_seconds)


def wrk(url: str, seconds: int = 15, threads: int = 2, connections: int = 16) -> dict:
    """Run wrk against url; requests per second and latency percentiles."""
    out = subprocess.run(  # noqa: S603
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures: dict = {}
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            figures["requests_per_second"] = float(parts[1])
        elif parts[:1] in (["50%"], ["99%"]):
            figures[f"latency_p{parts[0][:-1]}_ms"] = _ms(parts[1])
        elif "Non-2xx or 3xx responses" in line:
            figures["non_2xx"] = int(parts[-1])
    return figures


def _ms(text: str) -> float:
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return round(float(text[: -len(suffix)]) * factor, 2)
    return float(text)
