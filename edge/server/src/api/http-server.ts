/**
 * The HTTP face of the edge: the JSON API under /api/v1 with its OpenAPI document, the
 * stream at /api/v1/stream, and the built web app (precompressed, hashed assets cached immutably).
 *
 * Hostile input is stopped here, before any route runs: bodies nested too deeply are refused
 * before they are parsed into objects, a connection that sends its request too slowly (or not at
 * all) is answered 408 and closed, and one address cannot hold more than its share of sockets.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import {
  errorBodySchema,
  isTillboxError,
  jsonDepthError,
  TillboxError,
  type ErrorBody,
  type ErrorCode,
} from '@tillbox/core';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';
import type { Settings } from '../config/settings.js';
import type { Guard } from './guard.js';
import { openApiDocument, registerRoutes, type AnyRoute } from './route.js';
import { compressJsonAnswers } from './compression.js';
import { securityHeaders, securityHeadersFor } from './security-headers.js';
import { isFilePath, isImmutablePath } from './static-files.js';
import type { StreamHub } from './stream-hub.js';

export const API_PREFIX = '/api/v1';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  'too-large': 413,
  'device-unavailable': 503,
  'device-timeout': 504,
  'payment-declined': 402,
  'rate-limited': 429,
  storage: 507,
  internal: 500,
};

/** The `http` settings the server applies: body size, timeouts and the per-address connection cap. */
export type HttpLimits = Pick<
  Settings['http'],
  | 'bodyLimitBytes'
  | 'headersTimeoutMs'
  | 'requestTimeoutMs'
  | 'keepAliveTimeoutMs'
  | 'connectionTimeoutMs'
  | 'maxConnectionsPerAddress'
>;

export interface HttpServerOptions {
  http: HttpLimits;
  webDir: string;
  version: string;
  log: Logger;
  routes: AnyRoute[];
  stream: StreamHub;
  guard: Guard;
}

function errorBody(code: string, message: string, details: ErrorBody['error']['details'] = []): ErrorBody {
  return { error: { code, message, details } };
}

/** The longest path parameter the router takes (an id is 36); a longer one is refused with 414. */
const MAX_PARAM_LENGTH = 100;

/**
 * Addresses the router refuses before any route or hook runs, answered in the edge's error shape
 * (Fastify's `frameworkErrors`) rather than Fastify's own body. The address is not echoed back.
 */
function frameworkError(err: FastifyError): { status: number; body: ErrorBody } {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return {
      status: 414,
      body: errorBody(
        'validation',
        `A part of the address is longer than ${MAX_PARAM_LENGTH} characters; ids are shorter, check the link`,
      ),
    };
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    return {
      status: 400,
      body: errorBody(
        'validation',
        'The address has a malformed %-escape (a % not followed by two hex digits); check the link',
      ),
    };
  }
  const status =
    typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  return { status, body: errorBody('validation', 'The address or its headers could not be read; check the link') };
}

/**
 * Close any connection beyond `cap` from one address as soon as it opens, so one screen (or one
 * attacker) cannot use up the box's sockets. Loopback counts too.
 */
function capConnectionsPerAddress(server: Server, cap: number, log: Logger): void {
  const open = new Map<string, number>();
  const warned = new Set<string>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      if (!warned.has(address)) log.warn({ address, cap }, 'too many connections from one address; closing the extra');
      warned.add(address);
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
      if (left < cap) warned.delete(address);
    });
  });
}

const LOG_METHODS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A request's logger, made only when something logs with it. Fastify makes a pino child (its
 * bindings run through the redaction) for every request, ~50 µs of an order's path on a store box
 * between orders, and nearly every request never logs. A call at a level the parent would not
 * write makes no child either.
 */
export function lazyRequestLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  let child: FastifyBaseLogger | undefined;
  const real = (): FastifyBaseLogger => (child ??= parent.child(bindings, opts));
  const lazy = {
    get level(): string {
      return child?.level ?? opts.level ?? parent.level;
    },
    set level(level: string) {
      real().level = level;
    },
    child: (b: Bindings, o?: ChildLoggerOptions) => real().child(b, o),
  } as Record<string, unknown>;
  for (const method of LOG_METHODS) {
    lazy[method] = (...args: unknown[]) => {
      const enabled = (parent as Partial<Logger>).isLevelEnabled?.(method) ?? true;
      if (!child && opts.level === undefined && method !== 'silent' && !enabled) return;
      (real()[method] as (...a: unknown[]) => void)(...args);
    };
  }
  return lazy as unknown as FastifyBaseLogger;
}

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const limits = options.http;
  const headers = securityHeaders(options.webDir);
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: limits.bodyLimitBytes,
    return503OnClosing: true,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (err, _request, reply) => {
      const { status, body } = frameworkError(err);
      // These replies skip the onSend hooks, so the security headers go on here. (The option is
      // typed generic over route schemas that no route has yet, hence the plain reply type.)
      void (reply as FastifyReply).code(status).headers(headers.other).send(body);
    },
    forceCloseConnections: true,
    // Idle sockets, slow request heads and bodies: each has its limit (Node checks the head and
    // request timeouts every connectionsCheckingInterval, so check often enough to honour them).
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(limits.headersTimeoutMs / 4))),
    },
  });
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress, options.log);

  // A command such as bump has no body; accept an empty one even when it is labelled JSON.
  // Nesting is measured on the raw text first: recursive schemas must never see a deep document.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    const tooDeep = text === '' ? undefined : jsonDepthError(text);
    if (text === '') done(null, undefined);
    else if (tooDeep) done(new TillboxError('validation', tooDeep), undefined);
    else parseJson(request, text, done);
  });

  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (isTillboxError(err)) {
      return reply.code(STATUS[err.code]).send(errorBody(err.code, err.message, [...err.details]));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('too-large', `The body is larger than ${limits.bodyLimitBytes} bytes`));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(errorBody('validation', 'Send the body as application/json'));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, empty JSON body and the like.
      return reply.code(fe.statusCode).send(errorBody('validation', fe.message));
    }
    request.log.error({ err }, 'unexpected error');
    return reply
      .code(500)
      .send(
        errorBody(
          'internal',
          'Something went wrong on the store box; try again, and tell a manager if it keeps happening',
        ),
      );
  });

  // Browser-facing checks before anything else on the API and the stream: Host, Origin, JSON.
  const streamPath = `${API_PREFIX}/stream`;
  app.addHook('onRequest', async (request) => {
    // The stream is checked in its preValidation: a refusal in onRequest leaves an upgrade hanging.
    if (request.url.startsWith('/api/') && !request.url.startsWith(streamPath)) options.guard.checkRequest(request);
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.headers(securityHeadersFor(headers, reply.getHeader('content-type')));
  });
  // JSON answers to GET in brotli or gzip for browsers that take them (compression.ts).
  app.addHook('onSend', compressJsonAnswers());

  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 } });
  app.get(
    streamPath,
    {
      websocket: true,
      // A stream needs a paired device before the upgrade; its topics are checked on subscribe.
      preValidation: async (request) => {
        options.guard.checkRequest(request);
        if (!options.guard.principal(request).device) options.guard.authorizeRequest(request, 'stream.order');
      },
    },
    (socket, request) => {
      const { device, staff } = options.guard.principal(request);
      if (device) options.stream.accept(socket, { device, ...(staff ? { staff } : {}) });
      else socket.close(4001, 'not paired');
    },
  );

  registerRoutes(app, API_PREFIX, options.routes, options.guard.route);
  const openapi = openApiDocument(
    { title: 'Tillbox edge API', version: options.version },
    API_PREFIX,
    options.routes,
    errorBodySchema,
  );
  app.get(`${API_PREFIX}/openapi.json`, async () => openapi);

  const index = join(options.webDir, 'index.html');
  const hasWeb = existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: options.webDir,
      wildcard: false,
      index: ['index.html'],
      // The build writes brotli and gzip siblings (app.js.br, app.js.gz; web/scripts/precompress.js):
      // each file goes out as br, else gzip, else as it is, by the browser's Accept-Encoding, with the
      // original's Content-Type. The siblings are never answered under their own names.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false, // setHeaders below decides
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', isImmutablePath(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        // Caches keep one copy per encoding (also for files sent as they are: another browser may get br).
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
  } else {
    options.log.warn({ webDir: options.webDir }, 'no built web app found; run `npm run build` to serve the screens');
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      return reply.code(404).send(errorBody('not-found', `No API route ${request.method} ${path}`));
    }
    const screen = !path.startsWith('/_app/') && !isFilePath(path);
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && screen) {
      // Screens are client-side routes of one app (e.g. /kds/bar): answer with its shell (not a
      // missing /favicon.ico: static-files.ts).
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not-found', `Nothing at ${path}`));
  });

  return app;
}
