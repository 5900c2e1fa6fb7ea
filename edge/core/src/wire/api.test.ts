import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids.js';
import { reasonSchema } from './access.js';
import {
  businessDaySchema,
  orderIdParamsSchema,
  orderListQuerySchema,
  placeOrderBodySchema,
  type PlaceOrderInput,
} from './api.js';

const ORDER_ID = '019ccc5a-5d3b-7abc-8123-0123456789ab';

function body(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return { id: ORDER_ID, lines: [{ itemId: 'croissant', quantity: 1 }], ...overrides };
}

/** The paths and messages an invalid body is refused with. */
function refused(input: unknown): { path: string; message: string }[] {
  const result = placeOrderBodySchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('placeOrderBodySchema', () => {
  it('accepts a kiosk order and fills in channel "kiosk", order type "takeout" and empty modifiers', () => {
    expect(placeOrderBodySchema.parse(body())).toEqual({
      id: ORDER_ID,
      channel: 'kiosk',
      orderType: 'takeout',
      rush: false,
      fire: 'auto',
      lines: [{ itemId: 'croissant', quantity: 1, modifiers: [], slots: [] }],
    });
  });

  it('keeps a channel and order type that are given', () => {
    const parsed = placeOrderBodySchema.parse(body({ channel: 'counter', orderType: 'dine-in' }));
    expect(parsed.channel).toBe('counter');
    expect(parsed.orderType).toBe('dine-in');
  });

  it('accepts an id made by uuidv7()', () => {
    expect(placeOrderBodySchema.safeParse(body({ id: uuidv7() })).success).toBe(true);
  });

  it("keeps the screen's line ids: UUIDv7s, one for every line or none, each once", () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const croissant = { itemId: 'croissant', quantity: 1 };
    const ids = placeOrderBodySchema.parse(
      body({
        lines: [
          { ...croissant, lineId: a },
          { ...croissant, lineId: b },
        ],
      }),
    );
    expect(ids.lines.map((l) => l.lineId)).toEqual([a, b]);
    expect(refused(body({ lines: [{ ...croissant, lineId: a }, croissant] }))).toEqual([
      {
        path: 'lines',
        message: 'give a lineId for every line or for none: a line without one could not be priced as the screen did',
      },
    ]);
    expect(
      refused(
        body({
          lines: [
            { ...croissant, lineId: a },
            { ...croissant, lineId: a },
          ],
        }),
      ),
    ).toEqual([{ path: 'lines.1.lineId', message: `line id ${a} is used twice` }]);
    expect(refused(body({ lines: [{ ...croissant, lineId: 'line-1' }] }))[0]?.message).toBe(
      'a line id is a UUIDv7 made by the screen',
    );
  });

  it('refuses a quantity of 0, -1, 100 or 1.5 on the line that has it', () => {
    for (const quantity of [0, -1, 100, 1.5]) {
      const issues = refused(body({ lines: [{ itemId: 'croissant', quantity }] }));
      expect(
        issues.map((i) => i.path),
        `quantity ${quantity}`,
      ).toEqual(['lines.0.quantity']);
    }
    expect(refused(body({ lines: [{ itemId: 'croissant', quantity: 0 }] }))[0]?.message).toBe(
      'quantity must be at least 1',
    );
    expect(refused(body({ lines: [{ itemId: 'croissant', quantity: 100 }] }))[0]?.message).toBe(
      'quantity must be at most 99',
    );
  });

  it('accepts quantities 1 and 99', () => {
    for (const quantity of [1, 99]) {
      expect(placeOrderBodySchema.safeParse(body({ lines: [{ itemId: 'croissant', quantity }] })).success).toBe(true);
    }
  });

  it('refuses an id that is not a UUIDv7', () => {
    const notV7 = [
      '550e8400-e29b-41d4-a716-446655440000', // a v4 uuid
      'order-1',
      '',
    ];
    for (const id of notV7) {
      expect(refused(body({ id }))).toEqual([{ path: 'id', message: 'id must be a UUIDv7 made by the client' }]);
    }
  });

  it('refuses an order with no lines, saying it needs one', () => {
    expect(refused(body({ lines: [] }))).toEqual([{ path: 'lines', message: 'an order needs at least one line' }]);
  });

  it('refuses an unknown channel or order type', () => {
    expect(refused(body({ channel: 'fax' as never })).map((i) => i.path)).toEqual(['channel']);
    expect(refused(body({ orderType: 'drive-thru' as never })).map((i) => i.path)).toEqual(['orderType']);
  });

  it('bounds sizes: 100 lines, 40 modifiers per line, 140-character notes, 40-character names', () => {
    const line = { itemId: 'croissant', quantity: 1 };
    expect(placeOrderBodySchema.safeParse(body({ lines: Array.from({ length: 100 }, () => line) })).success).toBe(true);
    expect(refused(body({ lines: Array.from({ length: 101 }, () => line) })).map((i) => i.path)).toEqual(['lines']);
    const modifiers = Array.from({ length: 41 }, () => ({ groupId: 'syrup', optionId: 'vanilla' }));
    expect(refused(body({ lines: [{ ...line, modifiers }] })).map((i) => i.path)).toEqual(['lines.0.modifiers']);
    expect(refused(body({ lines: [{ ...line, note: 'x'.repeat(141) }] })).map((i) => i.path)).toEqual(['lines.0.note']);
    expect(refused(body({ guestName: 'x'.repeat(41) })).map((i) => i.path)).toEqual(['guestName']);
  });

  it('trims the guest name', () => {
    expect(placeOrderBodySchema.parse(body({ guestName: '  Ana  ' })).guestName).toBe('Ana');
  });

  it('refuses a line without an item', () => {
    expect(refused(body({ lines: [{ itemId: '', quantity: 1 }] })).map((i) => i.path)).toEqual(['lines.0.itemId']);
  });

  it('property: any quantity outside 1–99 or not whole is refused; any inside is accepted', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true })), (quantity) => {
        const ok = placeOrderBodySchema.safeParse(body({ lines: [{ itemId: 'croissant', quantity }] })).success;
        expect(ok).toBe(Number.isInteger(quantity) && quantity >= 1 && quantity <= 99);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('free text in an order', () => {
  it('masks a card number typed into the guest name, a line note or the table', () => {
    const parsed = placeOrderBodySchema.parse(
      body({
        guestName: 'Jo 4111 1111 1111 1111',
        table: '12',
        lines: [{ itemId: 'croissant', quantity: 1, note: 'my card is 5500-0000-0000-0004, call 212-555-0147' }],
      }),
    );
    expect(parsed.guestName).toBe('Jo •••• •••• •••• 1111');
    expect(parsed.table).toBe('12');
    expect(parsed.lines[0]?.note).toBe('my card is ••••-••••-••••-0004, call 212-555-0147');
  });

  it('masks a card number in a void or refund reason', () => {
    expect(reasonSchema.parse('guest read out 4111111111111111')).toBe('guest read out ••••••••••••1111');
  });
});

describe('order list query and id params', () => {
  it('lists open orders by default and accepts a status filter', () => {
    expect(orderListQuerySchema.parse({})).toEqual({ status: 'open', limit: 500 });
    expect(orderListQuerySchema.parse({ status: 'ready' })).toEqual({ status: 'ready', limit: 500 });
    expect(orderListQuerySchema.parse({ status: 'cancelled', day: '2026-11-27' })).toEqual({
      status: 'cancelled',
      day: '2026-11-27',
      limit: 500,
    });
    expect(orderListQuerySchema.safeParse({ status: 'lost' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ status: 'cancelled', day: 'yesterday' }).success).toBe(false);
  });

  it('takes only a day that exists on the calendar', () => {
    for (const day of ['2026-02-30', '9999-99-99', '2025-02-29', '2026-04-31', '2026-1-01'])
      expect(orderListQuerySchema.safeParse({ status: 'completed', day }).success, day).toBe(false);
    for (const day of ['2024-02-29', '2026-12-31']) expect(businessDaySchema.parse(day)).toBe(day);
  });

  it('accepts only a UUIDv7 as an order id in the path', () => {
    expect(orderIdParamsSchema.safeParse({ id: ORDER_ID }).success).toBe(true);
    expect(orderIdParamsSchema.safeParse({ id: '42' }).success).toBe(false);
  });
});
