/**
 * Each request's logger is made only when something logs with it: what is logged is what a pino
 * child of the edge's logger writes (the request id, redaction), and nothing is made otherwise.
 */
import { Writable } from 'node:stream';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyRequestLogger } from './http-server.js';

function memoryLogger(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  // The edge's redaction (logger.ts), written to memory.
  const log = pino({ level, redact: ['*.pin', '*.pan', '*.card', 'req.headers.authorization'] }, sink);
  return { log, lines };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('the request logger', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('makes no child for a call below the level, and a real child (bindings, redaction) for one at it', async () => {
    const { log, lines } = memoryLogger('info');
    const child = vi.spyOn(log, 'child');
    const lazy = lazyRequestLogger(log as FastifyBaseLogger, { reqId: 'req-7' }, {});
    lazy.debug('not written');
    lazy.trace('nor this');
    expect(child).not.toHaveBeenCalled();
    expect(lazy.level).toBe('info');
    lazy.warn({ body: { pin: '1234' } }, 'a PIN in a body');
    lazy.error('and again');
    expect(child).toHaveBeenCalledTimes(1);
    await flush();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ reqId: 'req-7', msg: 'a PIN in a body', body: { pin: '[Redacted]' } });
    expect(lines[1]).toMatchObject({ reqId: 'req-7', msg: 'and again' });
  });

  it('is what fastify gives each request: a request that logs nothing makes no child, one that logs writes its id', async () => {
    const { log, lines } = memoryLogger('info');
    const server = Fastify({
      loggerInstance: log as FastifyBaseLogger,
      // As the edge's server: no line per request.
      logController: new LogController({ disableRequestLogging: true }),
      childLoggerFactory: lazyRequestLogger,
    });
    app = server as unknown as FastifyInstance;
    server.get('/quiet', async () => ({ ok: true }));
    server.get('/loud', async (request: FastifyRequest) => {
      request.log.warn('something to say');
      return { ok: true };
    });
    await server.ready();
    const child = vi.spyOn(log, 'child');
    expect((await server.inject({ url: '/quiet' })).statusCode).toBe(200);
    expect(child).not.toHaveBeenCalled();
    expect((await server.inject({ url: '/loud' })).statusCode).toBe(200);
    expect(child).toHaveBeenCalledTimes(1);
    await flush();
    const said = lines.find((l) => l.msg === 'something to say');
    expect(said?.reqId).toEqual(expect.any(String));
  });
});
