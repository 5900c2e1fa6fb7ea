import { describe, expect, it, vi } from 'vitest';
import { heldFor, holdDelayMs, IdleWatch, ticketName } from './open-tickets.js';

describe('open tickets', () => {
  it('says how long a ticket has been held', () => {
    const now = Date.parse('2025-01-01T13:10:30Z');
    expect(heldFor('2025-01-01T13:10:10Z', now)).toBe('just now');
    expect(heldFor('2025-01-01T13:06:00Z', now)).toBe('4 min');
    expect(heldFor('2025-01-01T12:05:00Z', now)).toBe('1 h 05');
    expect(heldFor(undefined, now)).toBe('');
  });

  it('names a ticket by its guest, its table, or its number', () => {
    expect(ticketName({ number: 7, guestName: 'Ana' })).toBe('Ana');
    expect(ticketName({ number: 7, guestName: 'Ana', table: '4' })).toBe('Ana · table 4');
    expect(ticketName({ number: 7, table: '4' })).toBe('Table 4');
    expect(ticketName({ number: 7 })).toBe('Order 7');
  });

  it('holds an unfinished ticket 45 s before the edge signs an idle cashier out', () => {
    expect(holdDelayMs(10)).toBe(10 * 60_000 - 45_000);
    expect(holdDelayMs(1)).toBe(15_000);
  });

  it('calls once after the delay without a touch; each touch starts over', () => {
    vi.useFakeTimers();
    try {
      const idle = vi.fn();
      const watch = new IdleWatch(1000, idle);
      watch.touch();
      vi.advanceTimersByTime(900);
      watch.touch();
      vi.advanceTimersByTime(900);
      expect(idle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(idle).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(5000);
      expect(idle).toHaveBeenCalledTimes(1);
      watch.setDelay(200); // not armed: nothing starts
      vi.advanceTimersByTime(5000);
      expect(idle).toHaveBeenCalledTimes(1);
      watch.touch();
      watch.stop();
      vi.advanceTimersByTime(5000);
      expect(idle).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
