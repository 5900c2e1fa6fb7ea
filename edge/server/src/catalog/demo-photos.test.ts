/** Every item of the demo menu has its picture, and the picture is in the web build's static folder. */
import { createHash } from 'node:crypto';
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
      // A WebP (RIFF....WEBP) whose name carries its hash, drawn from the item's SVG beside it.
      expect(item.image, item.id).toMatch(new RegExp(`^/menu/${item.id}\\.[0-9a-f]{10}\\.webp$`));
      const file = join(STATIC, item.image ?? '');
      expect(existsSync(file), file).toBe(true);
      const webp = readFileSync(file);
      expect(webp.subarray(0, 4).toString('latin1') + webp.subarray(8, 12).toString('latin1')).toBe('RIFFWEBP');
      // Served as immutable: the name must change with the bytes.
      expect(item.image).toContain(`.${createHash('sha256').update(webp).digest('hex').slice(0, 10)}.webp`);
      const svg = join(STATIC, 'menu', `${item.id}.svg`);
      expect(readFileSync(svg, 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
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
