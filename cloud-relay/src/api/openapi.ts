/**
 * The OpenAPI 3.1 document of the cloud API, made from the routes' zod schemas (JSON Schema
 * 2020-12). zod puts what it cannot inline (a recursive schema such as nested modifier choices)
 * under a local `$defs`; each is moved into `components/schemas` under the operation's name and
 * its references rewritten to point there. (The edge's generator, edge/server/src/api/openapi.ts,
 * also names and shares them across operations; this one keeps them per operation.)
 */
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function mapRefs(node: Json, rewrite: (ref: string) => string): Json {
  if (Array.isArray(node)) return node.map((v) => mapRefs(v, rewrite));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : mapRefs(v, rewrite);
  return out;
}

const componentName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');
const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

class Components {
  readonly schemas: Record<string, JsonObject> = {};

  convert(schema: z.ZodType, io: 'input' | 'output', name: string): JsonObject {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
    const { $schema: _dialect, $defs, ...root } = json;
    const self = JSON.stringify(root).includes('"$ref":"#"');
    const rewrite = (ref: string): string => {
      if (ref === '#') return `#/components/schemas/${componentName(name)}`;
      const def = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
      return def === undefined ? ref : `#/components/schemas/${componentName(`${name}_${def}`)}`;
    };
    for (const [key, body] of Object.entries(isObject($defs) ? $defs : {}))
      if (isObject(body)) this.schemas[componentName(`${name}_${key}`)] = mapRefs(body, rewrite) as JsonObject;
    const out = mapRefs(root, rewrite) as JsonObject;
    if (!self) return out;
    this.schemas[componentName(name)] = out;
    return { $ref: `#/components/schemas/${componentName(name)}` };
  }
}

function parameters(c: Components, schema: z.ZodType | undefined, where: 'path' | 'query', name: string): unknown[] {
  if (!schema) return [];
  const json = c.convert(schema, 'input', name);
  const properties = isObject(json.properties) ? json.properties : {};
  const required = Array.isArray(json.required) ? json.required : [];
  return Object.entries(properties).map(([p, s]) => ({
    name: p,
    in: where,
    required: where === 'path' || required.includes(p),
    schema: s,
  }));
}

export function openApiDocument(
  info: { title: string; version: string },
  prefix: string,
  routes: readonly AnyRoute[],
  errorSchema: z.ZodType,
): { openapi: '3.1.0'; info: typeof info; paths: Record<string, Record<string, unknown>>; components: unknown } {
  const c = new Components();
  const errorRef = c.convert(errorSchema, 'output', 'ErrorBody');
  c.schemas.ErrorBody = errorRef;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = (prefix + r.url).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = pascal(`${r.method.toLowerCase()} ${r.url}`);
    const ok = { 'application/json': { schema: c.convert(r.response, 'output', `${op}Response`) } };
    const responses: Record<string, unknown> = {};
    for (const code of [r.status ?? 200, ...(r.otherOk ?? [])])
      responses[String(code)] = { description: 'OK', content: ok };
    for (const code of r.errors ?? [])
      responses[String(code)] = {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      };
    const bodySchema = r.bodyDoc ?? r.body;
    const body = bodySchema ? c.convert(bodySchema, 'input', `${op}Body`) : undefined;
    paths[path] = {
      ...paths[path],
      [r.method.toLowerCase()]: {
        operationId: op,
        summary: r.summary,
        tags: r.tags,
        ...(r.admin ? { security: [{ adminToken: [] }] } : {}),
        parameters: [
          ...parameters(c, r.params, 'path', `${op}Params`),
          ...parameters(c, r.query, 'query', `${op}Query`),
        ],
        ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: c.schemas,
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'TILLBOX_CLOUD_ADMIN_TOKEN' } },
    },
  };
}
