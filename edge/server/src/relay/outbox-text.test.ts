/**
 * The outbox reads a backlog as stored text and builds each `events` payload around it: the
 * payloads must be the very JSON the parsed events give (docs/mqtt.md's `events` payload, what the
 * cloud parses), and a damaged row is skipped and reported as before.
 */
import { parseRelayPayload, placeOrderBodySchema, SYSTEM_CONTEXT } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { CursorRepository } from '../events/cursor-repository.js';
import { storageHealthOf } from '../db/storage-health.js';
import { cashierAtCounter } from '../testing/contexts.js';
import { until } from '../testing/test-broker.js';
import { latteOrder, servicesOnTempDb } from '../testing/test-edge.js';
import { EventOutbox, eventText, type OutboxPublisher } from './event-outbox.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

class Recorder implements OutboxPublisher {
  sent: { name: string; text: string }[] = [];
  publish(name: 'events' | 'orders/out', payload: string | Buffer): Promise<void> {
    this.sent.push({ name, text: payload.toString() });
    return Promise.resolve();
  }
  events(): string[] {
    return this.sent.filter((s) => s.name === 'events').map((s) => s.text);
  }
}

describe('the outbox payloads built from the stored text', () => {
  const cleanup = cleanupAfterEach();

  async function backlog() {
    const s = servicesOnTempDb();
    cleanup(s.close);
    for (let i = 0; i < 3; i++) {
      const body = placeOrderBodySchema.parse({ ...latteOrder(), guestName: `"Zoë" ✓ \\ ${i}` });
      await s.caps.orders.placeQueued(cashierAtCounter, body);
    }
    // An app order's status goes on orders/out too; its order id comes out of the data by SQLite.
    s.caps.events.transact(SYSTEM_CONTEXT, (_tx, append) => {
      append({ type: 'order.picked-up', subject: 'app-1', data: { orderId: 'app-1' } });
    });
    // Text SQLite quotes into the envelope (subject, device) and a time with milliseconds.
    const device = 'till "2" \\ \n\u0007 Zoë ✓ \u2028 😀';
    s.caps.events.transact({ ...SYSTEM_CONTEXT, device }, (_tx, append) => {
      append({
        type: 'order.picked-up',
        subject: 'order \t"\u001f" é',
        data: { orderId: 'x' },
        at: Date.parse('2026-11-27T15:00:00Z') + 7,
      });
    });
    return s;
  }

  function outboxOver(s: ReturnType<typeof servicesOnTempDb>, publisher: Recorder): EventOutbox {
    const outbox = new EventOutbox({
      storeId: 'store-"1"',
      events: s.caps.events,
      cursor: new CursorRepository(s.db.db).cursor('mqtt-relay'),
      publisher,
      channels: (ids) => new Map(ids.map((id) => [id, id.startsWith('app-') ? 'app' : 'counter'] as const)),
      log: { warn: () => {} },
      window: 100,
      flushMs: 5,
    });
    cleanup(() => outbox.stop());
    return outbox;
  }

  it('are byte for byte the JSON of the parsed events, and the cloud reads them', async () => {
    const s = await backlog();
    const head = s.caps.events.lastSeq;
    const recorder = new Recorder();
    outboxOver(s, recorder).start();
    await until('the backlog sent', () => recorder.events().length === head);
    const expected = s.caps.events.readSince(0).map((e) => eventText('store-"1"', e));
    expect(recorder.events()).toEqual(expected);
    for (const text of recorder.events()) expect(parseRelayPayload('events', text).storeId).toBe('store-"1"');
    const statuses = recorder.sent.filter((m) => m.name === 'orders/out').map((m) => JSON.parse(m.text) as object);
    const pickedUp = s.caps.events.readSince(0).find((e) => e.subject === 'app-1');
    expect(statuses).toEqual([
      { kind: 'status', orderId: 'app-1', status: 'picked-up', seq: pickedUp?.seq, at: pickedUp?.at },
    ]);
  });

  it('skips a damaged row (reported) and sends the rest in order', async () => {
    const s = await backlog();
    const head = s.caps.events.lastSeq;
    s.db.sqlite.prepare(`update events set data = '{"orderId": "x"' where seq = 2`).run();
    s.db.sqlite.prepare(`update events set actor = '{"kind":"nobody"}' where seq = 3`).run();
    const recorder = new Recorder();
    outboxOver(s, recorder).start();
    await until('the rest sent', () => recorder.events().length === head - 2);
    const seqs = recorder.events().map((t) => (JSON.parse(t) as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: head }, (_, i) => i + 1).filter((q) => q !== 2 && q !== 3));
    const problems = storageHealthOf(s.db.db).problems.map((p) => p.key);
    expect(problems).toEqual(expect.arrayContaining(['events.data:seq=2', 'events.actor:seq=3']));
  });
});
