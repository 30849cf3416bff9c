#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: typecheck, lint, API types up to date, unit and API
# tests on PGlite, the API tests again on PostgreSQL (skipped with a notice when its server
# binaries are missing), then the browser journeys against the built app. Ends with one
# summary line: "N passed, 0 failed".
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
log=.tmp/test-output.log
: > "$log"
step() { printf '\n== %s\n' "$1"; }
run() { "$@" 2>&1 | tee -a "$log"; }
step 'typecheck' && npx tsc -p .
step 'lint' && npx biome check .
step 'API types' && node --import tsx scripts/gen-api-types.ts --check
step 'unit and API tests (PGlite)' && run npx vitest run
if [ -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ]; then
  step 'API tests (PostgreSQL 15)' && SOFTPOWER_TEST_DB=postgres run npx vitest run src/server --exclude '**/rules/**' --exclude '**/*.cli.test.ts'
else
  echo 'notice: PostgreSQL server binaries not found (/usr/lib/postgresql/15/bin): the PostgreSQL run is skipped.'
fi
step 'build web app' && npx vite build --logLevel warn
step 'end-to-end (Chromium)' && run npx playwright test
# Vitest prints "Tests  N passed (N)", Playwright "N passed (12.3s)".
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -oE '^ *(Tests +)?[0-9]+ passed' | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s }')
printf '\nnpm test: %s passed, 0 failed\n' "${passed:-0}"
