/**
 * What the demo store counts when it starts (`demo` on, a new store): a bottled drink and pastries
 * baked in batches. Everything else is made to order and not counted.
 */
export const demoStock: readonly { itemId: string; count: number }[] = [
  { itemId: 'orange-juice', count: 12 },
  { itemId: 'pain-au-chocolat', count: 6 },
  { itemId: 'cinnamon-roll', count: 6 },
  { itemId: 'blueberry-muffin', count: 8 },
];
