/** The browser build's schema marking (web/pure-schemas.ts): unused schemas dropped, used ones and other code kept. */
import { describe, expect, it } from 'vitest';
import { bundleInMemory } from './testing/bundle-in-memory.js';
import { markSchemasPure } from '../../pure-schemas.js';

const MODULE = `import { z } from 'zod';
export const usedSchema = z.object({ a: z.string() });
export const unusedSchema = z
  .object({ b: z.string().min(1) })
  .strict();
export const extendedSchema = usedSchema.extend({ c: z.int() });
export const LIMIT = 5;
registerSomething(usedSchema);
export function build() {
  const inner = z.string();
  return inner;
}
`;

describe('marking the core’s schemas pure', () => {
  it('marks top-level schema declarations only', () => {
    const marked = markSchemasPure(MODULE);
    expect(marked).toContain('export const usedSchema = /* @__PURE__ */ z.object');
    expect(marked).toContain('export const unusedSchema = /* @__PURE__ */ z\n  .object');
    expect(marked).toContain('export const extendedSchema = /* @__PURE__ */ usedSchema.extend');
    expect(marked).toContain('export const LIMIT = 5;');
    expect(marked).toContain('registerSomething(usedSchema);');
    expect(marked).toContain('  const inner = z.string();');
  });

  it('lets the bundler drop the schemas nothing uses and keep the rest, calls included', async () => {
    const files: Record<string, string> = {
      'entry.js': "import { usedSchema } from 'core.js';\nconsole.log(usedSchema);\n",
      'core.js': markSchemasPure(MODULE.replace("'zod'", "'zod.js'")),
      'zod.js': `export const z = { object: (s) => ({ s, strict() { track('strict'); return this; }, extend(t) { track('extend'); return this; } }), string: () => ({ min() { return this; } }), int: () => ({}) };
function track(what) { globalThis.calls = [...(globalThis.calls ?? []), what]; }`,
    };
    const code = await bundleInMemory(files);
    expect(code).toContain('usedSchema');
    expect(code).toContain('registerSomething(usedSchema)');
    expect(code).not.toContain('unusedSchema');
    expect(code).not.toContain('extendedSchema');
    expect(code).not.toContain('.strict()');
  });
});
