import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatch, ReturnCountdown } from './idle.svelte.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('IdleWatch', () => {
  it('asks after the idle time, counts down whole seconds, then clears the order', () => {
    const ontimeout = vi.fn();
    const idle = new IdleWatch({ idleSeconds: 30, countdownSeconds: 10 }, { ontimeout });
    idle.start();
    vi.advanceTimersByTime(29_000);
    expect(idle.phase).toBe('watching');
    vi.advanceTimersByTime(1_000);
    expect(idle.phase).toBe('asking');
    expect(idle.secondsLeft).toBe(10);
    vi.advanceTimersByTime(3_500);
    expect(idle.secondsLeft).toBe(7);
    expect(ontimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6_500);
    expect(ontimeout).toHaveBeenCalledTimes(1);
    expect(idle.phase).toBe('off');
    vi.advanceTimersByTime(60_000);
    expect(ontimeout).toHaveBeenCalledTimes(1);
  });

  it('a touch restarts the idle time; while asking only "I\'m still here" does', () => {
    const ontimeout = vi.fn();
    const idle = new IdleWatch({ idleSeconds: 30, countdownSeconds: 10 }, { ontimeout });
    idle.start();
    vi.advanceTimersByTime(20_000);
    idle.touch();
    vi.advanceTimersByTime(20_000);
    expect(idle.phase).toBe('watching');
    vi.advanceTimersByTime(10_000);
    expect(idle.phase).toBe('asking');
    idle.touch();
    vi.advanceTimersByTime(2_000);
    expect(idle.phase).toBe('asking');
    idle.resume();
    expect(idle.phase).toBe('watching');
    vi.advanceTimersByTime(29_000);
    expect(idle.phase).toBe('watching');
    expect(ontimeout).not.toHaveBeenCalled();
  });

  it('does nothing once stopped (the order was placed or cleared)', () => {
    const ontimeout = vi.fn();
    const idle = new IdleWatch({ idleSeconds: 5, countdownSeconds: 5 }, { ontimeout });
    idle.start();
    idle.stop();
    vi.advanceTimersByTime(60_000);
    expect(idle.phase).toBe('off');
    expect(ontimeout).not.toHaveBeenCalled();
  });
});

describe('ReturnCountdown', () => {
  it('returns to the start after its time, and "More time" adds as much again', () => {
    const ondone = vi.fn();
    const back = new ReturnCountdown(20, ondone);
    back.start();
    vi.advanceTimersByTime(15_000);
    expect(back.secondsLeft).toBe(5);
    back.extend();
    expect(back.secondsLeft).toBe(25);
    vi.advanceTimersByTime(24_000);
    expect(ondone).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(ondone).toHaveBeenCalledTimes(1);
  });
});
