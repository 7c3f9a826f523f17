"""The shipped nginx configuration (deploy/nginx/samizdat.conf) run on
loopback by Debian's nginx, for the tests and benchmarks that put the real
front cache in front of the app. The application never imports this."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX = os.environ.get("SAMIZDAT_NGINX", "/usr/sbin/nginx")
NGINX_PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"


@contextlib.contextmanager
def nginx(tmp: Path, app_port: int, ports: dict[str, int]) -> Iterator[dict[str, int]]:
    """Debian's nginx with deploy/nginx/samizdat.conf, its paths and ports
    substituted, in front of the app on `app_port`; a self-signed
    certificate for TLS. `ports` names the http, https and purge ports."""
    srv = tmp / "srv"
    for folder in ("staticfiles", "media", "cache", "acme", "tls", "logs"):
        (tmp / folder).mkdir(parents=True, exist_ok=True)
    srv.mkdir(exist_ok=True)
    for folder in ("staticfiles", "media"):
        (srv / folder).mkdir(exist_ok=True)
    tls = tmp / "tls"
    subprocess.run(  # noqa: S603
        [
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-days", "1", "-subj", "/CN=localhost",
            "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    site = (ROOT / "deploy" / "nginx" / "samizdat.conf").read_text()
    for shipped, here in (
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
        ("listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{ports['https']} ssl http2;"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{ports['purge']};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("/etc/letsencrypt/live/example.org/", f"{tls}/"),
        ("/var/cache/nginx/samizdat", str(tmp / "cache")),
        ("/var/www/letsencrypt", str(tmp / "acme")),
        ("/srv/samizdat/", f"{srv}/"),
    ):
        if shipped not in site:
            raise RuntimeError(f"deploy/nginx/samizdat.conf has no {shipped!r}")
        site = site.replace(shipped, here)
    (tmp / "site.conf").write_text(site)
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = tmp / "logs"
    (tmp / "nginx.conf").write_text(
        f"load_module {NGINX_PURGE_MODULE};\n{user}"
        f"pid {tmp}/nginx.pid;\nerror_log {temp}/error.log warn;\n"
        "worker_processes 1;\nevents { worker_connections 256; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
        f"  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n"
        f"  scgi_temp_path {temp}/scgi;\n  include {tmp}/site.conf;\n}}\n"
    )
    command = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    checked = subprocess.run(  # noqa: S603
        [*command, "-t"], capture_output=True, text=True, check=False
    )
    if checked.returncode != 0:
        raise RuntimeError(f"nginx -t: {checked.stderr}")
    proc = subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603
    try:
        deadline = time.monotonic() + 20
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", ports["https"])) == 0:
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                log = (temp / "error.log").read_text()
                raise RuntimeError(f"nginx did not start: {log}")
            time.sleep(0.1)
        yield ports
    finally:
        proc.terminate()
        proc.wait(timeout=20)
