/** Orders for the device tests (receipts, tickets). */
import type { OrderView } from '../wire/api.js';

/** A paid counter order: a large oat latte with a happy-hour discount, a croissant, NYC tax, cash with change. */
export function paidOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: '0190a1b2-0000-7000-8000-000000000001',
    number: 42,
    businessDay: '2026-03-07',
    status: 'paid',
    payment: 'paid',
    dueAt: '2026-03-07T19:10:00Z',
    rush: false,
    tickets: [],
    channel: 'counter',
    orderType: 'takeout',
    guestName: 'Zoë',
    placedAt: '2026-03-07T19:02:00Z',
    paidAt: '2026-03-07T19:03:00Z',
    lines: [
      {
        lineId: 'l1',
        itemId: 'latte',
        name: { en: 'Latte', es: 'Café con leche' },
        variantName: { en: 'Large' },
        modifiers: [
          { groupId: 'milk', optionId: 'whole', name: { en: 'Whole milk' }, price: 0, default: true },
          { groupId: 'milk', optionId: 'oat', name: { en: 'Oat milk' }, price: 70 },
          { groupId: 'temp', optionId: 'extra-hot', name: { en: 'Extra hot' }, price: 0 },
        ],
        quantity: 2,
        station: 'bar',
        allergens: [],
        unitPrice: 545,
        lineTotal: 1090,
        discount: 218,
        tax: 77,
      },
      {
        lineId: 'l2',
        itemId: 'croissant',
        name: { en: 'Butter croissant' },
        modifiers: [],
        quantity: 1,
        note: 'Warm it up',
        station: 'kitchen',
        allergens: ['gluten'],
        unitPrice: 375,
        lineTotal: 375,
        discount: 0,
        tax: 33,
      },
    ],
    totals: { currency: 'USD', subtotal: 1465, discount: 218, tax: 110, total: 1357 },
    pricing: {
      discounts: [{ promotionId: 'happy-hour', explanation: 'Happy hour: 20% off drinks', amount: 218 }],
      taxes: [{ name: 'NYC sales tax', rate: '8.875%', inclusive: false, amount: 110 }],
      loyaltyPoints: 13,
      localTime: '2026-03-07T14:02',
    },
    payments: [{ id: 'p1', method: 'cash', amount: 1357, tendered: 2000, change: 643, at: '2026-03-07T19:03:00Z' }],
    ...overrides,
  };
}
