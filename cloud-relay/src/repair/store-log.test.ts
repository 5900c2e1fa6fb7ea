/** The cloud's copy of a store's log read back for the store (`events.since`): pages up to its contiguous head. */
import { describe, expect, it } from 'vitest';
import type { StoreEventRow } from '../ingest/ingest-repository.js';
import { StoreLog } from './store-log.js';

const STORE = 'demo-store';

function row(seq: number, note = ''): StoreEventRow {
  return {
    storeId: STORE,
    seq,
    id: `0193a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type: 'order.completed',
    version: 1,
    subject: 'o-1',
    at: new Date(Date.UTC(2026, 10, 27, 14, 30, seq)),
    actor: { kind: 'system', id: 'system' },
    device: null,
    data: { orderId: 'o-1', note },
  };
}

/** A store whose cloud copy holds `seqs`, with `lastSeq` its contiguous head. */
function storeLog(seqs: number[], lastSeq: number, maxBytes?: number): StoreLog {
  const rows = seqs.map((s) => row(s, 'x'.repeat(100)));
  return new StoreLog({
    stores: { find: async (id: string) => (id === STORE ? ({ lastSeq } as never) : undefined) },
    events: {
      eventsSince: async (_id: string, after: number, limit: number) =>
        rows.filter((r) => r.seq > after).slice(0, limit),
    },
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
}

describe("the cloud's copy of a store's log, for the store", () => {
  it('answers the events after a seq as the store sent them, up to the contiguous head', async () => {
    const page = await storeLog([1, 2, 3, 4, 6], 4).page(STORE, 1, 200);
    expect(page.lastSeq).toBe(4);
    expect(page.events.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(page.events[0]).toEqual({
      storeId: STORE,
      seq: 2,
      id: '0193a000-0000-7000-8000-000000000002',
      type: 'order.completed',
      version: 1,
      subject: 'o-1',
      at: '2026-11-27T14:30:02.000Z',
      actor: { kind: 'system', id: 'system' },
      device: null,
      data: { orderId: 'o-1', note: 'x'.repeat(100) },
    });
  });

  it('answers nothing past the head, keeps to the limit and the byte budget (at least one event)', async () => {
    expect(await storeLog([1, 2], 2).page(STORE, 2, 200)).toEqual({ lastSeq: 2, events: [] });
    expect(await storeLog([], 0).page('other-store', 0, 200)).toEqual({ lastSeq: 0, events: [] });
    expect((await storeLog([1, 2, 3, 4], 4).page(STORE, 0, 2)).events.map((e) => e.seq)).toEqual([1, 2]);
    const one = Buffer.byteLength(JSON.stringify((await storeLog([1], 1).page(STORE, 0, 1)).events[0])) + 1;
    const small = await storeLog([1, 2, 3, 4], 4, 2 * one + one / 2).page(STORE, 0, 200);
    expect(small.events.map((e) => e.seq)).toEqual([1, 2]);
    const tiny = await storeLog([1, 2, 3, 4], 4, 10).page(STORE, 0, 200);
    expect(tiny.events.map((e) => e.seq)).toEqual([1]);
  });
});
