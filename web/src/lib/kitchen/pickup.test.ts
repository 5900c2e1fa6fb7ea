import { describe, expect, it } from 'vitest';
import { pickupTileName } from './pickup.js';

describe('pickupTileName', () => {
  it('is what the tile shows, then its column', () => {
    expect(pickupTileName({ number: 5, guestName: 'Cy Twombly' }, 'ready')).toBe('5 Cy, ready');
    expect(pickupTileName({ number: 12, guestName: '  ' }, 'preparing')).toBe('12, preparing');
    expect(pickupTileName({ number: 7 }, 'ready')).toBe('7, ready');
  });
});
