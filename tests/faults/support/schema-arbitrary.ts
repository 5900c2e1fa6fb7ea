/**
 * fast-check arbitraries from the edge's own zod schemas, by way of the JSON Schema zod makes
 * (`z.toJSONSchema`, as the OpenAPI document does): values the schema accepts, near misses
 * (a required key gone, a value of the wrong type, bounds stepped over, an unknown key) and
 * garbage (any JSON, deep nesting, huge and odd strings).
 */
import fc from 'fast-check';
import { z } from 'zod';

export interface JsonSchema {
  [key: string]: unknown;
}

type Defs = Record<string, JsonSchema>;

/** The JSON Schema of a zod schema, as a request sends it (input side: defaults optional). */
export function jsonSchemaOf(schema: z.ZodType): { root: JsonSchema; defs: Defs } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const { $defs, ...root } = json;
  return { root, defs: ($defs ?? {}) as Defs };
}

const MAX_ITEMS = 4;

/** Strings that have broken parsers and databases before. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    '[object Object]',
    "'; DROP TABLE orders; --",
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '\uD800',
    '👩‍🍳'.repeat(50),
    'a'.repeat(10_000),
    '9'.repeat(400),
    '1e309',
    '-0',
    '0x10',
    '<script>alert(1)</script>',
    '4111 1111 1111 1111',
    '__proto__',
    'constructor',
    '9999-99-99',
    '2026-02-30',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Any JSON, including shapes no schema expects. */
export const garbageJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  nastyString,
  fc.constantFrom(null, true, 0, -1, 2 ** 53, -(2 ** 63), 1e308, 0.1, [], {}),
  fc.integer({ min: 50, max: 3000 }).map((depth) => deepNest(depth)),
  fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/** `[[[[…]]]]` or `{"a":{"a":…}}` `depth` levels deep. */
export function deepNest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

function resolveRef(ref: string, root: JsonSchema, defs: Defs): JsonSchema {
  if (ref === '#') return root;
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  const def = m?.[1] === undefined ? undefined : defs[decodeURIComponent(m[1])];
  if (!def) throw new Error(`unresolved $ref ${ref}`);
  return def;
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : 60;
  const fits = (v: string) => v.length >= minLength && v.length <= maxLength;
  if (s.format === 'uuid') return fc.uuid({ version: 7 });
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  if (s.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -1e9;
  const max =
    typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : 1e9;
  if (integer) {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    // Small values are where the meaning is (quantities, prices): weight them.
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 1000) }), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values `schema` accepts (as far as JSON Schema can say: zod refinements may still refuse some). */
export function valid(schema: JsonSchema, root: JsonSchema, defs: Defs, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') return valid(resolveRef(schema.$ref, root, defs), root, defs, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options)) {
    // Deep in a recursive schema, prefer the options that end it.
    const usable = depth > 4 ? options.filter((o) => typeof o.$ref !== 'string') : options;
    return fc.oneof(...(usable.length > 0 ? usable : options).map((o) => valid(o, root, defs, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return valid(schema.allOf[0] as JsonSchema, root, defs, depth);
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const arbs = type.map((t): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'string':
        return stringArb(schema);
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = (schema.items ?? {}) as JsonSchema;
        const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
        const cap = depth > 4 ? minLength : MAX_ITEMS;
        const maxLength = Math.max(
          minLength,
          Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : cap, cap),
        );
        if (maxLength === 0) return fc.constant([]);
        return fc.array(valid(items, root, defs, depth + 1), { minLength, maxLength });
      }
      case 'object': {
        const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const required = new Set((schema.required ?? []) as string[]);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) {
          // Deep in a recursive schema, only what is required.
          if (depth <= 6 || required.has(k)) model[k] = valid(v, root, defs, depth + 1);
        }
        if (Object.keys(model).length === 0) return fc.constant({});
        return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  return arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
}

/** A value of the wrong kind for `schema`'s type, or just past one of its bounds. */
function wrongFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const near: unknown[] = [];
  if (typeof schema.minLength === 'number' && schema.minLength > 0) near.push('x'.repeat(schema.minLength - 1));
  if (typeof schema.maxLength === 'number') near.push('x'.repeat(schema.maxLength + 1));
  if (typeof schema.minimum === 'number') near.push(schema.minimum - 1, schema.minimum - 0.5);
  if (typeof schema.maximum === 'number') near.push(schema.maximum + 1, schema.maximum * 10 + 1);
  if (schema.type === 'integer') near.push(1.5, 2 ** 63, '1');
  if (schema.type === 'array' && typeof schema.maxItems === 'number')
    near.push(Array.from({ length: Math.min(schema.maxItems + 1, 5000) }, () => 'x'));
  return near.length > 0 ? fc.oneof(fc.constantFrom(...near), garbageJson) : garbageJson;
}

/**
 * A valid value with one thing wrong: a required key dropped, one property replaced by a wrong
 * value, or a key the schema does not know added.
 */
export function nearMiss(schema: JsonSchema, root: JsonSchema, defs: Defs): fc.Arbitrary<unknown> {
  const resolved = typeof schema.$ref === 'string' ? resolveRef(schema.$ref, root, defs) : schema;
  const props = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const keys = Object.keys(props);
  if (resolved.type !== 'object' || keys.length === 0) return wrongFor(resolved);
  return fc.tuple(valid(resolved, root, defs), fc.constantFrom(...keys), fc.nat(2)).chain(([value, key, how]) => {
    const obj = { ...(value as Record<string, unknown>) };
    if (how === 0) {
      delete obj[key];
      return fc.constant(obj);
    }
    if (how === 1) {
      return nearMiss(props[key] as JsonSchema, root, defs).map((bad) => ({ ...obj, [key]: bad }));
    }
    return fc.tuple(nastyString, garbageJson).map(([k, v]) => ({ ...obj, [k]: v }));
  });
}

/** Valid, near-miss or garbage values for a zod schema, weighted towards the interesting ones. */
export function inputFor(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: garbageJson, weight: 1 });
  const { root, defs } = jsonSchemaOf(schema);
  return fc.oneof(
    { arbitrary: valid(root, root, defs), weight: 4 },
    { arbitrary: nearMiss(root, root, defs), weight: 4 },
    { arbitrary: garbageJson, weight: 2 },
  );
}
