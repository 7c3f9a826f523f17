"""Gunicorn for Samizdat: `gunicorn -c deploy/gunicorn.conf.py samizdat.wsgi`.

Threaded workers (gthread): a request that waits for SQLite's write lock (or
a slow database) holds one thread, not a whole worker, so reads go on being
served meanwhile (bench/sqlite_lock.py measures sync against gthread).
`systemctl reload samizdat-web` sends HUP: gunicorn starts new workers with
the new code and lets the old ones finish what they hold, so a deploy drops
no request. Every value can be set from the environment file."""

import os
import shutil
import tempfile

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Longer than SQLite's busy timeout, so a request waiting for the write lock
# is answered rather than killed.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then (with jitter, so not all at once).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

metrics_port = int(os.environ.get("METRICS_PORT") or 0)
if metrics_port:
    # Workers read this when they first import prometheus_client.
    os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="samizdat-metrics-")
    )


def on_starting(server):
    if metrics_port:
        folder = os.environ["PROMETHEUS_MULTIPROC_DIR"]
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


def when_ready(server):
    if metrics_port:
        from prometheus_client import CollectorRegistry, multiprocess, start_http_server

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        address = os.environ.get("METRICS_ADDRESS", "127.0.0.1")
        start_http_server(metrics_port, addr=address, registry=registry)


def child_exit(server, worker):
    if metrics_port:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
