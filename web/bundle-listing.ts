/**
 * A Vite plugin that lists what each JavaScript file of the browser build is made of, so that
 * `npm run bench` can say what makes a screen's first load big. It writes
 * `.svelte-kit/output/bundle-listing.json` (beside the build, never served): every chunk with its
 * minified size and the modules in it with their rendered (pre-minification) sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

export interface BundleListing {
  chunks: {
    /** Path under the build folder, e.g. `_app/immutable/nodes/10.CGos0bY9.js`. */
    file: string;
    /** Minified size in bytes. */
    bytes: number;
    /** Module path relative to the repository (`node_modules/zod/v4/core/api.js`) → rendered bytes. */
    modules: Record<string, number>;
  }[];
}

export const BUNDLE_LISTING = join('.svelte-kit', 'output', 'bundle-listing.json');

export function bundleListing(): Plugin {
  let root = '';
  return {
    name: 'tillbox-bundle-listing',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    writeBundle(_options, bundle) {
      const chunks: BundleListing['chunks'] = [];
      for (const output of Object.values(bundle)) {
        // Only the browser build's files (the server build has no hashed _app paths).
        if (output.type !== 'chunk' || !output.fileName.startsWith('_app/')) continue;
        const modules: Record<string, number> = {};
        for (const [id, info] of Object.entries(output.modules)) {
          const file = id.split('?')[0] ?? id;
          const packaged = file.lastIndexOf('node_modules/');
          const path = packaged >= 0 ? file.slice(packaged) : relative(join(root, '..'), file);
          if (info.renderedLength > 0) modules[path] = (modules[path] ?? 0) + info.renderedLength;
        }
        chunks.push({ file: output.fileName, bytes: Buffer.byteLength(output.code), modules });
      }
      if (chunks.length === 0) return;
      const path = join(root, BUNDLE_LISTING);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ chunks } satisfies BundleListing));
    },
  };
}
