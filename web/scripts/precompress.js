// @ts-check
/**
 * The last build step (`npm run build`, after `vite build`): write a brotli (`.br`) and a gzip
 * (`.gz`) sibling next to every text file of the built app, so the edge sends each screen's
 * JavaScript, CSS, HTML and SVG compressed without compressing anything while a guest waits
 * (@fastify/static `preCompressed` picks br, else gzip, else the file as it is).
 *
 * A sibling is written only when it is smaller than the file; the edge falls back to the next
 * encoding when one is missing. Usage: `node scripts/precompress.js [dir]` (default: build).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images, fonts and media are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.webmanifest', '.map']);

/** Below this a file fits in one packet anyway. */
const MIN_BYTES = 256;

/**
 * @typedef {{ files: number; bytes: number; brotliBytes: number; gzipBytes: number }} PrecompressSummary
 *   files compressed, their total size, and what they weigh as br / gz (the original where a
 *   sibling was not worth writing)
 */

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Write `path.br` and `path.gz` when they are smaller than the file (and remove a stale one
 * that is not). Returns the sizes sent for each encoding, or undefined for a file too small
 * to bother.
 * @param {string} path
 * @returns {Promise<{ bytes: number; brotliBytes: number; gzipBytes: number } | undefined>}
 */
async function compressFile(path) {
  const data = await readFile(path);
  if (data.length < MIN_BYTES) return undefined;
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  /** @param {string} sibling @param {Buffer} bytes */
  const keepIfSmaller = async (sibling, bytes) => {
    if (bytes.length < data.length) {
      await writeFile(sibling, bytes);
      return bytes.length;
    }
    await rm(sibling, { force: true });
    return data.length;
  };
  return {
    bytes: data.length,
    brotliBytes: await keepIfSmaller(`${path}.br`, br),
    gzipBytes: await keepIfSmaller(`${path}.gz`, gz),
  };
}

/**
 * Precompress every compressible file under `dir`.
 * @param {string} dir
 * @returns {Promise<PrecompressSummary>}
 */
export async function precompressDir(dir) {
  /** @type {string[]} */
  const queue = [];
  for await (const path of walk(dir)) if (COMPRESSIBLE.has(extname(path))) queue.push(path);
  /** @type {PrecompressSummary} */
  const summary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  // zlib runs on libuv's thread pool: a few files at a time use the cores without flooding memory.
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const sizes = await compressFile(path);
      if (!sizes) continue;
      summary.files += 1;
      summary.bytes += sizes.bytes;
      summary.brotliBytes += sizes.brotliBytes;
      summary.gzipBytes += sizes.gzipBytes;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return summary;
}

/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (resolve(argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const dir = resolve(argv[2] ?? 'build');
  const s = await precompressDir(dir);
  console.log(
    `precompressed ${s.files} files in ${dir}: ${kb(s.bytes)} → br ${kb(s.brotliBytes)}, gzip ${kb(s.gzipBytes)}`,
  );
}
