/**
 * The edge's OpenAPI document as an outside client sees it: fetched from a running edge,
 * validated by an independent OpenAPI 3.1 validator, every `$ref` resolvable, and the web's
 * generated types made from this very document.
 */
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_TYPES_FILE, apiTypesSource } from '../../../../tests/support/api-types.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { defineRoute } from './route.js';
import { openApiDocument } from './openapi.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every `$ref` in the document with the JSON pointer of where it sits. */
function refs(node: Json, at = '#'): { at: string; ref: string }[] {
  if (node === null || typeof node !== 'object') return [];
  const entries: [string, Json][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
  return entries.flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ at, ref: value }]
      : refs(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

/** What a document-relative `$ref` (`#/a/b`) points at, or undefined when it points nowhere. */
function resolve(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

type Schema = { [key: string]: Json };
const asSchema = (node: Json | undefined): Schema => {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new Error('not a schema object');
  return node;
};

describe('OpenAPI document', () => {
  let t: TestEdge;
  let doc: Json;

  beforeAll(async () => {
    t = await startTestEdge();
    const res = await t.edge.http.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode, 'the document is readable without a credential').toBe(200);
    doc = res.json<Json>();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is valid OpenAPI 3.1 for an independent validator', async () => {
    // The validator dereferences in place: give it its own copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it('has every $ref resolve inside the document', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    const dangling = all.filter(({ ref }) => resolve(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('describes nested modifiers of an order line as one named, recursive schema', () => {
    const body = resolve(doc, '#/paths/~1api~1v1~1orders/post/requestBody/content/application~1json/schema');
    const line = asSchema(asSchema(asSchema(asSchema(body).properties).lines).items);
    const modifiersRef = asSchema(asSchema(asSchema(line.properties).modifiers).items).$ref;
    expect(modifiersRef).toMatch(/^#\/components\/schemas\//);
    const modifier = asSchema(resolve(doc, String(modifiersRef)));
    expect(Object.keys(asSchema(modifier.properties))).toEqual(['groupId', 'optionId', 'modifiers']);
    const nested = asSchema(asSchema(asSchema(modifier.properties).modifiers).items);
    expect(nested.$ref).toBe(modifiersRef);
  });

  it('is the one web/src/lib/api-types.ts was generated from (run `npm run api:types` after changing a route)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await apiTypesSource(doc));
  });
});

describe('openApiDocument', () => {
  interface Tree {
    label: string;
    children?: Tree[];
  }
  const tree: z.ZodType<Tree> = z.lazy(() => z.object({ label: z.string(), children: z.array(tree).optional() }));
  const named = z.object({ at: z.string().default('now') }).meta({ id: 'Moment' });
  const routes = [
    defineRoute({
      method: 'POST',
      url: '/trees',
      permission: 'public',
      summary: 'A body that is itself recursive',
      tags: ['test'],
      body: tree,
      response: z.object({ tree, at: named }),
      handler: () => ({ tree: { label: 'x' }, at: { at: 'now' } }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/moments/:id',
      permission: 'public',
      summary: 'A named schema written (where `at` may be left out) and read (where it is always there)',
      tags: ['test'],
      params: z.object({ id: z.string() }),
      body: named,
      response: named,
      handler: () => ({ at: 'now' }),
    }),
  ];
  const made = openApiDocument({ title: 't', version: '1' }, '/api', routes, z.object({ error: z.string() }));
  const json = JSON.parse(JSON.stringify(made)) as Json;

  it('makes a valid document with resolvable references from recursive and named schemas', async () => {
    await expect(SwaggerParser.validate(structuredClone(json) as never)).resolves.toBeTruthy();
    expect(refs(json).filter(({ ref }) => resolve(json, ref) === undefined)).toEqual([]);
  });

  it('keeps the names schemas were given and does not merge different schemas under one name', () => {
    const body = resolve(json, '#/paths/~1api~1trees/post/requestBody/content/application~1json/schema');
    const tree = asSchema(resolve(json, String(asSchema(body).$ref)));
    expect(Object.keys(asSchema(tree.properties))).toEqual(['label', 'children']);
    const moment = (path: string) => {
      const ref = asSchema(resolve(json, `#/paths/~1api~1moments~1{id}/put/${path}/content/application~1json/schema`));
      return asSchema(resolve(json, String(ref.$ref)));
    };
    expect(moment('responses/200').required).toEqual(['at']);
    expect(moment('requestBody').required).toBeUndefined();
    expect(Object.keys(made.components.schemas)).toEqual(expect.arrayContaining(['Moment', 'ErrorBody']));
  });
});
