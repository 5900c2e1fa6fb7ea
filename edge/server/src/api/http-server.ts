/**
 * The HTTP face of the edge: the JSON API under /api/v1 with its OpenAPI document, the
 * stream at /api/v1/stream, and the built web app (hashed assets cached immutably).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { errorBodySchema, isTillboxError, type ErrorBody, type ErrorCode } from '@tillbox/core';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Guard } from './guard.js';
import { openApiDocument, registerRoutes, type AnyRoute } from './route.js';
import { securityHeaders } from './security-headers.js';
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
  internal: 500,
};

export interface HttpServerOptions {
  bodyLimitBytes: number;
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

export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: true,
  });

  // A command such as bump has no body; accept an empty one even when it is labelled JSON.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, String(body), done);
  });

  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (isTillboxError(err)) {
      return reply.code(STATUS[err.code]).send(errorBody(err.code, err.message, [...err.details]));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('too-large', `The body is larger than ${options.bodyLimitBytes} bytes`));
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
  const headers = securityHeaders(options.webDir);
  app.addHook('onSend', async (_request, reply) => {
    void reply.headers(headers);
  });

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
      cacheControl: false, // setHeaders below decides
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
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
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/_app/')) {
      // Screens are client-side routes of one app (e.g. /kds/bar): answer with its shell.
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not-found', `Nothing at ${path}`));
  });

  return app;
}
