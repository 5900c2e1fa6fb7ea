import { describe, expect, it } from 'vitest';
import type { CustomerDisplayState } from '../wire/display.js';
import { decodePoleDisplay, poleDisplayBytes, poleDisplayLines } from './pole-display.js';

const ticket: CustomerDisplayState = {
  phase: 'ticket',
  currency: 'USD',
  lines: [
    { id: 'l1', name: 'Chocolate Chip Cookie', quantity: 1, modifiers: [], amount: 250, discount: 0 },
    { id: 'l2', name: 'Caffè Latte (Medium)', quantity: 2, modifiers: ['Oat milk'], amount: 1090, discount: 0 },
  ],
  discounts: [],
  subtotal: 1340,
  taxes: [{ name: 'NY State', amount: 54 }],
  total: 1459,
};

/** What the glass shows for `lines`: the bytes sent, read back as a display reads them. */
const shown = (lines: [string, string]) => decodePoleDisplay(poleDisplayBytes(lines, 20), 20);

describe('a 2×20 pole display', () => {
  it("shows the store's name while nothing is open", () => {
    expect(shown(poleDisplayLines('Tillbox Demo Coffee', null, 20))).toEqual([
      'Tillbox Demo Coffee ',
      '      Welcome       ',
    ]);
  });

  it('shows the last item rung up (accents dropped, cut to fit) and the total', () => {
    expect(shown(poleDisplayLines('S', ticket, 20))).toEqual(['2 Caffe Latte $10.90', 'TOTAL         $14.59']);
  });

  it('shows the amount due with the tip while paying, then thank you and the change', () => {
    const paying: CustomerDisplayState = { ...ticket, phase: 'paying', payment: { due: 1459, tip: 219 } };
    expect(shown(poleDisplayLines('S', paying, 20))).toEqual(['TOTAL         $14.59', 'DUE           $16.78']);
    const thanks: CustomerDisplayState = {
      ...ticket,
      phase: 'thanks',
      thanks: { orderNumber: 12 },
      payment: { due: 0, change: 541 },
    };
    expect(shown(poleDisplayLines('S', thanks, 20))).toEqual(['     Thank you!     ', 'CHANGE         $5.41']);
    const card: CustomerDisplayState = { ...thanks, payment: undefined };
    expect(shown(poleDisplayLines('S', card, 20))[1]).toBe('      Order 12      ');
  });

  it('writes ESC @, CLR and each line at its row, and a new screen replaces the old one', () => {
    const bytes = poleDisplayBytes(['AB', 'CD'], 20);
    expect([...bytes.slice(0, 7)]).toEqual([0x1b, 0x40, 0x0c, 0x1f, 0x24, 1, 1]);
    const before = decodePoleDisplay(poleDisplayBytes(['long old line here', 'and another'], 20), 20);
    expect(decodePoleDisplay(bytes, 20, before)).toEqual(['AB'.padEnd(20), 'CD'.padEnd(20)]);
  });
});
