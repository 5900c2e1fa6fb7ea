import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { decideSale, decideStock, type StockCommand, type StockEnv } from './decide.js';
import { stockUsesOf, untrackedItem, type StockItem } from './stock.js';

const lead: Actor = { kind: 'staff', id: 'morgan', role: 'shift-lead', name: 'Morgan' };
const guest: Actor = { kind: 'guest', id: 'kiosk-1', role: 'kiosk' };
const T0 = Date.parse('2026-11-27T14:00:00Z');

function envFor(actor: Actor = lead): StockEnv {
  let n = 0;
  const cmd: CommandContext = { actor, device: 'counter-1' };
  return { cmd, at: T0, newId: () => `move-${(n += 1)}` };
}

const water: StockItem = { itemId: 'sparkling-water', name: 'Sparkling water', tracked: true, count: 2 };
const latte = untrackedItem('latte', 'Latte');

function run(state: StockItem, command: StockCommand, env = envFor()) {
  const d = decideStock(state, command, env);
  for (const e of d.events) validateEvent(e.type, e.data);
  return d;
}

function refusal(f: () => unknown): TillboxError {
  try {
    f();
  } catch (e) {
    if (e instanceof TillboxError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('decideStock: a sale', () => {
  it('takes the count down by line and 86s the item when the last one goes', () => {
    const sell: StockCommand = { kind: 'sell', orderId: 'o1', lines: [{ lineId: 'l1', quantity: 2 }] };
    const d = run(water, sell, envFor(guest));
    expect(d.state).toMatchObject({ count: 0, eightySixed: { reason: 'sold-out', at: T0 } });
    expect(d.events.map((e) => e.type)).toEqual(['stock.sold', 'stock.86d']);
    expect(d.events[0]?.data).toMatchObject({ orderId: 'o1', quantity: 2, count: 0 });
    expect(d.moves).toEqual([
      {
        id: 'move-1',
        itemId: 'sparkling-water',
        kind: 'sale',
        quantity: -2,
        countAfter: 0,
        orderId: 'o1',
        lineId: 'l1',
      },
    ]);
  });

  it('refuses more than is on hand, naming the item and what is left', () => {
    const e = refusal(() => run(water, { kind: 'sell', orderId: 'o1', lines: [{ lineId: 'l1', quantity: 3 }] }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('only 2 "Sparkling water" left');
  });

  it('refuses an 86’d item, counted or not, as sold out', () => {
    const off: StockItem = { ...latte, eightySixed: { reason: 'manual', at: T0 } };
    const e = refusal(() => run(off, { kind: 'sell', orderId: 'o1', lines: [{ lineId: 'l1', quantity: 1 }] }));
    expect(e).toMatchObject({ code: 'conflict', message: '"Latte" is sold out' });
  });

  it('changes nothing for an item on sale that is not counted', () => {
    const d = run(latte, { kind: 'sell', orderId: 'o1', lines: [{ lineId: 'l1', quantity: 5 }] });
    expect(d.events).toEqual([]);
    expect(d.moves).toEqual([]);
  });
});

describe('decideSale: an order across its items', () => {
  it('names every item that is short, and decides nothing', () => {
    const croissant: StockItem = { itemId: 'croissant', name: 'Croissant', tracked: true, count: 1 };
    const soldOut: StockItem = { ...water, count: 0, eightySixed: { reason: 'sold-out', at: T0 } };
    const uses = stockUsesOf([
      { lineId: 'l1', itemId: 'sparkling-water', quantity: 1 },
      { lineId: 'l2', itemId: 'croissant', quantity: 2 },
      { lineId: 'l3', itemId: 'latte', quantity: 1 },
    ]);
    const items = new Map([
      ['sparkling-water', soldOut],
      ['croissant', croissant],
    ]);
    const e = refusal(() => decideSale(items, uses, 'o1', envFor(guest)));
    expect(e.message).toBe('"Sparkling water" is sold out; only 1 "Croissant" left');
    expect(e.details.map((d) => d.path)).toEqual(['items.sparkling-water', 'items.croissant']);
  });

  it('a combo takes its slot items: the croissant of a coffee-and-pastry combo is a croissant sold', () => {
    const uses = stockUsesOf([
      { lineId: 'l1', itemId: 'pastry-combo', quantity: 2, parts: [{ itemId: 'latte' }, { itemId: 'croissant' }] },
      { lineId: 'l2', itemId: 'croissant', quantity: 1 },
    ]);
    expect(uses.get('croissant')).toEqual([
      { lineId: 'l1', quantity: 2 },
      { lineId: 'l2', quantity: 1 },
    ]);
    const croissant: StockItem = { itemId: 'croissant', name: 'Croissant', tracked: true, count: 3 };
    const [d] = decideSale(new Map([['croissant', croissant]]), uses, 'o1', envFor(guest));
    expect(d?.state).toMatchObject({ count: 0, eightySixed: { reason: 'sold-out' } });
  });
});

describe('decideStock: returns, receiving, waste and counts', () => {
  const soldOut: StockItem = { ...water, count: 0, eightySixed: { reason: 'sold-out', at: T0 } };

  it('a refund gives the line back and puts a sold-out item back on sale', () => {
    const d = run(soldOut, {
      kind: 'return',
      orderId: 'o1',
      reason: 'refunded',
      lines: [{ lineId: 'l1', quantity: 1 }],
    });
    expect(d.state).toEqual({ ...water, count: 1 });
    expect(d.events.map((e) => e.type)).toEqual(['stock.returned', 'stock.un86d']);
    expect(d.events[1]?.data).toEqual({ itemId: 'sparkling-water', reason: 'restocked' });
  });

  it('receiving lifts a sold-out 86 but never a manual one', () => {
    expect(run(soldOut, { kind: 'receive', quantity: 12 }).state).toEqual({ ...water, count: 12 });
    const manual: StockItem = { ...soldOut, eightySixed: { reason: 'manual', at: T0 } };
    const d = run(manual, { kind: 'receive', quantity: 12 });
    expect(d.state).toMatchObject({ count: 12, eightySixed: { reason: 'manual' } });
    expect(d.events.map((e) => e.type)).toEqual(['stock.received']);
  });

  it('is a staff action: a guest or a device may not receive, waste, count or 86', () => {
    for (const command of [
      { kind: 'receive', quantity: 1 },
      { kind: 'waste', quantity: 1, reason: 'dropped' },
      { kind: 'count', count: 3 },
      { kind: '86' },
      { kind: 'un-86' },
    ] satisfies StockCommand[])
      expect(refusal(() => run(water, command, envFor(guest))).code, command.kind).toBe('forbidden');
  });

  it('waste needs a reason and never takes more than is on hand', () => {
    expect(refusal(() => run(water, { kind: 'waste', quantity: 1, reason: '  ' })).code).toBe('validation');
    const e = refusal(() => run(water, { kind: 'waste', quantity: 3, reason: 'dropped' }));
    expect(e).toMatchObject({
      code: 'conflict',
      message: 'only 2 "Sparkling water" on hand: count it if that is wrong',
    });
    const d = run(water, { kind: 'waste', quantity: 2, reason: 'dropped the crate' });
    expect(d.events.map((e) => e.type)).toEqual(['stock.wasted', 'stock.86d']);
  });

  it('receiving or wasting an item that is not counted is refused: count it first', () => {
    expect(refusal(() => run(latte, { kind: 'receive', quantity: 4 })).message).toBe(
      '"Latte" is not counted: count it first to receive it',
    );
  });

  it('a count sets the number, starts counting an item, and says the variance', () => {
    const started = run(latte, { kind: 'count', count: 7 });
    expect(started.state).toEqual({ ...latte, tracked: true, count: 7 });
    expect(started.events[0]?.data).toEqual({ itemId: 'latte', count: 7, variance: 7 });
    const recount = run(water, { kind: 'count', count: 0 });
    expect(recount.events.map((e) => e.data)).toEqual([
      { itemId: 'sparkling-water', count: 0, previous: 2, variance: -2 },
      { itemId: 'sparkling-water', name: 'Sparkling water', reason: 'sold-out' },
    ]);
  });

  it('untracking stops counting and lifts a sold-out 86', () => {
    const d = run(soldOut, { kind: 'untrack' });
    expect(d.state).toEqual({ ...water, tracked: false, count: 0 });
    expect(d.events.map((e) => e.type)).toEqual(['stock.untracked', 'stock.un86d']);
  });
});

describe('decideStock: 86 by hand', () => {
  it('takes any item off sale with a note, once', () => {
    const d = run(latte, { kind: '86', note: 'steam wand down' });
    expect(d.state.eightySixed).toEqual({ reason: 'manual', at: T0, note: 'steam wand down' });
    expect(d.events).toEqual([
      { type: 'stock.86d', data: { itemId: 'latte', name: 'Latte', reason: 'manual', note: 'steam wand down' } },
    ]);
    expect(run(d.state, { kind: '86' }).events).toEqual([]);
  });

  it('puts it back by hand, but not a counted item with none on hand', () => {
    const off: StockItem = { ...water, eightySixed: { reason: 'manual', at: T0 } };
    expect(run(off, { kind: 'un-86' }).state).toEqual(water);
    const empty: StockItem = { ...water, count: 0, eightySixed: { reason: 'sold-out', at: T0 } };
    expect(refusal(() => run(empty, { kind: 'un-86' })).message).toBe(
      '"Sparkling water" has none left: receive or count it to sell it again',
    );
    expect(run(water, { kind: 'un-86' }).events).toEqual([]);
  });
});
