from __future__ import annotations

from django.db import connection

from samizdat.ads.models import AdSlot, Creative, CreativeDay
from samizdat.ads.services import click_token
from samizdat.articles.tests import factories
from samizdat.audience import privacy, services
from samizdat.audience.buffer import get_store
from samizdat.audience.models import HourlyViews

from .conftest import count_url

ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (X11; Linux) PrivacyProbe/7.3"


def every_row() -> str:
    """Every value of every table, as text."""
    quote = connection.ops.quote_name
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            dump.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(dump)


def test_it_keeps_no_address_agent_or_reader_hash_in_any_table(client, editions):
    page = factories.article(factories.section("News"), "Watched")
    slot = AdSlot.objects.create(name="Side", key="side", placement="sidebar")
    creative = Creative.objects.create(
        name="Shoes", text="<b>Shoes</b>", link_url="https://shop.example/"
    )
    creative.slots.add(slot)
    reader = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT}

    client.get(page.url, **reader)
    client.get(count_url(page), **reader)
    client.get(f"/ads/slot/side/en/{page.section_id}/", **reader)
    client.get(f"/ads/click/{click_token(creative.pk)}/", **reader)
    services.fold()
    services.rank_popular()

    assert HourlyViews.objects.get().views == 1
    assert CreativeDay.objects.values_list("impressions", "clicks").get() == (1, 1)
    day, ttl = privacy.today()
    reader_hash = privacy.client_hash(get_store().salt(day, ttl), ADDRESS, AGENT)
    rows = every_row()
    assert ADDRESS not in rows  # ...but nothing that points at the reader
    assert "PrivacyProbe" not in rows
    assert reader_hash not in rows
    assert reader_hash[:16] not in rows
