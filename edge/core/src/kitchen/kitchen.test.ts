import { describe, expect, it } from 'vitest';
import {
  allDayCounts,
  applyTicketCommand,
  compareTicketPriority,
  kitchenConfigSchema,
  routeToStation,
  stationSchema,
} from './kitchen.js';

const config = {
  stations: [
    stationSchema.parse({ id: 'bar', name: 'Bar' }),
    stationSchema.parse({ id: 'kitchen', name: 'Kitchen', categories: ['bakery'], items: ['affogato'] }),
  ],
  defaultStation: 'kitchen',
};

describe('kitchen rules', () => {
  it('routes by item list, then item station, then category list, then category station, then default', () => {
    expect(routeToStation(config, { id: 'affogato', categoryId: 'espresso', station: 'bar' }, 'bar')).toBe('kitchen');
    expect(routeToStation(config, { id: 'muffin', categoryId: 'bakery', station: 'bar' }, 'kitchen')).toBe('bar');
    expect(routeToStation(config, { id: 'muffin', categoryId: 'bakery' }, 'bar')).toBe('kitchen');
    expect(routeToStation(config, { id: 'latte', categoryId: 'espresso' }, 'bar')).toBe('bar');
    expect(routeToStation(config, { id: 'latte', categoryId: 'espresso' }, 'grill')).toBe('kitchen');
  });

  it('orders tickets rush first, then by due time whatever the channel, then by placing', () => {
    const kiosk = { rush: false, dueAt: '2026-11-27T15:08:00.000Z', placedAt: '2026-11-27T15:00:00.000Z', number: 1 };
    const app = { rush: false, dueAt: '2026-11-27T15:05:00.000Z', placedAt: '2026-11-27T15:01:00.000Z', number: 2 };
    const rush = { rush: true, dueAt: '2026-11-27T15:30:00.000Z', placedAt: '2026-11-27T15:02:00.000Z', number: 3 };
    const tie = { ...kiosk, placedAt: '2026-11-27T14:59:00.000Z', number: 4 };
    expect([kiosk, app, rush, tie].sort(compareTicketPriority).map((t) => t.number)).toEqual([3, 2, 4, 1]);
  });

  it('refuses ticket commands that do not apply', () => {
    const open = { status: 'open' as const, items: [{ lineId: 'a' }, { lineId: 'b', bumpedAt: 'x' }] };
    expect(applyTicketCommand(open, 'bump')).toBe('ticket.bumped');
    expect(applyTicketCommand(open, 'bump-item', 'a')).toBe('ticket.item-bumped');
    expect(() => applyTicketCommand(open, 'bump-item', 'b')).toThrow('this item is already bumped');
    expect(() => applyTicketCommand(open, 'unbump-item', 'a')).toThrow('this item is not bumped');
    expect(() => applyTicketCommand(open, 'bump-item', 'zz')).toThrow('this ticket has no item zz');
    expect(() => applyTicketCommand(open, 'recall')).toThrow('only a bumped ticket can be recalled');
    expect(() => applyTicketCommand({ ...open, status: 'bumped' }, 'bump')).toThrow('this ticket is already bumped');
  });

  it('counts what is still to make, most first', () => {
    expect(
      allDayCounts([
        { itemId: 'latte', variantId: 'large', name: 'Latte', variantName: 'Large', quantity: 2, bumped: false },
        { itemId: 'latte', variantId: 'large', name: 'Latte', variantName: 'Large', quantity: 1, bumped: false },
        { itemId: 'latte', variantId: 'small', name: 'Latte', variantName: 'Small', quantity: 5, bumped: true },
        { itemId: 'espresso', name: 'Espresso', quantity: 1, bumped: false },
      ]),
    ).toEqual([
      { key: 'latte/large', name: 'Latte', variant: 'Large', quantity: 3 },
      { key: 'espresso/', name: 'Espresso', quantity: 1 },
    ]);
  });

  it('refuses a station setup that cannot work, naming the problem', () => {
    const bad = kitchenConfigSchema.safeParse({
      stations: [
        { id: 'bar', name: 'Bar', warnAfterSeconds: 300, lateAfterSeconds: 200 },
        { id: 'bar', name: 'Bar 2' },
      ],
      defaultStation: 'grill',
      expoAutoReady: true,
      bumpBar: {},
      recallMinutes: 30,
      pickupReadyMinutes: 15,
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'station "bar": late must come after warn',
        'duplicate station "bar"',
        'no station "grill"',
      ]),
    );
  });
});
