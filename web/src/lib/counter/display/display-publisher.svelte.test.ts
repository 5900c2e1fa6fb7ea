import type { CustomerDisplayStateInput } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api.js';
import { DisplayPublisher, type DisplayCalls } from './display-publisher.svelte.js';

const state = (total: number): CustomerDisplayStateInput => ({
  phase: 'ticket',
  currency: 'USD',
  lines: [],
  discounts: [],
  subtotal: total,
  taxes: [],
  total,
});

function fakeCalls(fail: () => unknown = () => undefined, displays = [{ id: 'd1', name: 'Display' }]) {
  const sent: number[] = [];
  const calls: DisplayCalls = {
    publish: async (s) => {
      const error = fail();
      if (error) throw error;
      sent.push(s.total);
    },
    linked: async () => displays,
    link: async () => ({ id: 'd1', name: 'Display', role: 'display', pairedAt: 'now', pairedBy: 'demo' }),
  };
  return { calls, sent };
}

describe('the counter sends its customer display what it shows', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends a burst of changes once, the last one, and nothing again for the same state', async () => {
    const { calls, sent } = fakeCalls();
    const p = new DisplayPublisher(calls, 150);
    p.update(state(100));
    p.update(state(200));
    p.update(state(300));
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([300]);
    p.update(state(300));
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([300]);
  });

  it('tries again after a network failure, but waits for the next change after a refusal', async () => {
    let failure: unknown = new ApiError('network', 'away');
    const { calls, sent } = fakeCalls(() => failure);
    const p = new DisplayPublisher(calls, 10);
    p.update(state(100));
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([]);
    failure = undefined;
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toEqual([100]);

    failure = new ApiError('rejected', 'Sign in', { status: 401 });
    p.update(state(200));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([100]);
    failure = undefined;
    p.update(state(300));
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([100, 300]);
  });

  it('sends nothing while no display follows the counter, and the ticket as it is to one just linked', async () => {
    const displays: { id: string; name: string }[] = [];
    const { calls, sent } = fakeCalls(undefined, displays);
    const p = new DisplayPublisher(calls, 10);
    await p.refresh();
    p.update(state(100));
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([]);
    displays.push({ id: 'd1', name: 'Display' });
    await p.link('123456');
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([100]);
    // Linked again (or another one): it gets the ticket again.
    await p.link('654321');
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([100, 100]);
    p.stop();
  });
});
