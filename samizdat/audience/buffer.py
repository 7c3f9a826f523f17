"""Where counts wait between a hit and the hourly buckets.

Two stores with one interface, chosen by configuration:

* `LocalStore` (embedded default): the reader hashes and rate counters live
  in a local-memory cache; sums are kept in process memory and spilled to
  the `PendingCount` table about once a second, because the worker that folds
  them is another process and cannot see this one's memory.
* `RedisStore` (at scale, when COUNT_REDIS_URL or REDIS_URL is set): one Lua
  call per hit checks the rate limit, drops same-day repeats and increments a
  Redis hash, so every app server shares the de-duplication and the buffer.

Both fold into buckets through `fold(apply)`, where `apply` receives summed
counts inside the database transaction that records the batch."""

from __future__ import annotations

import atexit
import logging
import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.db import IntegrityError, connection, transaction

from .models import FoldedBatch, PendingCount

log = logging.getLogger(__name__)

Key = tuple[str, int, int]  # (kind, object id, hours since the epoch)
Apply = Callable[[dict[Key, int]], None]

RECORDED, REPEAT, LIMITED = "recorded", "repeat", "limited"
RATE_WINDOW = 60


def current_hour() -> int:
    return int(time.time() // 3600)


def encode(key: Key) -> str:
    return f"{key[0]}:{key[1]}:{key[2]}"


def decode(field: str | bytes) -> Key | None:
    if isinstance(field, bytes):
        field = field.decode()
    try:
        kind, object_id, hour = field.split(":")
        return kind, int(object_id), int(hour)
    except ValueError:
        return None


class LocalStore:
    """The embedded store: this process's memory, spilled to the database."""

    def __init__(self, spill_seconds: float) -> None:
        self.cache = LocMemCache(
            "samizdat-counts",
            {"TIMEOUT": 86400, "OPTIONS": {"MAX_ENTRIES": 200_000}},
        )
        self.spill_seconds = spill_seconds
        self.counts: Counter[Key] = Counter()
        self.lock = threading.Lock()
        self.last_spill = time.monotonic()
        atexit.register(self.spill_quietly)

    def salt(self, day: str, ttl: int) -> bytes:
        key = f"salt:{day}"
        self.cache.add(key, secrets.token_bytes(32), ttl)
        return self.cache.get(key) or secrets.token_bytes(32)

    def hit(self, key: Key, seen: str | None, ttl: int, client: str, limit: int) -> str:
        rate = f"rate:{client}:{int(time.time() // RATE_WINDOW)}"
        try:
            used = self.cache.incr(rate)
        except ValueError:
            self.cache.add(rate, 1, RATE_WINDOW * 2)
            used = 1
        if used > limit:
            return LIMITED
        if seen is not None and not self.cache.add(f"seen:{seen}", 1, ttl):
            return REPEAT
        self.add({key: 1})
        return RECORDED

    def add(self, counts: dict[Key, int]) -> None:
        with self.lock:
            self.counts.update(counts)
        if (
            self.spill_seconds
            and time.monotonic() - self.last_spill >= self.spill_seconds
        ):
            self.spill()

    def spill(self) -> int:
        """Write this process's sums to the database; on failure keep them."""
        with self.lock:
            taken, self.counts = self.counts, Counter()
            self.last_spill = time.monotonic()
        if not taken:
            return 0
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(
                    self.insert_sql(),
                    [(k, o, h, n) for (k, o, h), n in taken.items()],
                )
        except Exception:
            with self.lock:
                self.counts.update(taken)
            raise
        return len(taken)

    @staticmethod
    def insert_sql() -> str:
        quote = connection.ops.quote_name
        return "INSERT INTO {} ({}) VALUES (%s, %s, %s, %s)".format(  # noqa: S608
            quote(PendingCount._meta.db_table),
            ", ".join(quote(c) for c in ("kind", "object_id", "hour", "count")),
        )

    def spill_quietly(self) -> None:
        try:
            self.spill()
        except Exception:  # noqa: BLE001 - at exit there is no one to tell
            log.warning("could not spill %d buffered counts", len(self.counts))

    def pending(self) -> dict[Key, int]:
        totals: Counter[Key] = Counter(self.counts)
        for kind, object_id, hour, count in PendingCount.objects.values_list(
            "kind", "object_id", "hour", "count"
        ):
            totals[(kind, object_id, hour)] += count
        return dict(totals)

    def fold(self, apply: Apply) -> int:
        """Fold every spilled count in one transaction: all or nothing."""
        self.spill()
        with transaction.atomic():
            rows = list(
                PendingCount.objects.select_for_update(skip_locked=True).values_list(
                    "pk", "kind", "object_id", "hour", "count"
                )
            )
            if not rows:
                return 0
            totals: Counter[Key] = Counter()
            for _pk, kind, object_id, hour, count in rows:
                totals[(kind, object_id, hour)] += count
            apply(dict(totals))
            ids = [row[0] for row in rows]
            table = connection.ops.quote_name(PendingCount._meta.db_table)
            with connection.cursor() as cursor:
                for start in range(0, len(ids), 2000):
                    chunk = ids[start : start + 2000]
                    cursor.execute(
                        f"DELETE FROM {table} WHERE id IN "  # noqa: S608
                        f"({', '.join(['%s'] * len(chunk))})",
                        chunk,
                    )
        return sum(totals.values())

    def clear(self) -> None:
        with self.lock:
            self.counts.clear()
        self.cache.clear()


RECORD_SCRIPT = """
local used = redis.call('INCR', KEYS[1])
if used == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if used > tonumber(ARGV[2]) then return -1 end
if KEYS[2] ~= '' then
  if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[3]) then return 0 end
end
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
return 1
"""
SEAL_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0
"""


class RedisStore:
    """The shared store: de-duplication, rate limits and buffer in Redis."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix
        self.buffer = f"{prefix}buffer"
        self.batches = f"{prefix}batches"
        self.record = self.redis.register_script(RECORD_SCRIPT)
        self.seal = self.redis.register_script(SEAL_SCRIPT)

    def salt(self, day: str, ttl: int) -> bytes:
        key = f"{self.prefix}salt:{day}"
        self.redis.set(key, secrets.token_bytes(32), nx=True, ex=ttl)
        return self.redis.get(key) or secrets.token_bytes(32)

    def hit(self, key: Key, seen: str | None, ttl: int, client: str, limit: int) -> str:
        rate = f"{self.prefix}rate:{client}:{int(time.time() // RATE_WINDOW)}"
        seen_key = f"{self.prefix}seen:{seen}" if seen is not None else ""
        result = self.record(
            keys=[rate, seen_key, self.buffer],
            args=[RATE_WINDOW * 2, limit, ttl, encode(key)],
        )
        return {1: RECORDED, 0: REPEAT}.get(int(result), LIMITED)

    def add(self, counts: dict[Key, int]) -> None:
        pipe = self.redis.pipeline(transaction=False)
        for n, (key, count) in enumerate(counts.items(), 1):
            pipe.hincrby(self.buffer, encode(key), count)
            if n % 10_000 == 0:
                pipe.execute()
        pipe.execute()

    def pending(self) -> dict[Key, int]:
        totals: Counter[Key] = Counter()
        names = [self.buffer] + [
            self.folding(b.decode()) for b in self.redis.smembers(self.batches)
        ]
        for name in names:
            for field, value in self.redis.hscan_iter(name, count=5000):
                key = decode(field)
                if key is not None:
                    totals[key] += int(value)
        return dict(totals)

    def folding(self, batch: str) -> str:
        return f"{self.prefix}folding:{batch}"

    def fold(self, apply: Apply) -> int:
        """Seal the buffer as a batch, then fold every unfinished batch.

        A batch is written to buckets in one transaction together with its
        FoldedBatch record and only then deleted from Redis: a crash before
        the commit leaves the batch to be folded again, a crash after it
        leaves a batch that the next fold recognises and just deletes."""
        self.seal(
            keys=[self.buffer, self.folding(batch := uuid.uuid4().hex), self.batches],
            args=[batch],
        )
        folded = 0
        for raw in sorted(self.redis.smembers(self.batches)):
            name = raw.decode()
            folded += self._fold_batch(name, apply)
            self.redis.delete(self.folding(name))
            self.redis.srem(self.batches, name)
        return folded

    def _fold_batch(self, batch: str, apply: Apply) -> int:
        totals: Counter[Key] = Counter()
        for field, value in self.redis.hscan_iter(self.folding(batch), count=5000):
            key = decode(field)
            if key is not None:
                totals[key] += int(value)
        try:
            with transaction.atomic():
                FoldedBatch.objects.create(batch=batch)
                if totals:
                    apply(dict(totals))
        except IntegrityError:
            return 0  # folded before; only the clean-up was missing
        return sum(totals.values())

    def clear(self) -> None:
        keys = list(self.redis.scan_iter(f"{self.prefix}*", count=1000))
        for start in range(0, len(keys), 1000):
            self.redis.delete(*keys[start : start + 1000])


_stores: dict[tuple, LocalStore | RedisStore] = {}
_stores_lock = threading.Lock()


def get_store() -> LocalStore | RedisStore:
    """The store configured for this process (made once, then reused)."""
    url = settings.SAMIZDAT_COUNT_REDIS_URL
    config = (
        url,
        settings.SAMIZDAT_COUNT_PREFIX,
        settings.SAMIZDAT_COUNT_SPILL_SECONDS,
    )
    store = _stores.get(config)
    if store is None:
        with _stores_lock:
            store = _stores.get(config)
            if store is None:
                store = (
                    RedisStore(url, settings.SAMIZDAT_COUNT_PREFIX)
                    if url
                    else LocalStore(settings.SAMIZDAT_COUNT_SPILL_SECONDS)
                )
                _stores[config] = store
    return store
