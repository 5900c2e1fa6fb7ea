/**
 * A route is declared once with its zod schemas; the same declaration registers the Fastify
 * handler (which parses params, query and body with them) and becomes the OpenAPI operation.
 */
import { TillboxError, type ErrorDetail } from '@tillbox/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/orders/:id/bump` (prefixed with /api/v1). */
  url: string;
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
  }) => z.infer<R> | { status: number; body: z.infer<R> } | Promise<z.infer<R> | { status: number; body: z.infer<R> }>;
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

export function registerRoutes(app: FastifyInstance, prefix: string, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: prefix + route.url,
      handler: async (request, reply) => {
        if (route.body && request.body === undefined) {
          throw new TillboxError('validation', 'A JSON body is required (Content-Type: application/json)');
        }
        const input = {
          params: route.params ? parseOrThrow(route.params, request.params, 'params') : undefined,
          query: route.query ? parseOrThrow(route.query, request.query, 'query') : undefined,
          body: route.body ? parseOrThrow(route.body, request.body, 'body') : undefined,
        };
        const out = (await route.handler(input)) as unknown;
        if (
          out !== null &&
          typeof out === 'object' &&
          'status' in out &&
          'body' in out &&
          typeof out.status === 'number'
        ) {
          return reply.code(out.status).send(out.body);
        }
        return reply.code(route.status ?? 200).send(out);
      },
    });
  }
}

const toOpenApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of the routes (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
export function openApiDocument(
  info: { title: string; version: string },
  prefix: string,
  routes: readonly AnyRoute[],
  errorSchema: z.ZodType,
): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  const schema = (s: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  for (const r of routes) {
    const path = toOpenApiPath(prefix + r.url);
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: schema(r.response, 'output') } },
      },
    };
    for (const code of r.errors ?? []) {
      responses[String(code)] = {
        description: 'Error',
        content: { 'application/json': { schema: schema(errorSchema, 'output') } },
      };
    }
    paths[path] = {
      ...paths[path],
      [r.method.toLowerCase()]: {
        summary: r.summary,
        tags: r.tags,
        parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
        ...(r.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } }
          : {}),
        responses,
      },
    };
  }
  return { openapi: '3.1.0', info, paths };
}
