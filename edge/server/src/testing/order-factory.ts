/** Order bodies for tests, from the demo menu. No edge imports, so browser tests can use it too. */
import { uuidv7, type PlaceOrderInput } from '@tillbox/core';

/** A valid order body from the demo menu: a medium oat latte and a croissant. */
export function latteOrder(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    id: uuidv7(),
    channel: 'counter',
    orderType: 'takeout',
    lines: [
      { itemId: 'latte', variantId: 'medium', modifiers: [{ groupId: 'milk', optionId: 'oat' }], quantity: 2 },
      { itemId: 'croissant', quantity: 1 },
    ],
    ...overrides,
  };
}
