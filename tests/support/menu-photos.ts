/**
 * `npm run photos`: writes the demo menu's pictures (edge/server/src/catalog/demo-photos.ts) to
 * web/static/menu/<item id>.svg from the Fluent Emoji Flat set (@iconify-json/fluent-emoji-flat,
 * MIT): the main emoji full size and the accent, when there is one, smaller in the lower right
 * corner on a white disc. Run it after changing the map; the files are committed.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DEMO_PHOTOS } from '../../edge/server/src/catalog/demo-photos.js';
import { REPO } from './edge-process.js';

interface IconSet {
  width?: number;
  height?: number;
  icons: Record<string, { body: string; width?: number; height?: number }>;
}

const require = createRequire(join(REPO, 'web', 'package.json'));
const set = JSON.parse(readFileSync(require.resolve('@iconify-json/fluent-emoji-flat/icons.json'), 'utf8')) as IconSet;
const OUT = join(REPO, 'web', 'static', 'menu');

/** An icon's SVG body with its ids (gradients, clip paths) made unique under `prefix`. */
function body(name: string, prefix: string): { body: string; size: number } {
  const icon = set.icons[name];
  if (!icon) throw new Error(`Fluent Emoji Flat has no icon "${name}"`);
  const size = icon.width ?? set.width ?? 32;
  const unique = icon.body
    .replace(/id="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
  return { body: unique, size };
}

function picture(icon: string, accent: string | undefined): string {
  const main = body(icon, 'm');
  const parts = [`<g>${main.body}</g>`];
  if (accent) {
    const small = body(accent, 'a');
    // A white disc behind the accent keeps it readable over the main picture.
    parts.push(
      `<circle cx="24.5" cy="24.5" r="7.5" fill="#fff"/>`,
      `<g transform="translate(18.5 18.5) scale(${12 / small.size})">${small.body}</g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${main.size} ${main.size}" width="256" height="256">${parts.join('')}</svg>\n`;
}

mkdirSync(OUT, { recursive: true });
for (const file of readdirSync(OUT)) if (file.endsWith('.svg')) rmSync(join(OUT, file));
for (const [itemId, photo] of Object.entries(DEMO_PHOTOS))
  writeFileSync(join(OUT, `${itemId}.svg`), picture(photo.icon, photo.accent));
console.log(`${Object.keys(DEMO_PHOTOS).length} pictures written to ${OUT}`);
