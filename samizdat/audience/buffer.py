"""Where counts wait between a hit and the hourly buckets.

Two stores with one interface, chosen by configuration:

* `LocalStore` (embedded default): the reader hashes and rate counters live
  in a local-memory cache; sums are kept in process memory and spilled to
  the `PendingCount` table about once a second, because the worker that folds
  them is another process and cannot see this one's memory.
* `RedisStore` (at scale, when COUNT_REDIS_URL or REDIS_URL is set): hits
  are sent in batches (at least once a second) to a Lua script that drops
  same-day repeats and increments a Redis hash, so every app server shares
  the de-duplication and the buffer; the rate limit is kept per process.

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

from samizdat.core import ratelimit

from .models import FoldedBatch, PendingCount

log = logging.getLogger(__name__)

Key = tuple[str, int, int]  # (kind, object id, hours since the epoch)
Apply = Callable[[dict[Key, int]], None]

RECORDED, REPEAT, LIMITED = "recorded", "repeat", "limited"
RATE_WINDOW = 60
FLUSH_BATCH = 500


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


def within_rate(cache: LocMemCache, client: str, limit: int) -> bool:
    """At most `limit` hits a minute from one reader hash, in this process."""
    return ratelimit.allow(
        cache, lambda minute: f"rate:{client}:{minute}", limit, RATE_WINDOW
    )


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
        if not within_rate(self.cache, client, limit):
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
local added = 0
for i = 1, #ARGV, 3 do
  local new = true
  if ARGV[i] ~= '' then
    new = redis.call('SET', ARGV[i], '1', 'NX', 'EX', tonumber(ARGV[i + 1]))
  end
  if new then
    redis.call('HINCRBY', KEYS[1], ARGV[i + 2], 1)
    added = added + 1
  end
end
return added
"""
SEAL_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0
"""


def _text(raw: bytes | str) -> str:
    """A Redis reply as text (the client answers bytes unless told otherwise)."""
    return raw.decode() if isinstance(raw, bytes) else raw


class RedisStore:
    """The shared store: reader hashes and the buffer in Redis.

    Hits wait in this process for at most `flush_seconds` (or until
    FLUSH_BATCH of them) and then go to Redis in one call, where a Lua script
    drops today's repeats and adds the rest to the buffer: one round trip
    per batch, not per hit. The per-minute rate limit is kept per process."""

    def __init__(self, url: str, prefix: str, flush_seconds: float) -> None:
        import redis  # only where Redis counts: it costs ~0.3 s at every start

        self.redis = redis.Redis.from_url(url)
        self.prefix = prefix
        self.buffer = f"{prefix}buffer"
        self.batches = f"{prefix}batches"
        self.record = self.redis.register_script(RECORD_SCRIPT)
        self.seal = self.redis.register_script(SEAL_SCRIPT)
        self.rates = LocMemCache(
            "samizdat-count-rates",
            {"TIMEOUT": RATE_WINDOW * 2, "OPTIONS": {"MAX_ENTRIES": 100_000}},
        )
        self.flush_seconds = flush_seconds
        self.queue: list[tuple[str, int, str]] = []
        self.lock = threading.Lock()
        self.last_flush = time.monotonic()
        atexit.register(self.flush_quietly)

    def salt(self, day: str, ttl: int) -> bytes:
        key = f"{self.prefix}salt:{day}"
        self.redis.set(key, secrets.token_bytes(32), nx=True, ex=ttl)
        stored = self.redis.get(key)
        return (
            stored if isinstance(stored, bytes) and stored else secrets.token_bytes(32)
        )

    def hit(self, key: Key, seen: str | None, ttl: int, client: str, limit: int) -> str:
        if not within_rate(self.rates, client, limit):
            return LIMITED
        item = (
            f"{self.prefix}seen:{seen}" if seen is not None else "",
            ttl,
            encode(key),
        )
        with self.lock:
            self.queue.append(item)
            due = len(self.queue) >= FLUSH_BATCH or (
                self.flush_seconds
                and time.monotonic() - self.last_flush >= self.flush_seconds
            )
        if due:
            self.flush()
        return RECORDED

    def flush(self) -> int:
        """Send this process's waiting hits to Redis; unsent ones are kept."""
        with self.lock:
            taken, self.queue = self.queue, []
            self.last_flush = time.monotonic()
        sent = 0
        try:
            while sent < len(taken):
                chunk = taken[sent : sent + 300]
                self.record(
                    keys=[self.buffer], args=[v for item in chunk for v in item]
                )
                sent += len(chunk)
        except Exception:
            with self.lock:
                self.queue[:0] = taken[sent:]
            raise
        return sent

    def flush_quietly(self) -> None:
        try:
            self.flush()
        except Exception:  # noqa: BLE001 - at exit there is no one to tell
            log.warning("could not send %d waiting hits to Redis", len(self.queue))

    def add(self, counts: dict[Key, int]) -> None:
        pipe = self.redis.pipeline(transaction=False)
        for n, (key, count) in enumerate(counts.items(), 1):
            pipe.hincrby(self.buffer, encode(key), count)
            if n % 10_000 == 0:
                pipe.execute()
        pipe.execute()

    def pending(self) -> dict[Key, int]:
        self.flush()
        totals: Counter[Key] = Counter()
        names = [self.buffer] + [
            self.folding(_text(b)) for b in self.redis.smembers(self.batches)
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
        self.flush()
        self.seal(
            keys=[self.buffer, self.folding(batch := uuid.uuid4().hex), self.batches],
            args=[batch],
        )
        folded = 0
        for raw in sorted(self.redis.smembers(self.batches)):
            name = _text(raw)
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
        with self.lock:
            self.queue.clear()
        self.rates.clear()
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
                    RedisStore(
                        url,
                        settings.SAMIZDAT_COUNT_PREFIX,
                        settings.SAMIZDAT_COUNT_SPILL_SECONDS,
                    )
                    if url
                    else LocalStore(settings.SAMIZDAT_COUNT_SPILL_SECONDS)
                )
                _stores[config] = store
    return store
