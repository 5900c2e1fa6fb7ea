import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { bundleListing } from './bundle-listing.js';

// Use @tillbox/core from source so the screens and the edge always share one build of it.
// `conditions` replaces Vite's defaults, so keep them: without 'browser' Svelte resolves to its
// server build, where onMount and $effect never run.
export default defineConfig({
  // bundleListing: what each browser file is made of, for `npm run bench` (written beside the build).
  plugins: [sveltekit(), bundleListing()],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  ssr: {
    resolve: {
      conditions: ['source', ...defaultServerConditions],
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
    },
  },
});
