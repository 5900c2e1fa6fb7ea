import { describe, expect, it } from 'vitest';
import { countBelow } from './overflow.js';

describe('countBelow', () => {
  const card = (top: number, height = 200) => ({ top, bottom: top + height });

  it('counts the tickets a cook cannot read yet below the visible part, not those above it or in view', () => {
    const cards = [card(-300), card(0), card(220), card(440), card(660), card(880)];
    // The view ends at 700: the card at 660 shows only 40 px (not its number yet), 880 nothing.
    expect(countBelow(cards, 700)).toBe(2);
    // Scrolled so that the view ends at 1100: everything is readable.
    expect(countBelow(cards, 1100)).toBe(0);
  });

  it('a card cut near its bottom is readable; a short card counts once it is fully below', () => {
    expect(countBelow([card(500)], 700)).toBe(0);
    expect(countBelow([card(690, 20)], 700)).toBe(1);
    expect(countBelow([card(680, 20)], 700)).toBe(0);
    expect(countBelow([], 700)).toBe(0);
  });
});
