/**
 * `npm run price -- FILE.json`: price one cart the way the edge would, for integrators and
 * support staff asking "why did this cost that". FILE holds `{catalog, rules, cart, context}`
 * (see docs/pricing.md and docs/examples/); the priced result is printed as JSON. Bad input
 * prints what is wrong and exits with code 2.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isTillboxError } from '../edge/core/src/errors.js';
import { createPricingEngine, describeIssues, price } from '../edge/core/src/commerce/index.js';

const USAGE = `usage: npm run price -- FILE.json

FILE is a JSON document {"catalog": ..., "rules": ..., "cart": ..., "context": ...}.
Examples: docs/examples/pricing-us-store.json, docs/examples/pricing-eu-vat-store.json`;

const documentSchema = z.object({
  catalog: z.unknown().refine((x) => x !== undefined, 'the catalog is missing'),
  rules: z.unknown().refine((x) => x !== undefined, 'the rules are missing'),
  cart: z.unknown().refine((x) => x !== undefined, 'the cart is missing'),
  context: z.unknown().refine((x) => x !== undefined, 'the context is missing'),
});

class UsageError extends Error {}

function load(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = args[0];
  if (file === undefined || args.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const input = load(file);
    const parsed = documentSchema.safeParse(input);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error, input).map((d) => d.message);
      throw new UsageError(`${file} must be {catalog, rules, cart, context}: ${problems.join('; ')}`);
    }
    const doc = parsed.data;
    const engine = createPricingEngine(doc.catalog, doc.rules);
    // The cart and context are checked by price() itself.
    const result = price({
      engine,
      cart: doc.cart as Parameters<typeof price>[0]['cart'],
      context: doc.context as Parameters<typeof price>[0]['context'],
    });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if (isTillboxError(e) && e.code === 'validation') {
      process.stderr.write(`error: ${e.message}\n`);
      for (const d of e.details) process.stderr.write(`  - ${d.path ? `${d.path}: ` : ''}${d.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
