import { describe, expect, it } from 'vitest';
import { AckWindow } from './ack-window.js';

describe('the window of messages in flight', () => {
  it('moves past an event only when it and every event before it are acknowledged', () => {
    const w = new AckWindow(10);
    w.add(11, 1);
    w.add(12, 1);
    w.add(14, 1);
    expect(w.inFlight).toBe(3);
    expect(w.ack(12)).toBe(false);
    expect(w.through).toBe(10);
    expect(w.ack(11)).toBe(true);
    expect(w.through).toBe(12);
    expect(w.ack(14)).toBe(true);
    expect(w.through).toBe(14);
    expect(w.inFlight).toBe(0);
  });

  it('waits for every message of an event (its status update too)', () => {
    const w = new AckWindow(0);
    w.add(1, 2);
    w.add(2, 1);
    w.ack(2);
    w.ack(1);
    expect(w.through).toBe(0);
    w.ack(1);
    expect(w.through).toBe(2);
  });

  it('ignores an acknowledgement it is not waiting for, and refuses events out of order', () => {
    const w = new AckWindow(5);
    expect(w.ack(3)).toBe(false);
    w.add(6, 1);
    expect(() => w.add(6, 1)).toThrow();
    expect(() => w.add(4, 1)).toThrow();
    w.ack(6);
    expect(w.ack(6)).toBe(false);
    expect(w.through).toBe(6);
  });

  it('keeps up over a long drain', () => {
    const w = new AckWindow(0);
    for (let seq = 1; seq <= 5000; seq++) {
      w.add(seq, 1);
      if (seq > 3) w.ack(seq - 3);
    }
    expect(w.through).toBe(4997);
    expect(w.inFlight).toBe(3);
  });
});
