/** Every item of the demo menu has its picture, and the picture is in the web build's static folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommerceCatalog } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from './demo-catalog.js';

const STATIC = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..', 'web', 'static');

describe('demo menu pictures', () => {
  it('gives every item a picture the edge serves', () => {
    const catalog = parseCommerceCatalog(demoCatalog);
    expect(catalog.items.length).toBeGreaterThan(30);
    for (const item of catalog.items) {
      expect(item.image, item.id).toBe(`/menu/${item.id}.svg`);
      const file = join(STATIC, item.image ?? '');
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
    }
  });

  it('refuses a picture that is neither a path on the box nor an https address', () => {
    const withImage = (image: string) => ({
      ...demoCatalog,
      items: demoCatalog.items.map((i, n) => (n === 0 ? { ...i, image } : i)),
    });
    expect(() => parseCommerceCatalog(withImage('//elsewhere.example/x.png'))).toThrow(/a path on the store box/);
    expect(() => parseCommerceCatalog(withImage('http://elsewhere.example/x.png'))).toThrow(/a path on the store box/);
    expect(parseCommerceCatalog(withImage('https://cdn.example/latte.webp')).items[0]?.image).toBe(
      'https://cdn.example/latte.webp',
    );
  });
});
