import { defineConfig } from 'vitest/config';

// The integration tier (`npm run test:integration`, and `npm test` through tests/setup/run-all.sh):
// Debian's Mosquitto with the deployed broker configuration (TLS, client certificates, the
// per-store ACL, persistence), a throwaway PostgreSQL cluster, the built cloud relay and the built
// edge as processes. Needs `npm run build` and the two servers (tests/setup/ensure-*.sh). Files
// run one at a time: each starts a broker, two relays and edges, which is plenty for two cores.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['tests/integration/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
