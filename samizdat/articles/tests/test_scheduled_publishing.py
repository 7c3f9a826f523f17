"""A page an editor schedules goes live on time through the task worker,
with no cron job: the clock enqueues the check and the worker runs it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samizdat.articles.models import ArticlePage
from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories

# The worker commits its own transactions, so this test cannot run inside one.
pytestmark = pytest.mark.django_db(transaction=True)


def schedule(parent, go_live_at: dt.datetime) -> ArticlePage:
    """What the editor's 'Publish' with a go-live date does in the admin."""
    page = factories.article(parent, "Budget vote tonight", publish=False)
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_it_publishes_a_scheduled_page_on_time_through_the_worker(
    client, clock_and_worker
):
    ensure_editions("Samizdat")
    news = factories.section("News")
    start = timezone.now()
    page = schedule(news, start + dt.timedelta(hours=1))

    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    assert client.get(page.url).status_code == 404
    assert "Budget vote tonight" not in client.get(news.url).content.decode()

    clock_and_worker()
    page.refresh_from_db()
    assert not page.live, "published before its time"
    assert client.get(page.url).status_code == 404

    with time_machine.travel(start + dt.timedelta(hours=1, minutes=1), tick=False):
        clock_and_worker()

    page.refresh_from_db()
    assert page.live
    runs = DBTaskResult.objects.filter(
        task_path="samizdat.core.tasks.publish_scheduled_pages"
    )
    assert list(runs.values_list("status", flat=True)) == ["SUCCESSFUL"] * 2
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Budget vote tonight" in response.content.decode()
    assert "Budget vote tonight" in client.get(news.url).content.decode()
