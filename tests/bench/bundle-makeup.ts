/**
 * What a page's JavaScript is made of: the files the browser fetched, matched with the build's
 * module listing (web/bundle-listing.ts) and each module given its share of its file's minified
 * and on-the-wire bytes (shares by rendered size, so the figures are estimates).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_LISTING, type BundleListing } from '../../web/bundle-listing.js';
import { kb } from './kiosk-browser.js';

export interface FetchedFile {
  /** Path under the build folder, e.g. `_app/immutable/nodes/10.CGos0bY9.js`. */
  file: string;
  wireBytes: number;
}

interface Share {
  minified: number;
  wire: number;
}

export function readBundleListing(webRoot: string): BundleListing | undefined {
  const path = join(webRoot, BUNDLE_LISTING);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BundleListing) : undefined;
}

/** A module's part of the app: its npm package, or the core's or the web app's folder. */
export function partOf(module: string): string {
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (packaged) return packaged[1] ?? module;
  const core = /^edge\/core\/src\/([^/]+)\//.exec(module);
  if (core) return `@tillbox/core ${core[1]}/`;
  if (module.startsWith('edge/core/src/')) return '@tillbox/core (top level)';
  const web = /^web\/src\/(.+)\/[^/]+$/.exec(module);
  if (web) return `web ${web[1]}/`;
  return 'other';
}

function add(to: Map<string, Share>, key: string, share: Share): void {
  const s = to.get(key) ?? { minified: 0, wire: 0 };
  s.minified += share.minified;
  s.wire += share.wire;
  to.set(key, s);
}

/** Markdown lines: the parts of the fetched JavaScript, largest first, and the largest modules. */
export function makeupLines(listing: BundleListing, fetched: readonly FetchedFile[], top = 12): string[] {
  const byFile = new Map(listing.chunks.map((c) => [c.file, c]));
  const parts = new Map<string, Share>();
  const modules = new Map<string, Share>();
  let unmatched = 0;
  for (const f of fetched) {
    const chunk = byFile.get(f.file);
    if (!chunk) {
      unmatched += 1;
      continue;
    }
    const rendered = Object.values(chunk.modules).reduce((a, b) => a + b, 0);
    for (const [module, length] of Object.entries(chunk.modules)) {
      const share = { minified: (chunk.bytes * length) / rendered, wire: (f.wireBytes * length) / rendered };
      add(parts, partOf(module), share);
      add(modules, module, share);
    }
  }
  const table = (rows: Map<string, Share>, title: string): string[] => [
    `| ${title} | minified ≈ | on the wire ≈ |`,
    '| --- | --- | --- |',
    ...[...rows]
      .sort((a, b) => b[1].wire - a[1].wire)
      .slice(0, top)
      .map(([name, s]) => `| ${name} | ${kb(s.minified)} | ${kb(s.wire)} |`),
  ];
  return [
    ...table(parts, 'part'),
    '',
    ...table(modules, 'module'),
    ...(unmatched > 0
      ? ['', `(${unmatched} fetched files are not in the listing: rebuild with \`npm run build\`)`]
      : []),
  ];
}
