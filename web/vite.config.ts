import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { bundleListing } from './bundle-listing.js';
import { lazySchemas } from './lazy-schemas.js';
import { pureSchemas } from './pure-schemas.js';
import { zodWithoutJsonSchema } from './zod-without-json-schema.js';

// Use @tillbox/core from source so the screens and the edge always share one build of it.
// `conditions` replaces Vite's defaults, so keep them: without 'browser' Svelte resolves to its
// server build, where onMount and $effect never run.
export default defineConfig({
  // bundleListing: what each browser file is made of, for `npm run bench` (written beside the build).
  // zodWithoutJsonSchema: the browser build leaves out zod's JSON Schema generation (never run there).
  // pureSchemas: and the core's schemas that no screen uses (each module built all of its own).
  // lazySchemas: the core's other schemas are built when first used, not when their module loads.
  plugins: [
    sveltekit(),
    bundleListing(),
    zodWithoutJsonSchema(),
    pureSchemas(),
    lazySchemas(fileURLToPath(new URL('./src/lib/lazy-schema.ts', import.meta.url))),
  ],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  ssr: {
    resolve: {
      conditions: ['source', ...defaultServerConditions],
    },
  },
  build: {
    rollupOptions: {
      // Fold chunks under 30 KB (rollup's size, before minifying) into chunks loaded with them
      // wherever that runs no code earlier than it would have run: a screen's first load then
      // fetches about half as many files (the kiosk 13 instead of 26), ~1.4 KB less JavaScript
      // after brotli and ~11 KB fewer response heads; a screen may now carry a little code it
      // does not run (the launcher at / about 1 KB). Each screen's own route code stays its own.
      output: {
        experimentalMinChunkSize: 30_000,
        // Parts fetched only when asked for are kept out of that folding, which would put them back
        // into the chunk that imports them: the kiosk's other languages.
        manualChunks: (id) => /\/lib\/kiosk\/(strings-(?:es|ko))\.ts$/.exec(id)?.[1],
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
    },
  },
});
