import { describe, expect, it } from 'vitest';
import { TillboxError } from '../errors.js';
import { storeEventSchema } from '../wire/events.js';
import { checkEventForLog, decided, EVENT_CATALOGUE, EVENT_TYPES, validateEvent } from './catalogue.js';

function refusal(type: string, data: unknown): TillboxError {
  try {
    validateEvent(type, data);
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error(`expected ${type} ${JSON.stringify(data)} to be refused`);
}

const line = {
  lineId: 'l1',
  itemId: 'latte',
  variantId: 'medium',
  name: { en: 'Latte' },
  modifiers: [{ groupId: 'milk', optionId: 'oat', name: { en: 'Oat milk' }, price: 70 }],
  quantity: 2,
  station: 'bar',
  allergens: ['milk'],
  unitPrice: 545,
  lineTotal: 1090,
  discount: 0,
  tax: 97,
  total: 1187,
  net: 1090,
  taxes: [{ rateId: 'ny-state', amount: 44 }],
};

const placed = {
  id: 'o1',
  number: 7,
  businessDay: '2026-11-27',
  channel: 'kiosk',
  orderType: 'takeout',
  lines: [line],
  totals: { currency: 'USD', subtotal: 1090, discount: 0, tax: 97, total: 1187 },
  dueAt: '2026-11-27T15:08:00.000Z',
  rush: false,
  firePolicy: 'on-payment',
  placedByDevice: 'kiosk-1',
};

describe('the event catalogue', () => {
  it('knows every order, ticket, staff, device, pairing and override event, each at version 1', () => {
    expect(EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'order.placed',
        'order.paid',
        'order.fired',
        'order.refunded',
        'order.discounted',
        'order.price-overridden',
        'ticket.bumped',
        'ticket.item-unbumped',
        'staff.signed-out',
        'device.paired',
        'pairing.code-created',
        'override.approved',
        'day.closed',
        'stock.sold',
        'stock.86d',
        'loyalty.accrued',
        'loyalty.redeemed',
        'loyalty.reversed',
        'loyalty.member-seen',
        'log.restored',
      ]),
    );
    expect(EVENT_TYPES).toHaveLength(52);
    for (const type of EVENT_TYPES) expect(EVENT_CATALOGUE[type].version).toBe(1);
  });

  it("keeps a discount's adjustment and the order's money as priced again", () => {
    const repriced = {
      lines: [
        { lineId: 'l1', unitPrice: 545, lineTotal: 1090, discount: 109, tax: 87, total: 1068, net: 981, taxes: [] },
      ],
      totals: { currency: 'USD', subtotal: 1090, discount: 109, tax: 87, total: 1068 },
      pricing: { discounts: [], taxes: [], loyaltyPoints: 0, localTime: '2026-11-27 10:00 fri (America/New_York)' },
    };
    const adjustment = { id: 'a1', scope: 'order', kind: 'percent', value: 100_000, reason: 'regular' };
    expect(validateEvent('order.discounted', { orderId: 'o1', adjustment, amount: 109, ...repriced })).toEqual({
      version: 1,
    });
    expect(refusal('order.discounted', { orderId: 'o1', adjustment, amount: 0, ...repriced }).message).toMatch(
      /amount/,
    );
    const comp = { ...adjustment, kind: 'comp' };
    expect(refusal('order.discounted', { orderId: 'o1', adjustment: comp, amount: 9, ...repriced }).message).toMatch(
      /adjustment\.value/,
    );
    const override = { orderId: 'o1', lineId: 'l1', from: 450, to: 300, reason: 'regular', ...repriced };
    expect(validateEvent('order.price-overridden', override)).toEqual({ version: 1 });
    expect(refusal('order.price-overridden', { ...override, to: -1 }).message).toMatch(/to/);
  });

  it('accepts domain facts and answers their version', () => {
    expect(validateEvent('order.placed', placed)).toEqual({ version: 1 });
    expect(
      validateEvent('order.paid', {
        orderId: 'o1',
        payment: { id: 'p1', method: 'card', amount: 1187, reference: 'VP-000001', cardLast4: '4242' },
      }),
    ).toEqual({ version: 1 });
    expect(
      validateEvent('order.fired', { orderId: 'o1', tickets: [{ id: 't1', station: 'bar', lineIds: ['l1'] }] }),
    ).toEqual({ version: 1 });
    expect(validateEvent('order.ready', { orderId: 'o1', by: 'auto' })).toEqual({ version: 1 });
    expect(
      validateEvent('order.refunded', {
        orderId: 'o1',
        refunds: [{ paymentId: 'p2', refundOf: 'p1', method: 'cash', amount: 1187 }],
        full: true,
        reason: 'cold coffee',
      }),
    ).toEqual({ version: 1 });
    expect(validateEvent('staff.updated', { staffId: 's1', changes: { role: 'manager', pinReset: true } })).toEqual({
      version: 1,
    });
  });

  it('refuses an unknown type, naming it', () => {
    const e = refusal('order.teleported', { orderId: 'o1' });
    expect(e.code).toBe('internal');
    expect(e.message).toBe('event type "order.teleported" is not in the event catalogue');
  });

  it('refuses a payload that does not match, naming the type and the field', () => {
    const e = refusal('order.voided', { orderId: 'o1' });
    expect(e.code).toBe('internal');
    expect(e.message).toMatch(/^event "order\.voided" v1 does not match the catalogue: reason: /);
    expect(refusal('order.ready', { orderId: 'o1', by: 'chef' }).message).toMatch(/: by: /);
    expect(refusal('order.placed', { ...placed, lines: [] }).message).toMatch(/: lines: /);
  });

  it('refuses the old screen views as payloads: an event is a fact, not an OrderView', () => {
    expect(refusal('order.paid', { order: { id: 'o1', status: 'paid' } }).message).toMatch(/orderId/);
  });

  it('never takes card data: a card number is not four digits', () => {
    expect(
      refusal('order.paid', {
        orderId: 'o1',
        payment: { id: 'p1', method: 'card', amount: 100, cardLast4: '4242424242424242' },
      }).message,
    ).toMatch(/payment\.cardLast4/);
  });
});

describe('storeEventSchema', () => {
  it('carries the version, the actor and the device of every event', () => {
    const event = {
      seq: 1,
      id: '0190f0e0-0000-7000-8000-000000000000',
      type: 'order.picked-up',
      version: 1,
      subject: 'o1',
      actor: { kind: 'device', id: 'pickup-1', role: 'pickup' },
      device: 'pickup-1',
      data: { orderId: 'o1' },
      at: '2026-11-27T15:00:00.000Z',
    };
    expect(storeEventSchema.parse(event)).toEqual(event);
    expect(storeEventSchema.safeParse({ ...event, device: null }).success).toBe(true);
    expect(storeEventSchema.safeParse({ ...event, actor: undefined }).success).toBe(false);
    expect(storeEventSchema.safeParse({ ...event, version: 0 }).success).toBe(false);
  });
});

describe('the log’s check (checkEventForLog)', () => {
  const fired = () => ({ orderId: 'o1', tickets: [{ id: 't1', station: 'bar', lineIds: ['l1'] }] });

  it('parses in full a payload no decide function made: an ill-formed one is refused', () => {
    expect(checkEventForLog('order.fired', fired())).toEqual({ version: 1 });
    expect(() => checkEventForLog('order.fired', { ...fired(), tickets: [] })).toThrow(/order\.fired.*tickets/);
    // A copy of a decided payload is not the decided payload: it is parsed.
    const made = decided(fired());
    expect(() => checkEventForLog('order.fired', { ...made, orderId: '' })).toThrow(/orderId/);
  });

  it('refuses an unknown type even with a payload a decide function made', () => {
    expect(() => checkEventForLog('order.teleported', decided(fired()))).toThrow(/not in the event catalogue/);
    expect(checkEventForLog('order.fired', decided(fired()))).toEqual({ version: 1 });
  });

  it('leaves validateEvent checking every payload in full, decided or not (what the decide tests run)', () => {
    expect(() => validateEvent('order.fired', decided({ ...fired(), tickets: [] }))).toThrow(/tickets/);
  });
});
