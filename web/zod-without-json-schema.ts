/**
 * A Vite plugin for the screens' browser build: zod's JSON Schema generation left out.
 *
 * Every classic zod schema carries a hook for `z.toJSONSchema()` (zod/v4/classic/schemas.js
 * imports `core/json-schema-processors.js` and `core/to-json-schema.js`), so each screen shipped
 * ~5.6 KB (brotli) of code it never runs: only the edge turns schemas into JSON Schema (the
 * OpenAPI document). Parsing and validation do not touch these two modules. In the browser build
 * they are replaced by stand-ins exporting the same names, each of which throws a clear error if
 * it is ever called; the edge, the tests (`vite` in serve mode) and SSR keep the real modules.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The modules replaced, by the end of their resolved path. */
export const JSON_SCHEMA_MODULES = ['/zod/v4/core/json-schema-processors.js', '/zod/v4/core/to-json-schema.js'];

/** Exports that are factories called while a schema is used as a Standard Schema: they must not throw. */
const FACTORIES = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);

/** The names a module exports (`export const|function|class x`, `export { a as b, c }`). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:const|let|var|function\*?|class)\s+([\w$]+)/gm)) {
    if (m[1]) names.add(m[1]);
  }
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[1] ?? part.trim();
      if (name) names.add(name.trim());
    }
  }
  return [...names];
}

/** A module exporting `names`, each one throwing (or, for a factory, making a function that throws). */
export function standInModule(names: readonly string[]): string {
  const lines = [
    'const unavailable = () => {',
    "  throw new Error('JSON Schema generation is not part of the screens\\' build (web/zod-without-json-schema.ts)');",
    '};',
    'const factory = () => unavailable;',
  ];
  for (const name of names) lines.push(`export const ${name} = ${FACTORIES.has(name) ? 'factory' : 'unavailable'};`);
  return lines.join('\n');
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'tillbox-zod-without-json-schema',
    apply: 'build',
    load(id, options) {
      if (options?.ssr) return null;
      const file = id.split('?')[0] ?? id;
      if (!JSON_SCHEMA_MODULES.some((end) => file.endsWith(end))) return null;
      return standInModule(exportedNames(readFileSync(file, 'utf8')));
    },
  };
}
