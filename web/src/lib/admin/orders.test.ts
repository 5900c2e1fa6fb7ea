import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/testing/orders.js';
import { mergeOrders, overridesFor } from './orders.js';

describe('admin orders', () => {
  it('offers a void for unpaid open orders and a refund for paid ones, nothing for closed ones', () => {
    expect(overridesFor({ status: 'placed', payment: 'unpaid' })).toEqual(['void']);
    expect(overridesFor({ status: 'in_kitchen', payment: 'unpaid' })).toEqual(['void']);
    expect(overridesFor({ status: 'paid', payment: 'paid' })).toEqual(['refund']);
    expect(overridesFor({ status: 'completed', payment: 'paid' })).toEqual(['refund']);
    expect(overridesFor({ status: 'voided', payment: 'unpaid' })).toEqual([]);
    expect(overridesFor({ status: 'refunded', payment: 'refunded' })).toEqual([]);
  });

  it('lists each order once, newest first, with its latest state', () => {
    const a = makeOrder({ id: 'a', number: 1, placedAt: '2026-03-02T09:00:00.000Z', status: 'placed' });
    const b = makeOrder({ id: 'b', number: 2, placedAt: '2026-03-02T10:00:00.000Z' });
    const aVoided = { ...a, status: 'voided' as const };
    const merged = mergeOrders([[a, b], [aVoided]]);
    expect(merged.map((o) => o.id)).toEqual(['b', 'a']);
    expect(merged[1]?.status).toBe('voided');
  });
});
