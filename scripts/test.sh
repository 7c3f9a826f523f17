#!/usr/bin/env bash
# The test suite: everything on SQLite, then the scale-out path (PostgreSQL,
# Redis) when those servers answer. With SAMIZDAT_REQUIRE_SERVICES=1 (CI), a
# missing server is a failure, not a skip.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_URL=${SAMIZDAT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
REDIS=${SAMIZDAT_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}
# pytest-django prefers this variable to pyproject's setting, and `make`
# exports the development settings for `make run`: the suite runs on the
# test settings whatever the caller's environment says.
export DJANGO_SETTINGS_MODULE=samizdat.settings.test
export SAMIZDAT_TEST_REDIS_URL=$REDIS
status=0

echo "== Test suite on SQLite =="
$BIN/pytest -q "$@" || status=1

pg_up=0
$BIN/python - "$PG_URL" <<'PY' && pg_up=1
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=3).close()
except Exception as e:
    print(f"PostgreSQL not reachable: {e}".splitlines()[0]); sys.exit(1)
PY
if [ "$pg_up" = 1 ]; then
  echo "== Test suite on PostgreSQL ($PG_URL) =="
  DATABASE_URL=$PG_URL $BIN/pytest -q "$@" || status=1
elif [ "${SAMIZDAT_REQUIRE_SERVICES:-0}" = 1 ]; then
  echo "FAILED: PostgreSQL is required here (SAMIZDAT_REQUIRE_SERVICES=1) but does not answer at $PG_URL"
  status=1
else
  echo "SKIPPED: the PostgreSQL run of the suite (no server at $PG_URL)."
fi
exit $status
