#!/usr/bin/env bash
# `npm test`: every test tier, on the built app.
#   1. build (core, edge, web)
#   2. vitest: unit, medium (real SQLite files), system (the real edge process)
#   3. the fault suite's CI variant (tests/faults, a few minutes; the long one is `npm run faults`)
#   4. the integration tier (tests/integration): Debian's Mosquitto with the deployed broker
#      configuration and a throwaway PostgreSQL cluster, installed here when missing, the built
#      edge and cloud relays as processes
#   5. Playwright e2e in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/../.."

npm run build
bash tests/setup/ensure-chromium.sh
npx vitest run
npm test -w @tillbox/web
npx vitest run -c tests/faults/vitest.config.ts
bash tests/setup/ensure-mosquitto.sh
bash tests/setup/ensure-postgres.sh
npx vitest run -c tests/integration/vitest.config.ts
npx playwright test -c tests/playwright.config.ts
