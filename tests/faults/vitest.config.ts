import { defineConfig } from 'vitest/config';

// The fault suite (docs/reliability.md): SIGKILL and power-cut rounds, fuzzing, full and
// damaged disks, flooding and slow stream clients, command races. Its own config so that
// `npx vitest run` stays fast; `npm test` runs its CI variant, `npm run faults` the long one
// (TILLBOX_FAULTS=long). Files run one at a time: they kill processes, fill disks and measure
// how long other clients wait, which two files at once on a small machine would blur.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/faults/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['tests/faults/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: process.env.TILLBOX_FAULTS === 'long' ? 3_600_000 : 240_000,
    hookTimeout: 60_000,
  },
});
