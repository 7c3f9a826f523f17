"""Jobs on both queues: the database backend by default, RQ on Redis at scale."""

from __future__ import annotations

import os

import django_rq
import pytest
from django_tasks_db.models import DBTaskResult
from django_tasks_rq.backend import Job
from rq import SimpleWorker

from samizdat.articles.tests import factories
from samizdat.newsletter import tasks
from samizdat.newsletter.models import Mailing, Subscriber

from .conftest import confirmed, run_db_tasks

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("SAMIZDAT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def post(client):
    return client.post(
        "/en/newsletter/",
        {"email": "queued@example.org", "edition": "en", "frequency": "every"},
    )


def test_it_mails_an_article_through_the_database_queue(
    editions, smtp, settings, django_capture_on_commit_callbacks
):

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    news = factories.section("News")
    confirmed("reader@example.org")
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        factories.article(news, "Queued story")
    DBTaskResult.objects.exclude(task_path__startswith="samizdat.newsletter").delete()
    assert run_db_tasks() >= 1
    [mail] = smtp.to("reader@example.org")
    assert str(mail["Subject"]) == "Queued story"
    assert Mailing.objects.get().finished_at is not None
    tasks.resume_deliveries.call()
    assert len(smtp.messages) == 1


@pytest.mark.redis
def test_it_runs_the_jobs_on_rq(client, editions, smtp, settings):

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    queue = django_rq.get_queue("default")
    queue.empty()
    post(client)
    assert queue.count == 1
    raw = b"".join(
        queue.connection.hget(job.key, "data") or b"" for job in queue.get_jobs()
    )
    assert b"queued@example.org" not in raw
    worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
    worker.work(burst=True)
    assert Subscriber.objects.get().status == "pending"
    [confirmation] = smtp.to("queued@example.org")
    assert "Confirm" in str(confirmation["Subject"])
    queue.empty()
