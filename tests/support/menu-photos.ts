/**
 * `npm run photos`: writes the demo menu's pictures (edge/server/src/catalog/demo-photos.ts) to
 * web/static/menu/<item id>.svg from the Fluent Emoji Flat set (@iconify-json/fluent-emoji-flat,
 * MIT): the main emoji full size and the accent, when there is one, smaller in the lower right
 * corner on a white disc. Run it after changing the map; the files are committed.
 *
 * The screens show each picture as WebP, drawn from its SVG by Chromium (Debian's, as the tests
 * use: no image package needed) at PHOTO_PIXELS square: a browser decodes a WebP off its main
 * thread, where every SVG picture is a document of its own to parse, lay out and paint
 * (docs/performance.md). The file name carries the picture's hash (<item id>.<hash>.webp), so the
 * edge serves it as immutable; `demo-photo-files.ts` names each, written here too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_PHOTOS } from '../../edge/server/src/catalog/demo-photos.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { REPO } from './edge-process.js';

/** Square size of the WebP pictures: the largest shown (the attract screen's 360 px) at 1×, a card's 180 px at 2×. */
const PHOTO_PIXELS = 384;
/** WebP quality (0–1): flat illustrations keep crisp edges at this size. */
const PHOTO_QUALITY = 0.9;
const FILES_MODULE = join(REPO, 'edge', 'server', 'src', 'catalog', 'demo-photo-files.ts');

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

/** Each SVG drawn on a canvas of PHOTO_PIXELS square in Chromium and encoded as WebP. */
async function rasterise(svgs: Record<string, string>): Promise<Record<string, Buffer>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Plain JS run by the page (these tests are type-checked without the DOM's types).
    const encoded = (await page.evaluate(`(async (svgs, size, quality) => {
      const out = {};
      for (const [id, svg] of Object.entries(svgs)) {
        const img = new Image(size, size);
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        canvas.getContext('2d').drawImage(img, 0, 0, size, size);
        out[id] = canvas.toDataURL('image/webp', quality);
      }
      return out;
    })(${JSON.stringify(svgs)}, ${PHOTO_PIXELS}, ${PHOTO_QUALITY})`)) as Record<string, string>;
    return Object.fromEntries(
      Object.entries(encoded).map(([id, url]) => {
        if (!url.startsWith('data:image/webp;base64,')) throw new Error(`Chromium did not encode ${id} as WebP`);
        return [id, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')];
      }),
    );
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
for (const file of readdirSync(OUT)) if (file.endsWith('.svg') || file.endsWith('.webp')) rmSync(join(OUT, file));
const svgs = Object.fromEntries(
  Object.entries(DEMO_PHOTOS).map(([itemId, photo]) => [itemId, picture(photo.icon, photo.accent)]),
);
for (const [itemId, svg] of Object.entries(svgs)) writeFileSync(join(OUT, `${itemId}.svg`), svg);
const files: Record<string, string> = {};
for (const [itemId, webp] of Object.entries(await rasterise(svgs))) {
  const name = `${itemId}.${createHash('sha256').update(webp).digest('hex').slice(0, 10)}.webp`;
  writeFileSync(join(OUT, name), webp);
  files[itemId] = `/menu/${name}`;
}
writeFileSync(
  FILES_MODULE,
  [
    "// Written by `npm run photos` (tests/support/menu-photos.ts): each demo item's picture as the",
    '// screens show it, a WebP whose name carries its hash (served as immutable). Do not edit.',
    'export const DEMO_PHOTO_FILES: Readonly<Record<string, string>> = {',
    ...Object.entries(files).map(([id, path]) => `  ${/^[a-z_$][\w$]*$/i.test(id) ? id : `'${id}'`}: '${path}',`),
    '};',
    '',
  ].join('\n'),
);
console.log(`${Object.keys(DEMO_PHOTOS).length} pictures written to ${OUT} (SVG, and WebP ${PHOTO_PIXELS} px)`);
