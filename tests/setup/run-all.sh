#!/usr/bin/env bash
# `npm test`: every test tier, on the built app.
#   1. build (core, edge, web)
#   2. vitest: unit, medium (real SQLite files), system (the real edge process)
#   3. the fault suite's CI variant (tests/faults, a few minutes; the long one is `npm run faults`)
#   4. Playwright e2e in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/../.."

npm run build
bash tests/setup/ensure-chromium.sh
npx vitest run
npm test -w @tillbox/web
npx vitest run -c tests/faults/vitest.config.ts
npx playwright test -c tests/playwright.config.ts
