/**
 * Default options from the pricing to the kitchen: the priced line marks the group's default
 * (what the item comes with anyway), and the kitchen ticket leaves it out while printing every
 * other choice.
 */
import { describe, expect, it } from 'vitest';
import { price } from '../commerce/price.js';
import { usStoreExample } from '../commerce/sample-stores.js';
import { flattenChoices } from '../orders/placement.js';
import { kitchenTicketDocument, kitchenTicketLine, kitchenTicketText } from './ticket-document.js';

function pricedLatte(modifiers: { groupId: string; optionId: string }[]) {
  const r = price({
    ...usStoreExample,
    cart: { lines: [{ lineId: 'l1', itemId: 'latte', variantId: 'medium', modifiers, quantity: 1 }] },
  });
  const line = r.lines[0]!;
  return { ...line, modifiers: flattenChoices(line) };
}

const printed = (modifiers: { groupId: string; optionId: string }[]): string =>
  kitchenTicketText(
    kitchenTicketDocument(
      {
        station: 'Bar',
        orderNumber: 7,
        channel: 'kiosk',
        orderType: 'takeout',
        placedAt: '2025-03-10T19:30:00Z',
        timeZone: 'America/New_York',
        lines: [kitchenTicketLine({ ...pricedLatte(modifiers), station: 'bar' })],
      },
      { width: 32 },
    ),
  );

describe('default options on kitchen tickets', () => {
  it('a latte left with its default milk is priced with "Whole milk" marked default, and the ticket says only the latte', () => {
    const latte = pricedLatte([]);
    expect(latte.modifiers).toMatchObject([{ optionId: 'whole', name: { en: 'Whole milk' }, default: true }]);
    const ticket = printed([]);
    expect(ticket).toContain('1x Caffè Latte (Medium)');
    expect(ticket).not.toContain('Whole milk');
  });

  it('the default chosen on purpose is still left out; oat milk is printed', () => {
    expect(printed([{ groupId: 'milk', optionId: 'whole' }])).not.toContain('Whole milk');
    const oat = pricedLatte([{ groupId: 'milk', optionId: 'oat' }]);
    expect(oat.modifiers[0]).not.toHaveProperty('default');
    expect(printed([{ groupId: 'milk', optionId: 'oat' }])).toContain('   - Oat milk');
  });
});
