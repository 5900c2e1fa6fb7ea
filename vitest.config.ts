import { defineConfig } from 'vitest/config';

// The core, edge and cloud-relay tests (unit, medium on real SQLite files) and the system tests on the built
// edge process. The screens' own tests run from web/ (`npm test -w @tillbox/web`), under the
// SvelteKit plugin.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['edge/**/src/**/*.test.ts', 'cloud-relay/src/**/*.test.ts', 'tests/system/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
