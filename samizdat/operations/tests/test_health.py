"""`/healthz` answers 200 while the site can do its work and 500 with the
reason when it cannot; `/healthz/web` looks only at what serving needs."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from samizdat.core.tasks import publish_scheduled_pages
from samizdat.operations.models import WorkerBeat

# The checks run in threads of their own, which see only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)

CHECKS = [
    "Database",
    "Cache",
    "DiskSpace",
    "TaskBacklog",
    "WorkerHeartbeat",
    "ClockTick",
]


def healthy() -> None:
    now = timezone.now()
    WorkerBeat.objects.create(worker_id="w1", started_at=now, seen_at=now)
    publish_scheduled_pages.enqueue()  # what the clock does every 15 s


def lines(response) -> dict[str, str]:
    found = {}
    for line in response.content.decode().splitlines():
        name, _, status = line.partition(": ")
        found[name.split("(")[0]] = status
    return found


def test_it_answers_200_when_everything_works(client):
    healthy()
    response = client.get("/healthz")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    checked = lines(response)
    assert sorted(checked) == sorted(CHECKS)
    assert set(checked.values()) == {"OK"}


def test_it_answers_json_when_asked(client):
    healthy()
    response = client.get("/healthz", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert len(response.json()) == len(CHECKS)


def test_it_answers_500_when_no_worker_beats(client):
    healthy()
    WorkerBeat.objects.update(seen_at=timezone.now() - dt.timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 500
    status = lines(response)["WorkerHeartbeat"]
    assert status.startswith("Unavailable: no task worker seen for 3")
    web = client.get("/healthz/web")
    assert web.status_code == 200
    assert sorted(lines(web)) == ["Cache", "Database", "DiskSpace"]


def test_it_answers_500_when_tasks_wait_too_long(client, settings):
    settings.HEALTH_TASK_BACKLOG_SECONDS = 300
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=10)):
        publish_scheduled_pages.enqueue()
    healthy()
    WorkerBeat.objects.update(seen_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 500
    assert lines(response)["TaskBacklog"] == (
        "Unavailable: 2 task(s) waiting, the oldest for 600 s"
    )


def test_it_answers_500_when_the_clock_stopped(client):
    now = timezone.now()
    WorkerBeat.objects.create(worker_id="w1", started_at=now, seen_at=now)
    response = client.get("/healthz")
    assert response.status_code == 500
    assert lines(response)["ClockTick"] == (
        "Unavailable: the clock has never enqueued a task"
    )
    with time_machine.travel(now - dt.timedelta(minutes=5)):
        publish_scheduled_pages.enqueue()
    response = client.get("/healthz")
    assert lines(response)["ClockTick"].startswith("Unavailable: no clock tick for 30")


def test_it_answers_500_when_a_disk_is_full(client, settings):
    healthy()
    settings.HEALTH_MIN_FREE_MB = 10**12
    response = client.get("/healthz/web")
    assert response.status_code == 500
    assert "MB free, under 1000000000000 MB" in lines(response)["DiskSpace"]


def test_it_answers_on_every_host_and_is_not_cached_for_staff_either(
    client, settings, admin_user
):
    healthy()
    settings.SAMIZDAT_ADMIN_HOST = "admin.example.org"
    client.force_login(admin_user)
    response = client.get("/healthz", HTTP_HOST="news.example.org")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
