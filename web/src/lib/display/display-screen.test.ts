import type { CustomerDisplayView } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { displayScreen, groupedCode, THANKS_MS } from './display-screen.js';

const NOW = Date.parse('2025-01-01T12:00:00.000Z');
const linked = (over: Partial<CustomerDisplayView> = {}): CustomerDisplayView => ({
  storeName: 'Tillbox Demo Coffee',
  counter: { id: 'c1', name: 'Counter 1' },
  state: null,
  ...over,
});
const thanks = {
  phase: 'thanks' as const,
  currency: 'USD',
  lines: [],
  discounts: [],
  subtotal: 450,
  taxes: [],
  total: 450,
  thanks: { orderNumber: 12 },
};

describe('what the customer display shows', () => {
  it('the link code until a counter links it', () => {
    const view: CustomerDisplayView = {
      storeName: 'S',
      counter: null,
      linkCode: '482913',
      linkCodeExpiresAt: new Date(NOW + 60_000).toISOString(),
      state: null,
    };
    expect(displayScreen(view, NOW)).toEqual({ kind: 'link', code: '482913', expiresAt: NOW + 60_000 });
    expect(groupedCode('482913')).toBe('482 913');
  });

  it("the store's name while nothing is rung up", () => {
    expect(displayScreen(undefined, NOW)).toEqual({ kind: 'connecting' });
    expect(displayScreen(linked(), NOW)).toEqual({ kind: 'idle', storeName: 'Tillbox Demo Coffee' });
  });

  it('the thank-you for a while, then the store name again', () => {
    const at = new Date(NOW - 10_000).toISOString();
    expect(displayScreen(linked({ state: thanks, at }), NOW).kind).toBe('thanks');
    expect(displayScreen(linked({ state: thanks, at }), NOW + THANKS_MS).kind).toBe('idle');
  });
});
