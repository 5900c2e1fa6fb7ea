/**
 * The store box's Node flags are the same in every launcher: the container, the `npm start` demo,
 * and the processes the tests, the Playwright suite and the bench start.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDGE_NODE_FLAGS } from './node-flags.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');

describe("the store box's Node flags", () => {
  it('are flags Node takes', () => {
    expect(EDGE_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of EDGE_NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+(=\d+)?$/);
  });

  it("are the container's CMD, before the edge's main", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile.edge'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...EDGE_NODE_FLAGS, 'edge/server/dist/main.js']);
  });

  it('are what the demo launcher, the tests and the Playwright suite start the edge with', () => {
    expect(read('deploy/demo/start.js')).toMatch(
      /import \{ EDGE_NODE_FLAGS \} from '\.\.\/\.\.\/edge\/server\/dist\/node-flags\.js';[\s\S]*run\('store box', 'edge\/server\/dist\/main\.js', EDGE_NODE_FLAGS,/,
    );
    expect(read('tests/support/edge-process.ts')).toMatch(/spawn\(process\.execPath, \[\.\.\.EDGE_NODE_FLAGS,/);
    expect(read('tests/playwright.config.ts')).toMatch(
      /command: `node \$\{EDGE_NODE_FLAGS\.join\(' '\)\} edge\/server\/dist\/main\.js`/,
    );
  });
});
