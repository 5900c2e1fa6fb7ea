/**
 * `npm run api:types`: writes web/src/lib/api-types.ts, the TypeScript types of the edge's
 * OpenAPI document (paths, parameters, bodies, answers), with openapi-typescript. The screens'
 * typed API calls are derived from it; the OpenAPI test fails while the checked-in file is not
 * the one this makes from the current document, so change a route, then run this.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, UNKNOWN, type OpenAPI3, type SchemaObject } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { startTestEdge } from '../../edge/server/src/testing/test-edge.js';
import { REPO } from './edge-process.js';

export const API_TYPES_FILE = join(REPO, 'web', 'src', 'lib', 'api-types.ts');

const BANNER = `/**
 * The edge's HTTP API as TypeScript types, generated from its OpenAPI document
 * (\`GET /api/v1/openapi.json\`) by \`npm run api:types\`. Do not edit: change the route, then
 * regenerate. web/src/lib/api.ts derives the screens' typed calls from \`paths\`.
 */
`;

const JSON_VALUE = `
/** Any JSON value (a schema that refers to itself as one of its alternatives, e.g. zod's \`z.json()\`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
`;

/**
 * A component schema that is a union with itself among its alternatives (zod's \`z.json()\`)
 * comes out of openapi-typescript as an indexed access type referring to itself, which
 * TypeScript refuses; such a schema is typed `JsonValue` when it is one, else `unknown`.
 */
function recursiveUnion(schema: SchemaObject, options: { path?: string }): ts.TypeNode | undefined {
  const self = /^#\/components\/schemas\/[^/]+$/.exec(options.path ?? '')?.[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (!self || !branches || !JSON.stringify(branches).includes(`"$ref":"${self}"`)) return undefined;
  const types = branches.map((b) => ('type' in b ? String(b.type) : '$ref')).sort();
  const json = ['array', 'boolean', 'null', 'number', 'object', 'string'];
  return JSON.stringify(types) === JSON.stringify(json) ? ts.factory.createTypeReferenceNode('JsonValue') : UNKNOWN;
}

/** The contents of web/src/lib/api-types.ts for this OpenAPI document, formatted as checked in. */
export async function apiTypesSource(document: unknown): Promise<string> {
  // openapi-typescript resolves references in place: give it its own copy.
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { silent: true, transform: recursiveUnion });
  const config = await resolveConfig(API_TYPES_FILE);
  return format(BANNER + astToString(ast) + JSON_VALUE, { ...config, filepath: API_TYPES_FILE });
}

/** The document a freshly started demo edge serves. */
export async function edgeDocument(): Promise<unknown> {
  const edge = await startTestEdge();
  try {
    const res = await edge.edge.http.inject({ url: '/api/v1/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: ${res.body}`);
    return res.json();
  } finally {
    await edge.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(API_TYPES_FILE, await apiTypesSource(await edgeDocument()));
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
