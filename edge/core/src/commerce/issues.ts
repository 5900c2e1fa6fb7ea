/**
 * Turning schema failures into messages a person can act on: each problem names the rule it
 * is in by its id (`promotion "happy-hour": ...`), not only by its position in an array.
 */
import type { z } from 'zod';
import { TillboxError, type ErrorDetail } from '../errors.js';

const KIND_OF: Record<string, string> = {
  promotions: 'promotion',
  stores: 'store',
  jurisdictions: 'jurisdiction',
  rates: 'tax rate',
  rewards: 'reward',
  multipliers: 'loyalty multiplier',
  tiers: 'loyalty tier',
  categories: 'category',
  items: 'item',
  variants: 'size',
  modifierGroups: 'modifier group',
  options: 'option',
  dayparts: 'daypart',
  slots: 'slot',
  storePrices: 'store price',
  lines: 'line',
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** `promotion "happy-hour" window ...` — the named owners along an issue's path. */
function ownersOf(input: unknown, path: readonly PropertyKey[]): string[] {
  const owners: string[] = [];
  let node: unknown = input;
  let parentKey: PropertyKey | undefined;
  for (const key of path) {
    if (!isRecord(node)) break;
    node = node[key as keyof typeof node];
    const kind = typeof key === 'number' && typeof parentKey === 'string' ? KIND_OF[parentKey] : undefined;
    if (kind !== undefined && isRecord(node)) {
      const id = node['id'] ?? node['lineId'];
      owners.push(typeof id === 'string' ? `${kind} "${id}"` : `${kind} ${Number(key) + 1}`);
    }
    parentKey = key;
  }
  return owners;
}

/** The details of a zod failure, each message naming its rule. */
export function describeIssues(error: z.ZodError, input: unknown): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const named = ownersOf(input, issue.path);
    // Messages from cross-reference checks already name their rule; do not name it twice.
    const owners = named.filter((o) => !issue.message.includes(o));
    let where = '';
    if (owners.length > 0) where = `${owners.join(' ')}: `;
    else if (named.length === 0 && path !== '') where = `${path}: `;
    return { path, message: `${where}${issue.message}` };
  });
}

/** One validation error listing every problem; the message carries the first few. */
export function validationError(what: string, details: readonly ErrorDetail[]): TillboxError {
  const shown = details.slice(0, 5).map((d) => d.message);
  const more = details.length > 5 ? `; and ${details.length - 5} more` : '';
  return new TillboxError('validation', `invalid ${what}: ${shown.join('; ')}${more}`, { details });
}

/** Parse with a schema; on failure throw a validation error whose messages name the rules. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(what, describeIssues(result.error, input));
  return result.data;
}
