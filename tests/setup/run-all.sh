#!/usr/bin/env bash
# `npm test`: every test tier, on the built app.
#   1. build (core, edge, web)          3. Playwright e2e in Debian's Chromium
#   2. vitest: unit, medium (real SQLite files), system (the real edge process)
set -euo pipefail
cd "$(dirname "$0")/../.."

npm run build
bash tests/setup/ensure-chromium.sh
npx vitest run
npm test -w @tillbox/web
npx playwright test -c tests/playwright.config.ts
