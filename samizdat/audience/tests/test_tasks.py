"""The clock enqueues the fold and the ranking; the worker runs them."""

from __future__ import annotations

import pytest

from samizdat.articles.setup import ensure_editions
from samizdat.articles.tests import factories
from samizdat.audience.models import HourlyViews, PopularArticle

from .conftest import count_url, reader

# The worker commits its own transactions, so this test cannot run inside one.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_clock_and_worker_fold_counts_and_rank_popular_posts(
    client, clock_and_worker
):
    ensure_editions("Samizdat")
    news = factories.section("News")
    read, unread = factories.article(news, "Read"), factories.article(news, "Unread")
    for n in range(3):
        client.get(count_url(read), **reader(address=f"192.0.2.{n + 1}"))

    clock_and_worker()

    assert HourlyViews.objects.get(page=read).views == 3
    assert not HourlyViews.objects.filter(page=unread).exists()
    assert list(PopularArticle.objects.values_list("article_id", "views")) == [
        (read.pk, 3)
    ]
