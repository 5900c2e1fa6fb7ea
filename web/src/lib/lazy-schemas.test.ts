/** The browser build's lazy schemas (web/lazy-schemas.ts, lazy-schema.ts): which declarations, and that they check the same. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { transformWithEsbuild } from 'vite';
import { describe, expect, it } from 'vitest';
import { bundleInMemory } from './testing/bundle-in-memory.js';
import { z } from 'zod';
import { makeSchemasLazy, RUNTIME_ID, schemaDeclarations, type AstNode } from '../../lazy-schemas.js';
import { lazySchema } from './lazy-schema.js';

const parse = (code: string): AstNode => parseAst(code) as unknown as AstNode;
const CORE = fileURLToPath(new URL('../../../edge/core/src', import.meta.url));

const MODULE = `import { z } from 'zod';
import { moneySchema, WEEKDAYS } from './elsewhere.js';
export const clockTime = z.string().regex(/^\\d\\d:\\d\\d$/).describe('HH:MM');
export const windowSchema = z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), start: clockTime });
export const later = clockTime.optional();
export const priceSchema = moneySchema.extend({ note: z.string().max(20) }).strict();
export const stamp = z.iso.datetime();
export const count = z.coerce.number().int();
export const KINDS = windowSchema.keyof().options;
export const DEFAULTS = windowSchema.parse({ days: ['mon'], start: '09:00' });
export const described = windowSchema.meta();
export const BY_KIND = { window: windowSchema };
let mutable = z.string();
export function inner() {
  const local = z.string();
  return local;
}
`;

describe('which declarations are made lazy', () => {
  it('takes the schemas zod makes and leaves everything else', () => {
    expect(schemaDeclarations(parse(MODULE)).map((d) => d.name)).toEqual([
      'clockTime',
      'windowSchema',
      'later',
      'priceSchema',
      'stamp',
      'count',
    ]);
  });

  it('wraps each in a pure call to the runtime, keeping the rest of the module as it was', () => {
    const lazy = makeSchemasLazy(MODULE, parse) ?? '';
    expect(
      lazy.startsWith(
        `import { lazySchema as __tillboxLazySchema, lazySchemaModule as __tillboxLazySchemaModule } from '${RUNTIME_ID}';\n__tillboxLazySchemaModule();\n`,
      ),
    ).toBe(true);
    expect(lazy).toContain('export const later = /* @__PURE__ */ __tillboxLazySchema(() => (clockTime.optional()));');
    expect(lazy).toContain('export const KINDS = windowSchema.keyof().options;');
    expect(lazy).toContain('let mutable = z.string();');
    expect(lazy).toContain('  const local = z.string();');
    expect(makeSchemasLazy('export const LIMIT = 5;\n', parse)).toBeUndefined();
  });

  it('makes lazy only what is a schema, in every module of the core', async () => {
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'),
    );
    let checked = 0;
    for (const file of files) {
      const { code } = await transformWithEsbuild(readFileSync(join(CORE, file), 'utf8'), file, { loader: 'ts' });
      const declared = schemaDeclarations(parse(code));
      if (declared.length === 0) continue;
      const mod = (await import(/* @vite-ignore */ join(CORE, file))) as Record<string, unknown>;
      for (const { name } of declared) {
        if (!(name in mod)) continue; // not exported: used by the module's own schemas only
        expect(mod[name], `${file}: ${name}`).toBeInstanceOf(z.ZodType);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  }, 60_000);
});

describe('a lazy schema', () => {
  function counted<T extends object>(make: () => T): { schema: T; built: () => number } {
    let built = 0;
    return {
      schema: lazySchema(() => {
        built += 1;
        return make();
      }),
      built: () => built,
    };
  }

  it('is built once, on first use, and parses and refuses as the schema does', () => {
    const name = counted(() => z.string().min(1).describe('A name'));
    const item = counted(() =>
      z.object({ kind: z.literal('item'), name: name.schema, price: z.int().min(0) }).strict(),
    );
    const combo = counted(() => z.object({ kind: z.literal('combo'), items: z.array(item.schema).min(1) }));
    const line = counted(() => z.discriminatedUnion('kind', [item.schema, combo.schema]));
    expect([name.built(), item.built(), combo.built(), line.built()]).toEqual([0, 0, 0, 0]);

    const good = { kind: 'combo', items: [{ kind: 'item', name: 'Fries', price: 250 }] };
    expect(line.schema.parse(good)).toEqual(good);
    expect([name.built(), item.built(), combo.built(), line.built()]).toEqual([1, 1, 1, 1]);

    const bad = { kind: 'combo', items: [{ kind: 'item', name: '', price: -1, extra: true }] };
    const eager = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('item'), name: z.string().min(1), price: z.int().min(0) }).strict(),
      z.object({
        kind: z.literal('combo'),
        items: z
          .array(z.object({ kind: z.literal('item'), name: z.string().min(1), price: z.int().min(0) }).strict())
          .min(1),
      }),
    ]);
    expect(line.schema.safeParse(bad).error?.issues).toEqual(eager.safeParse(bad).error?.issues);
    expect(() => line.schema.parse({ kind: 'other' })).toThrow(z.ZodError);
    expect([name.built(), item.built(), combo.built(), line.built()]).toEqual([1, 1, 1, 1]);
  });

  it('answers as the schema it stands for: its type, shape, methods and extensions', () => {
    const money = lazySchema(() => z.object({ amount: z.int(), currency: z.string().length(3) }));
    expect(money).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(money.shape)).toEqual(['amount', 'currency']);
    expect(money.keyof().options).toEqual(['amount', 'currency']);
    const priced = money.extend({ note: z.string().optional() });
    expect(priced.safeParse({ amount: 1, currency: 'USD', note: 'x' }).success).toBe(true);
    expect(money.optional().safeParse(undefined).success).toBe(true);
    expect(z.object({ total: money.default({ amount: 0, currency: 'USD' }) }).parse({})).toEqual({
      total: { amount: 0, currency: 'USD' },
    });
    expect(money['~standard'].validate({ amount: 1, currency: 'US' })).toMatchObject({ issues: [{}] });
  });
});

describe('the browser build', () => {
  it('drops the schemas nothing uses and keeps the module and the used ones', async () => {
    const files: Record<string, string> = {
      'entry.js': "import { used } from 'core.js';\nconsole.log(used.safeParse('x'));\n",
      'core.js':
        makeSchemasLazy(
          "import { z } from 'zod.js';\nexport const used = z.string();\nexport const unusedSchema = z.object({ b: z.string() }).strict();\n",
          parse,
        ) ?? '',
      'zod.js':
        'export const z = { string: () => ({ safeParse: () => true }), object: () => ({ strict() { return this; } }) };',
      [RUNTIME_ID]:
        'export const lazySchema = (make) => make();\nexport const lazySchemaModule = () => { globalThis.count = (globalThis.count ?? 0) + 1; };\n',
    };
    const code = await bundleInMemory(files);
    expect(code).toContain('z.string()');
    expect(code).not.toContain('unusedSchema');
    expect(code).not.toContain('.strict()');
    expect(code).toContain('lazySchemaModule()');
  });
});
