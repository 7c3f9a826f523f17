"""Wall time of `manage.py seed_demo` on a scratch SQLite database.

`make run` seeds the demo on every start, so two figures matter: the first
run on an empty database (full size: 300 articles, 20 caricatures) and the
second run, which must find everything and write nothing. Each run is a
fresh process, Django start-up included, as `make run` does it. Prints one
JSON line per figure, and first the wall time of `manage.py check` under the
same load, so the start-up cost can be told apart from the seeding."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
TARGET_FIRST_SECONDS = 120
TARGET_SECOND_SECONDS = 3


def manage(env: dict, *args: str) -> tuple[float, str]:
    started = time.monotonic()
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.monotonic() - started, result.stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "samizdat.settings.dev",
            "SAMIZDAT_VAR_DIR": scratch,
            "MEDIA_ROOT": str(Path(scratch) / "media"),
        }
        manage(env, "migrate", "-v0")
        startup, _out = manage(env, "check")
        print(
            json.dumps(
                {
                    "bench": "django_startup_baseline",
                    "wall_seconds": round(startup, 2),
                    "command": "manage.py check",
                    "load_average_1m": os.getloadavg()[0],
                }
            )
        )
        for run, target in (
            ("first", TARGET_FIRST_SECONDS),
            ("second", TARGET_SECOND_SECONDS),
        ):
            seconds, out = manage(env, "seed_demo")
            created = re.search(r"created (\d+) objects", out)
            print(
                json.dumps(
                    {
                        "bench": f"seed_demo_{run}_run",
                        "wall_seconds": round(seconds, 2),
                        "target_seconds": target,
                        "objects_created": int(created.group(1)) if created else None,
                        "load_average_1m": os.getloadavg()[0],
                        "python": sys.version.split()[0],
                    }
                )
            )


if __name__ == "__main__":
    main()
