/**
 * No route answers order views around the member filter: every route whose answer holds an
 * order's view is one {@link forScreen} knows how to take the member out of.
 */
import { orderViewSchema } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';
import { SCREEN_VIEW_SCHEMAS } from './screen-views.js';

/** Does this schema hold an order's view anywhere (objects, arrays, optional and default wrappers)? */
function holdsOrderView(schema: z.ZodType, seen = new Set<unknown>()): boolean {
  if (schema === orderViewSchema) return true;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: unknown[] = [
    ...Object.values((def['shape'] as Record<string, unknown> | undefined) ?? {}),
    def['element'],
    def['innerType'],
    def['in'],
    def['out'],
    ...((def['options'] as unknown[] | undefined) ?? []),
  ];
  return children.some((c) => c !== undefined && holdsOrderView(c as z.ZodType, seen));
}

describe('order views on the HTTP API', () => {
  let t: TestEdge;
  beforeAll(async () => {
    t = await startTestEdge();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('takes the member out of every answer that holds an order view, for screens that must not see it', () => {
    const holding = t.edge.routes.filter((r) => holdsOrderView(r.response as z.ZodType));
    expect(holding.length).toBeGreaterThan(10);
    const missed = holding.filter((r) => !SCREEN_VIEW_SCHEMAS.has(r.response as z.ZodType));
    expect(missed.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });
});
