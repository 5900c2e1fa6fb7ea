/**
 * For the build plugins' tests (pure-schemas.test.ts, lazy-schemas.test.ts): bundles modules given
 * as text, by name, from `entry.js` with Rollup, and answers the bundle's code (tree-shaken).
 */
import { rollup } from 'rollup';

export async function bundleInMemory(files: Record<string, string>): Promise<string> {
  const bundle = await rollup({
    input: 'entry.js',
    plugins: [{ name: 'memory', resolveId: (id) => id, load: (id) => files[id.replace(/^\.\//, '')] }],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'es' });
  return output[0].code;
}
