// Unit tests of the screens' logic (`src/**/*.test.ts`), run with the SvelteKit plugin so rune
// modules (`*.svelte.ts`) compile. `browser` makes Svelte resolve to its client runtime.
import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
