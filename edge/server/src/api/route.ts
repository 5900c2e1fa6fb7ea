/**
 * A route is declared once with its zod schemas; the same declaration registers the Fastify
 * handler (which parses params, query and body with them) and becomes the OpenAPI operation.
 */
import {
  TillboxError,
  type CommandContext,
  type DevicePrincipal,
  type ErrorDetail,
  type Permission,
  type StaffPrincipal,
} from '@tillbox/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { forScreen } from './screen-views.js';

/**
 * Who is asking: the paired device (always, on every route but `public` ones), the staff
 * member signed in on it (if any) and the command context their events will carry.
 */
export interface RequestContext {
  device: DevicePrincipal;
  staff: StaffPrincipal | undefined;
  command: CommandContext;
}

/** A handler answers the body, or a status and body (and headers, e.g. a cookie) of its own. */
export type RouteAnswer<R extends z.ZodType> =
  z.infer<R> | { status: number; body: z.infer<R>; headers?: Record<string, string> };

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/orders/:id/bump` (prefixed with /api/v1). */
  url: string;
  /**
   * Who may call it: a permission of the core's table, checked before the handler runs, or
   * `public` (no credential needed: pairing and the demo launcher only).
   */
  permission: Permission | 'public';
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a normal answer; a handler may return `{status, body}` to pick another. */
  status?: number;
  /** Other statuses this route answers with, for the document. */
  errors?: number[];
  handler: (input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    /** Set on every route but `public` ones. */
    ctx: RequestContext;
    /** The caller's address (the demo's one-click pairing is for loopback only). */
    ip: string;
  }) => RouteAnswer<R> | Promise<RouteAnswer<R>>;
}

// A route list holds routes of many schema types; their handlers are only called through register().
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogenous route list
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

/** Turn a zod failure into a `validation` TillboxError with one detail per problem. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new TillboxError(
    'validation',
    `Invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
    { details },
  );
}

/**
 * Checks a request against its route's permission before anything is parsed: answers the
 * context to run the handler with, or throws an `unauthenticated` / `forbidden` TillboxError.
 */
export type RouteGuard = (request: FastifyRequest, route: AnyRoute) => RequestContext | undefined;

export function registerRoutes(
  app: FastifyInstance,
  prefix: string,
  routes: readonly AnyRoute[],
  guard: RouteGuard,
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: prefix + route.url,
      handler: async (request, reply) => {
        const ctx = guard(request, route);
        if (route.body && request.body === undefined) {
          throw new TillboxError('validation', 'A JSON body is required (Content-Type: application/json)');
        }
        const input = {
          params: route.params ? parseOrThrow(route.params, request.params, 'params') : undefined,
          query: route.query ? parseOrThrow(route.query, request.query, 'query') : undefined,
          body: route.body ? parseOrThrow(route.body, request.body, 'body') : undefined,
          // Public routes (pairing) have no context and never read it.
          ctx: ctx as RequestContext,
          ip: request.ip,
        };
        const out = (await route.handler(input)) as unknown;
        if (
          out !== null &&
          typeof out === 'object' &&
          'status' in out &&
          'body' in out &&
          typeof out.status === 'number'
        ) {
          if ('headers' in out && out.headers && typeof out.headers === 'object') void reply.headers(out.headers);
          return reply.code(out.status).send(forScreen(route.response, out.body, ctx?.device.role));
        }
        return reply.code(route.status ?? 200).send(forScreen(route.response, out, ctx?.device.role));
      },
    });
  }
}

/** The document of these routes is made in ./openapi.ts. */
export { openApiDocument } from './openapi.js';
