/** Orders, contexts and environments for the decide tests (not exported from the package). */
import type { CommandContext } from '../auth/actors.js';
import type { PlacedLine } from '../events/catalogue.js';
import type { Channel } from '../channels.js';
import type { OrderConfig, OrderDraft, OrderEnv } from './decide.js';

export const T0 = Date.parse('2026-11-27T15:00:00.000Z');

export const staff: CommandContext = {
  actor: { kind: 'staff', id: 'staff-ana', role: 'cashier', name: 'Ana' },
  device: 'counter-1',
};
export const kiosk: CommandContext = { actor: { kind: 'guest', id: 'kiosk-1', role: 'kiosk' }, device: 'kiosk-1' };
export const otherKiosk: CommandContext = { actor: { kind: 'guest', id: 'kiosk-2', role: 'kiosk' }, device: 'kiosk-2' };
export const cloud: CommandContext = { actor: { kind: 'cloud', id: 'relay-1', role: 'relay' }, device: 'relay-1' };
export const kds: CommandContext = { actor: { kind: 'device', id: 'kds-bar', role: 'kds' }, device: 'kds-bar' };

export const CONFIG: OrderConfig = {
  expoAutoReady: true,
  counterFires: 'at-once',
  stations: [
    { id: 'bar', prepMinutes: 3 },
    { id: 'kitchen', prepMinutes: 8 },
  ],
};

export function line(lineId: string, station: string, total: number, quantity = 1): PlacedLine {
  return {
    lineId,
    itemId: `item-${lineId}`,
    name: { en: `Item ${lineId}` },
    modifiers: [],
    quantity,
    station,
    allergens: [],
    unitPrice: total / quantity,
    lineTotal: total,
    discount: 0,
    tax: 0,
    total,
    net: total,
    taxes: [],
  };
}

/** Three lines over two stations: 300 + 500 at the bar, 700 in the kitchen; total 1500. */
export function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  const lines = overrides.lines ?? [line('l1', 'bar', 300), line('l2', 'kitchen', 700), line('l3', 'bar', 500, 2)];
  const total = lines.reduce((s, l) => s + (l.total ?? l.lineTotal), 0);
  return {
    id: 'order-1',
    number: 1,
    businessDay: '2026-11-27',
    channel: 'counter' as Channel,
    orderType: 'takeout',
    rush: false,
    lines,
    totals: { currency: 'USD', subtotal: total, discount: 0, tax: 0, total },
    ...overrides,
  };
}

let lastId = 0;

/** An environment at the time the test sets; its ids are unique across the run. */
export function envFor(cmd: CommandContext, at = T0, config: OrderConfig = CONFIG): OrderEnv {
  return { cmd, at, config, newId: () => `id-${++lastId}` };
}
