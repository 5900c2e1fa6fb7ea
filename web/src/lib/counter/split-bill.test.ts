import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder } from '$lib/testing/orders.js';
import { linesPlan, partSummary, previewSplit, splitProblem } from './split-bill.js';

const lines = [
  makeLine({ lineId: 'a', itemId: 'latte', lineTotal: 450, total: 490 }),
  makeLine({ lineId: 'b', itemId: 'cookie', lineTotal: 275, total: 299 }),
  makeLine({ lineId: 'c', itemId: 'bread', lineTotal: 96, total: 104 }),
];
const order = makeOrder({
  id: 'o',
  payment: 'unpaid',
  lines,
  totals: { currency: 'USD', subtotal: 821, discount: 0, tax: 72, total: 893 },
});
const money = (n: number): string => `$${(n / 100).toFixed(2)}`;

describe('splitting the bill', () => {
  it('shares the total evenly by largest remainder: the parts add up to it', () => {
    const parts = previewSplit(order, { kind: 'even', count: 3 });
    expect(parts.map((p) => p.amount)).toEqual([298, 298, 297]);
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(893);
    expect(parts.every((p) => p.due === p.amount && p.paid === 0)).toBe(true);
  });

  it('splits by lines: each part is the sum of its lines as the edge priced them', () => {
    const plan = linesPlan(order, { a: 1, b: 2, c: 2 }, 2);
    expect(plan).toEqual({ kind: 'lines', parts: [['a'], ['b', 'c']] });
    expect(previewSplit(order, plan).map((p) => [p.part, p.amount, p.lineIds])).toEqual([
      [1, 490, ['a']],
      [2, 403, ['b', 'c']],
    ]);
    expect(splitProblem(order, plan)).toBeUndefined();
  });

  it('says what is wrong with a plan before asking the edge', () => {
    const emptyPart = linesPlan(order, { a: 1 }, 3);
    expect(splitProblem(order, emptyPart)).toBe('Part 2 has no lines: give it one, or make fewer parts.');
    expect(splitProblem(order, { kind: 'even', count: 1 })).toBe('Split into 2 to 20 parts.');
    const comped = makeOrder({ ...order, lines: [lines[0]!, { ...lines[1]!, total: 0 }] });
    const plan = linesPlan(comped, { b: 2 }, 2);
    expect(splitProblem(comped, plan)).toBe('Part 2 comes to nothing: give it a line with a price.');
  });

  it('sums each part up for the ticket', () => {
    expect(partSummary({ part: 1, amount: 447, paid: 447, due: 0 }, money)).toBe('Part 1 · $4.47 · paid');
    expect(partSummary({ part: 2, amount: 446, paid: 200, due: 246 }, money)).toBe('Part 2 · $4.46 · $2.46 due');
    expect(partSummary({ part: 3, amount: 446, paid: 0, due: 446 }, money)).toBe('Part 3 · $4.46');
  });
});
