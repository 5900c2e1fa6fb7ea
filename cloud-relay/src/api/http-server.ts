/**
 * The cloud relay's HTTP API (Fastify) under /api/v1, with its OpenAPI document at
 * /api/v1/openapi.json. The only place an error code becomes an HTTP status; errors are
 * `{error: {code, message, details}}`, the edge's shape.
 */
import {
  errorBodySchema,
  isTillboxError,
  jsonDepthError,
  TillboxError,
  type ErrorBody,
  type ErrorCode,
} from '@tillbox/core';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerGuestPage } from './guest-page.js';
import { openApiDocument } from './openapi.js';
import { registerRoutes, type AnyRoute } from './route.js';

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

const errorBody = (code: string, message: string, details: ErrorBody['error']['details'] = []): ErrorBody => ({
  error: { code, message, details },
});

export interface HttpServerOptions {
  bodyLimitBytes: number;
  adminToken: string;
  version: string;
  log: Logger;
  routes: AnyRoute[];
  /** The web build whose guest page (/order) is served beside the API; '' for none. */
  webDir?: string;
}

export async function createHttpServer(o: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: o.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: o.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 100 },
    requestTimeout: 60_000,
  });

  // Nesting is measured on the raw text first: recursive schemas never see a deep document.
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
    if (isTillboxError(err))
      return reply.code(STATUS[err.code]).send(errorBody(err.code, err.message, [...err.details]));
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(errorBody('too-large', `The body is larger than ${o.bodyLimitBytes} bytes`));
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(errorBody('validation', 'Send the body as application/json'));
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
      return reply.code(fe.statusCode).send(errorBody('validation', fe.message));
    request.log.error({ err }, 'unexpected error');
    return reply
      .code(500)
      .send(errorBody('internal', 'Something went wrong in the cloud service; try again in a moment'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not-found', `No ${request.method} ${request.url.split('?')[0] ?? ''} here`)),
  );

  registerRoutes(app, API_PREFIX, o.routes, o.adminToken);
  if (o.webDir) registerGuestPage(app, o.webDir);
  const document = openApiDocument(
    { title: 'Tillbox cloud relay API', version: o.version },
    API_PREFIX,
    o.routes,
    errorBodySchema,
  );
  app.get(`${API_PREFIX}/openapi.json`, async () => document);
  return app;
}
