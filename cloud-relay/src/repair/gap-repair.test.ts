/**
 * Filling gaps over a real broker (aedes) into PGlite: a store whose log has holes in the cloud
 * (below its highest seq, or below what the broker acknowledged to it) is asked for exactly the
 * missing ranges on `events/resend` once the gap has stood still, asked again only after the retry
 * time, and not at all while it is offline or complete.
 */
import type { RelayEvent, RelayPayload } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudRelay } from '../app.js';
import { IngestRepository } from '../ingest/ingest-repository.js';
import { StoreRepository } from '../stores/store-repository.js';
import { FakeStore, eventually, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { orderLife } from '../testing/store-events.js';

let broker: TestBroker;
let relay: CloudRelay;
let clock = Date.parse('2026-03-10T12:00:00Z');
let stores: StoreRepository;

beforeAll(async () => {
  broker = await startBroker();
  relay = await startRelay(broker.url, {
    // Checked by hand, on a clock the test moves: no timer.
    overrides: { 'repair.checkMs': 0, 'repair.graceMs': 3000, 'repair.retryMs': 15_000 },
    now: () => new Date(clock),
  });
  stores = new StoreRepository(relay.parts.database.db);
});
afterAll(async () => {
  await relay?.stop();
  await broker?.stop();
});

const lastSeq = async (storeId: string): Promise<number> => (await stores.find(storeId))?.lastSeq ?? 0;
const maxSeq = async (storeId: string): Promise<number> => (await stores.find(storeId))?.maxSeq ?? 0;

describe('gap repair', () => {
  it('asks for the missing ranges once the gap stands still, one hole at a time, and again after the retry time', async () => {
    const store = new FakeStore('astoria', broker.url);
    await store.connect();
    const asked = (): RelayPayload<'events/resend'>[] => store.received['events/resend'] ?? [];
    try {
      const log: RelayEvent[] = [...orderLife('astoria', 1), ...orderLife('astoria', 6)]; // seqs 1–10
      // The cloud missed 1–2 (it was not there yet) and 6, and 9–10 are acknowledged to the store but not here.
      for (const e of log.filter((e) => ![1, 2, 6, 9, 10].includes(e.seq))) await store.publish('events', e);
      await store.state(true, {}, 10);
      await eventually(async () => (await maxSeq('astoria')) === 8 && (await stores.find('astoria'))?.online);

      // Seen, but not yet still for the grace time: nothing asked.
      expect(await relay.parts.repair.check()).toBe(0);
      clock += 3000;
      expect(await relay.parts.repair.check()).toBe(1);
      await eventually(async () => asked().length === 1);
      expect(asked()[0]).toMatchObject({ fromSeq: 1, toSeq: 2 });

      // No answer: not asked again before the retry time, then asked again.
      clock += 5000;
      expect(await relay.parts.repair.check()).toBe(0);
      clock += 10_000;
      expect(await relay.parts.repair.check()).toBe(1);
      await eventually(async () => asked().length === 2);

      // The store sends 1–2 again (twice: applied once); the next hole is 6, then 9–10.
      for (const e of [...log.slice(0, 2), ...log.slice(0, 2)]) await store.publish('events', e);
      await eventually(async () => (await lastSeq('astoria')) === 5);
      // The gap moved: it is watched afresh, and asked for once it has stood still again.
      expect(await relay.parts.repair.check()).toBe(0);
      clock += 3000;
      expect(await relay.parts.repair.check()).toBe(1);
      await eventually(async () => asked().length === 3);
      expect(asked()[2]).toMatchObject({ fromSeq: 6, toSeq: 6 });
      await store.publish('events', log[5]!);
      await eventually(async () => (await lastSeq('astoria')) === 8);
      await relay.parts.repair.check();
      clock += 3000;
      await relay.parts.repair.check();
      await eventually(async () => asked().length === 4);
      expect(asked()[3]).toMatchObject({ fromSeq: 9, toSeq: 10 });
      for (const e of log.slice(8)) await store.publish('events', e);
      await eventually(async () => (await lastSeq('astoria')) === 10);

      // Complete: never asked again.
      clock += 60_000;
      expect(await relay.parts.repair.check()).toBe(0);
      const events = await new IngestRepository(relay.parts.database.db).eventsSince('astoria', 0, 100);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await store.close();
    }
  });

  it('does not ask a store that is offline', async () => {
    const store = new FakeStore('flushing', broker.url);
    await store.connect();
    try {
      await store.publish('events', orderLife('flushing', 3)[0]!);
      await store.state(false, {}, 3);
      await eventually(
        async () => (await maxSeq('flushing')) === 3 && (await stores.find('flushing'))?.status === 'offline',
      );
      clock += 60_000;
      await relay.parts.repair.check();
      clock += 60_000;
      await relay.parts.repair.check();
      await new Promise((r) => setTimeout(r, 200));
      expect(store.received['events/resend'] ?? []).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
