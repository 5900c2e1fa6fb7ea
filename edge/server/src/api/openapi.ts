/**
 * The OpenAPI 3.1 document of the routes, made from their zod schemas (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses). A schema zod cannot inline (a recursive one, such as nested modifier
 * choices, or one given an `id` with `.meta()`) comes out of `z.toJSONSchema` under a local
 * `$defs` that document-relative `$ref`s cannot reach; every such definition is hoisted into
 * `components/schemas` under a stable name and its references rewritten to point there.
 */
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonObject> };
}

const COMPONENTS = '#/components/schemas/';
/** Names zod gives definitions it had to make up (recursive schemas without an `id`). */
const ANONYMOUS = /^__schema\d+$/;

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A copy of `node` with every `$ref` passed through `rewrite`. */
function mapRefs(node: Json, rewrite: (ref: string) => string): Json {
  if (Array.isArray(node)) return node.map((v) => mapRefs(v, rewrite));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : mapRefs(v, rewrite);
  return out;
}

/** The key path (`properties`, `lines`, `items`, ...) to the first `$ref` to `target`, if any. */
function firstUse(node: Json, target: string, path: readonly string[] = []): string[] | undefined {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) {
      const found = firstUse(v, target, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (node.$ref === target) return [...path];
  for (const [k, v] of Object.entries(node)) {
    const found = firstUse(v, target, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * A name for a definition zod made up, from the property it is first used under: an element of
 * `modifiers` is `ModifiersItem`, a `customer` is `Customer`; `fallback` when there is none.
 */
function nameFromUse(path: readonly string[], fallback: string): string {
  const at = path.lastIndexOf('properties');
  const property = at >= 0 ? path[at + 1] : undefined;
  if (property === undefined) return fallback;
  return pascal(property) + (path.slice(at + 2).includes('items') ? 'Item' : '') || fallback;
}

/** zod's `z.json()` (any JSON value, referring to itself as `self`), which is named `JsonValue`. */
function isJsonValue(def: JsonObject, self: string): boolean {
  const ref = { $ref: self };
  const expected = [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', items: ref },
    { type: 'object', propertyNames: { type: 'string' }, additionalProperties: ref },
  ];
  return JSON.stringify(def) === JSON.stringify({ anyOf: expected });
}

/** Encodes one JSON Pointer segment (RFC 6901). */
const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
/** A component name OpenAPI accepts (`^[a-zA-Z0-9._-]+$`), so it needs no escaping in a `$ref`. */
const componentName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
const refTo = (name: string): string => COMPONENTS + name;

/** The `components/schemas` of one document, filled as the routes' schemas are converted. */
class SchemaComponents {
  readonly schemas: Record<string, JsonObject> = {};

  /**
   * The JSON Schema of `schema` to put in the document: inline where it can be, with its local
   * definitions moved into the components. `hint` names what it is (e.g. `PostOrdersBody`), for
   * a schema that refers to itself as a whole or that is to be `named` (put in the components
   * itself, and answered as a reference to it).
   */
  convert(schema: z.ZodType, io: 'input' | 'output', hint: string, named = false): JsonObject {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
    const { $schema: _dialect, $defs, ...root } = json;
    // The schemas to hoist, by the local reference that reaches each.
    const group = new Map<string, { base: string; body: JsonObject }>();
    if (named || JSON.stringify(json).includes('"$ref":"#"')) group.set('#', { base: componentName(hint), body: root });
    for (const [key, body] of Object.entries(isObject($defs) ? $defs : {})) {
      if (!isObject(body)) continue;
      const local = `#/$defs/${pointer(key)}`;
      const made = isJsonValue(body, local) ? 'JsonValue' : nameFromUse(firstUse(json, local) ?? [], hint);
      const stem = componentName(ANONYMOUS.test(key) ? made : key);
      const taken = new Set([...group.values()].map((g) => g.base));
      let base = stem;
      for (let n = 2; taken.has(base); n++) base = `${stem}_${n}`;
      group.set(local, { base, body });
    }
    const names = this.place(group);
    const rewrite = (ref: string): string => {
      const name = names.get(ref);
      return name === undefined ? ref : refTo(name);
    };
    const selfName = names.get('#');
    if (selfName !== undefined) return { $ref: refTo(selfName) };
    return mapRefs(root, rewrite) as JsonObject;
  }

  /**
   * Puts the group's schemas into the components under their base names, or all with the same
   * numeric suffix when a name is taken by a different schema (the same schema is reused).
   */
  private place(group: ReadonlyMap<string, { base: string; body: JsonObject }>): Map<string, string> {
    for (let n = 1; ; n++) {
      const names = new Map([...group].map(([local, { base }]) => [local, n === 1 ? base : `${base}${n}`]));
      const rewrite = (ref: string): string => {
        const name = names.get(ref);
        return name === undefined ? ref : refTo(name);
      };
      const bodies = [...group].map(([local, { body }]) => [names.get(local) ?? '', mapRefs(body, rewrite)] as const);
      const clash = bodies.some(([name, body]) => {
        const existing = this.schemas[name];
        return existing !== undefined && JSON.stringify(existing) !== JSON.stringify(body);
      });
      if (clash) continue;
      for (const [name, body] of bodies) this.schemas[name] = body as JsonObject;
      return names;
    }
  }
}

/** `/orders/:id/pay` as OpenAPI writes it: `/orders/{id}/pay`. */
const toOpenApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(
  components: SchemaComponents,
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  hint: string,
): unknown[] {
  if (!schema) return [];
  const json = components.convert(schema, 'input', hint);
  const properties = isObject(json.properties) ? json.properties : {};
  const required = Array.isArray(json.required) ? json.required : [];
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of the routes; error answers share one `ErrorBody` schema. */
export function openApiDocument(
  info: { title: string; version: string },
  prefix: string,
  routes: readonly AnyRoute[],
  errorSchema: z.ZodType,
): OpenApiDocument {
  const components = new SchemaComponents();
  const errorRef = components.convert(errorSchema, 'output', 'ErrorBody', true);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = toOpenApiPath(prefix + r.url);
    const op = pascal(`${r.method.toLowerCase()} ${r.url}`);
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: components.convert(r.response, 'output', `${op}Response`) } },
      },
    };
    for (const code of r.errors ?? []) {
      responses[String(code)] = { description: 'Error', content: { 'application/json': { schema: errorRef } } };
    }
    const body = r.body ? components.convert(r.body, 'input', `${op}Body`) : undefined;
    paths[path] = {
      ...paths[path],
      [r.method.toLowerCase()]: {
        summary: r.summary,
        tags: r.tags,
        parameters: [
          ...parameters(components, r.params, 'path', `${op}Params`),
          ...parameters(components, r.query, 'query', `${op}Query`),
        ],
        ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
        responses,
      },
    };
  }
  return { openapi: '3.1.0', info, paths, components: { schemas: components.schemas } };
}
