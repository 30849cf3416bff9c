#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: typecheck, lint, API types up to date, unit and API
# tests on PGlite, the API tests again on PostgreSQL (skipped with a notice when its server
# binaries are missing), then the browser journeys against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$1"; }
step 'typecheck' && npx tsc -p .
step 'lint' && npx biome check .
step 'API types' && node --import tsx scripts/gen-api-types.ts --check
step 'unit and API tests (PGlite)' && npx vitest run
if [ -x /usr/lib/postgresql/15/bin/initdb ] || [ -n "${PG_BIN:-}" ]; then
  step 'API tests (PostgreSQL 15)' && SOFTPOWER_TEST_DB=postgres npx vitest run src/server
else
  echo 'notice: PostgreSQL server binaries not found (/usr/lib/postgresql/15/bin): the PostgreSQL run is skipped.'
fi
step 'build web app' && npx vite build --logLevel warn
step 'end-to-end (Chromium)' && npx playwright test
