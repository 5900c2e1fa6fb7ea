/**
 * A Vite plugin for the screens' browser build: a zod schema that no screen uses is left out.
 *
 * The core's modules declare their schemas at the top (`export const orderViewSchema = z.object(…)`)
 * and build every one of them when they load, so a screen that needs three schemas of a module
 * built them all at start (the kiosk: every answer and command of the HTTP API). Building a
 * schema has no effect but the schema, so each such declaration is marked pure
 * (`/* @__PURE__ *\/`) and the bundler drops those nothing uses; the others run as before.
 * Only top-level `const` declarations whose value starts with `z.` or another schema
 * (`…Schema.extend(…)`) are marked. The edge, the tests and SSR keep the modules as they are.
 */
import type { Plugin } from 'vite';

/** The core's own source files (not its tests). */
const CORE_SOURCE = /\/edge\/core\/src\/(?!.*\.test\.ts$).*\.ts$/;

/** `export const x = z.…` or `const x = someSchema.…` at the start of a line (the top level). */
const SCHEMA_DECLARATION = /^((?:export\s+)?const\s+[\w$]+\s*=\s*)(?=z\b|[\w$]+Schema\b)/gm;

/** `source` with each top-level schema declaration's value marked pure. */
export function markSchemasPure(source: string): string {
  return source.replace(SCHEMA_DECLARATION, '$1/* @__PURE__ */ ');
}

export function pureSchemas(): Plugin {
  return {
    name: 'tillbox-pure-schemas',
    apply: 'build',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr || !CORE_SOURCE.test(id.split('?')[0] ?? id)) return undefined;
      const marked = markSchemasPure(code);
      return marked === code ? undefined : { code: marked, map: null };
    },
  };
}
