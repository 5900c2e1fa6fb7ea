/**
 * A route is declared once with its zod schemas: the same declaration registers the Fastify
 * handler (params, query and body parsed by them) and becomes an OpenAPI operation. `admin`
 * routes need the admin token (or, with none set, a caller on loopback).
 */
import { timingSafeEqual } from 'node:crypto';
import { TillboxError, type ErrorDetail } from '@tillbox/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tags: string[];
  admin?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** The body as the document shows it, when it is parsed further by the service. */
  bodyDoc?: z.ZodType;
  response: R;
  status?: number;
  /** Other statuses answered with the same schema (e.g. 202 for an order the store has not answered yet). */
  otherOk?: number[];
  errors?: number[];
  handler: (input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
  }) => Promise<z.input<R> | { status: number; body: z.input<R> }>;
}

// A route list holds routes of many schema types; handlers are only called through registerRoutes().
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous route list
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

/** A `validation` TillboxError with one detail per problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.slice(0, 50).map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new TillboxError(
    'validation',
    `Invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    {
      details,
    },
  );
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Throws unless the request may use the admin routes. */
export function checkAdmin(request: FastifyRequest, token: string): void {
  if (token === '') {
    if (LOOPBACK.has(request.ip)) return;
    throw new TillboxError(
      'forbidden',
      'configuration endpoints answer only on this machine until an admin token is set',
      {
        details: [{ message: 'set TILLBOX_CLOUD_ADMIN_TOKEN and send it as Authorization: Bearer <token>' }],
      },
    );
  }
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TillboxError('unauthenticated', 'the admin token is missing or wrong', {
      details: [{ message: 'send Authorization: Bearer <TILLBOX_CLOUD_ADMIN_TOKEN>' }],
    });
}

export function registerRoutes(
  app: FastifyInstance,
  prefix: string,
  routes: readonly AnyRoute[],
  adminToken: string,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: prefix + route.url,
      handler: async (request, reply) => {
        if (route.admin) checkAdmin(request, adminToken);
        if (route.body && request.body === undefined)
          throw new TillboxError('validation', 'A JSON body is required (Content-Type: application/json)');
        const out = (await route.handler({
          params: route.params ? parseOrThrow(route.params, request.params, 'params') : undefined,
          query: route.query ? parseOrThrow(route.query, request.query, 'query') : undefined,
          body: route.body ? parseOrThrow(route.body, request.body, 'body') : undefined,
        })) as unknown;
        if (
          out !== null &&
          typeof out === 'object' &&
          'status' in out &&
          'body' in out &&
          typeof out.status === 'number'
        )
          return reply.code(out.status).send(out.body);
        return reply.code(route.status ?? 200).send(out);
      },
    });
  }
}
