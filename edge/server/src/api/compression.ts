/**
 * JSON answers compressed for the browsers that take it: brotli, else gzip, by the request's
 * Accept-Encoding, with `Vary: Accept-Encoding`. The kiosk's catalog is 25 KB as JSON and 4 KB as
 * brotli (a 300-item menu 150 KB and 6 KB); compressing it takes under a millisecond at the
 * qualities below, off the event loop (zlib runs in libuv's thread pool).
 *
 * Only answers to GET: a command's answer is small, and it is where a secret (a pairing token)
 * could sit beside text the request sent, which compression would let an onlooker guess from
 * the sizes (BREACH). Small answers, answers already encoded (the precompressed static files) and
 * answers that are not JSON go as they are.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this an answer fits in a packet or two anyway. */
export const MIN_COMPRESSED_BYTES = 1024;

export type AnswerEncoding = 'br' | 'gzip';

/**
 * The encoding to answer in for an `Accept-Encoding` header: br, else gzip, else none. A coding
 * with `q=0` is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): AnswerEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((w) => w !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (coding: AnswerEncoding): boolean => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

function compress(body: Buffer, encoding: AnswerEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: 6 });
  return brotli(body, {
    params: {
      // Quality 5: within a few per cent of the best for JSON, at about a millisecond for 150 KB.
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const values = String(current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.includes('*') || values.some((v) => v.toLowerCase() === field.toLowerCase())) return;
  void reply.header('vary', [...values, field].join(', '));
}

/** An onSend hook that compresses JSON answers to GET (see the module's comment). */
export function compressJsonAnswers(minBytes = MIN_COMPRESSED_BYTES) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (request.method !== 'GET' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding') !== undefined) return payload;
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < minBytes) return payload;
    // Caches must keep one copy per encoding, also of the copy sent as it is.
    addVary(reply, 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const compressed = await compress(body, encoding);
    void reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  };
}
