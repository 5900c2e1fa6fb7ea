/**
 * A Vite plugin for the screens' browser build: the core's schemas are built on first use.
 *
 * The core's modules declare their schemas at the top (`export const orderViewSchema = z.object(…)`)
 * and zod builds each one when its module loads. pure-schemas.ts already drops the ones nothing
 * refers to; the kiosk still built ~300 others when its first screen loaded (commands, answers
 * and stream messages it sends or reads only once a guest orders), ~100–150 ms of main thread at
 * 4× slowdown. Here each top-level declaration whose value is a schema made by zod (`z.object(…)`,
 * `z.iso.datetime()`, `someSchema.extend(…).describe(…)`) becomes
 * `/* @__PURE__ *\/ lazySchema(() => (…))` (web/src/lib/lazy-schema.ts): the same schema, built the
 * first time anything uses it. No check is left out or changed; it is only made later.
 *
 * Which declarations: a `const` whose value is a chain of calls starting at `z.` (a maker zod
 * has, below) or at a schema (a name ending in `Schema`, or one made lazy earlier in the module),
 * each call a method that answers a schema. Anything else (`someSchema.options`,
 * `someSchema.parse(…)`, an object holding schemas) is left as it is. The edge, the tests and SSR
 * keep the modules as they are.
 */
import type { Plugin } from 'vite';

/** What this plugin reads of a parsed module (ESTree, as Rollup's parser gives it). */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The core's own source files (not its tests). */
const CORE_SOURCE = /\/edge\/core\/src\/(?!.*\.test\.ts$).*\.ts$/;

/** The runtime the declarations call (web/src/lib/lazy-schema.ts). */
export const RUNTIME_ID = 'virtual:tillbox-lazy-schema';
const RUNTIME_NAME = '__tillboxLazySchema';
const MODULE_NAME = '__tillboxLazySchemaModule';

/** zod's functions that make a schema: `z.object(…)`, and `z.iso.…` / `z.coerce.…`. */
const Z_MAKERS = new Set([
  'any',
  'array',
  'bigint',
  'boolean',
  'custom',
  'date',
  'datetime',
  'discriminatedUnion',
  'duration',
  'email',
  'enum',
  'int',
  'intersection',
  'json',
  'lazy',
  'literal',
  'looseObject',
  'map',
  'nativeEnum',
  'never',
  'null',
  'nullable',
  'nullish',
  'number',
  'object',
  'optional',
  'partialRecord',
  'pipe',
  'preprocess',
  'record',
  'set',
  'strictObject',
  'string',
  'stringbool',
  'time',
  'tuple',
  'undefined',
  'union',
  'unknown',
  'url',
  'uuid',
]);
const Z_NAMESPACES = new Set(['iso', 'coerce']);

/** Methods of a schema that answer a schema (not `parse`, `options`, `meta()` with no argument…). */
const SCHEMA_METHODS = new Set([
  'and',
  'array',
  'brand',
  'catch',
  'catchall',
  'check',
  'date',
  'datetime',
  'default',
  'describe',
  'email',
  'endsWith',
  'extend',
  'finite',
  'gt',
  'gte',
  'includes',
  'int',
  'keyof',
  'length',
  'lowercase',
  'lt',
  'lte',
  'max',
  'merge',
  'meta',
  'min',
  'multipleOf',
  'negative',
  'nonempty',
  'nonnegative',
  'nonpositive',
  'normalize',
  'nullable',
  'nullish',
  'omit',
  'optional',
  'or',
  'partial',
  'passthrough',
  'pick',
  'pipe',
  'positive',
  'prefault',
  'readonly',
  'refine',
  'regex',
  'required',
  'safeExtend',
  'startsWith',
  'strict',
  'strip',
  'superRefine',
  'toLowerCase',
  'toUpperCase',
  'transform',
  'trim',
  'uppercase',
  'url',
  'uuid',
]);

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/** The name of a non-computed member's property (`a.b` → 'b'). */
function propertyName(member: AstNode): string | undefined {
  const property = member.property;
  return member.computed !== true && isNode(property) && property.type === 'Identifier'
    ? String(property.name)
    : undefined;
}

const identifier = (node: unknown, name?: string): node is AstNode =>
  isNode(node) && node.type === 'Identifier' && (name === undefined || node.name === name);

/** True when `node` is a call chain that makes a zod schema (see the module's comment). */
export function makesSchema(node: unknown, schemas: ReadonlySet<string>): boolean {
  if (!isNode(node) || node.type !== 'CallExpression' || node.optional === true) return false;
  const callee = node.callee;
  if (!isNode(callee) || callee.type !== 'MemberExpression') return false;
  const name = propertyName(callee);
  if (name === undefined) return false;
  const object = callee.object;
  if (identifier(object, 'z')) return Z_MAKERS.has(name);
  if (isNode(object) && object.type === 'MemberExpression' && identifier(object.object, 'z')) {
    return Z_NAMESPACES.has(propertyName(object) ?? '') && Z_MAKERS.has(name);
  }
  if (!SCHEMA_METHODS.has(name)) return false;
  // `.meta()` without an argument reads the metadata.
  if (name === 'meta' && (!Array.isArray(node.arguments) || node.arguments.length === 0)) return false;
  if (identifier(object)) {
    const root = String(object.name);
    return root.endsWith('Schema') || schemas.has(root);
  }
  return makesSchema(object, schemas);
}

/** A module's top-level `const` declarations that make schemas, in order: each name and value. */
export function schemaDeclarations(program: AstNode): { name: string; value: AstNode }[] {
  const found: { name: string; value: AstNode }[] = [];
  const schemas = new Set<string>();
  for (const statement of Array.isArray(program.body) ? (program.body as unknown[]) : []) {
    if (!isNode(statement)) continue;
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!isNode(declaration) || declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of Array.isArray(declaration.declarations) ? (declaration.declarations as unknown[]) : []) {
      if (!isNode(declarator) || !identifier(declarator.id) || !makesSchema(declarator.init, schemas)) continue;
      const name = String(declarator.id.name);
      found.push({ name, value: declarator.init as AstNode });
      schemas.add(name);
    }
  }
  return found;
}

/** `code` with each top-level schema declaration built on first use; undefined when it has none. */
export function makeSchemasLazy(code: string, parse: (code: string) => AstNode): string | undefined {
  const values = schemaDeclarations(parse(code)).map((d) => d.value);
  if (values.length === 0) return undefined;
  let out = code;
  // From the last to the first, so the earlier offsets still hold.
  for (const value of [...values].reverse()) {
    out = `${out.slice(0, value.start)}/* @__PURE__ */ ${RUNTIME_NAME}(() => (${out.slice(value.start, value.end)}))${out.slice(value.end)}`;
  }
  return (
    `import { lazySchema as ${RUNTIME_NAME}, lazySchemaModule as ${MODULE_NAME} } from '${RUNTIME_ID}';\n` +
    `${MODULE_NAME}();\n${out}`
  );
}

export function lazySchemas(runtimeFile: string): Plugin {
  return {
    name: 'tillbox-lazy-schemas',
    apply: 'build',
    resolveId(id) {
      return id === RUNTIME_ID ? runtimeFile : undefined;
    },
    // A normal plugin: it sees the module after TypeScript has been compiled away.
    transform(code, id, options) {
      if (options?.ssr || !CORE_SOURCE.test(id.split('?')[0] ?? id)) return undefined;
      const lazy = makeSchemasLazy(code, (source) => this.parse(source) as unknown as AstNode);
      return lazy === undefined ? undefined : { code: lazy, map: null };
    },
  };
}
