/**
 * The outbox with a scripted broker: how many messages are in flight, what happens when the
 * broker refuses one, and when the status of an app order goes with its event.
 */
import { SYSTEM_CONTEXT, type RelayEvent } from '@tillbox/core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { CursorRepository } from '../events/cursor-repository.js';
import { EventLog } from '../events/event-log.js';
import { until } from '../testing/test-broker.js';
import { tempDir } from '../testing/test-edge.js';
import { EventOutbox, type OutboxPublisher } from './event-outbox.js';
import { cleanupAfterEach } from '../testing/cleanups.js';

interface Sent {
  name: string;
  seq: number;
  text: string;
  ack: () => void;
  refuse: () => void;
}

/** A broker that acknowledges only when the test says so. */
class ScriptedBroker implements OutboxPublisher {
  sent: Sent[] = [];
  autoAck = false;
  publish(name: 'events' | 'orders/out', text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const json = JSON.parse(text) as { seq: number };
      this.sent.push({ name, seq: json.seq, text, ack: resolve, refuse: () => reject(new Error('refused')) });
      if (this.autoAck) resolve();
    });
  }
  get inFlight(): number {
    return this.sent.length;
  }
}

describe('the event outbox', () => {
  const cleanup = cleanupAfterEach();

  function setUp(window: number): {
    log: EventLog;
    cursors: CursorRepository;
    broker: ScriptedBroker;
    outbox: EventOutbox;
  } {
    const t = tempDir();
    cleanup(t.remove);
    const db = openDatabase(t.dir);
    cleanup(() => db.close());
    const log = new EventLog(db.db);
    log.start();
    const cursors = new CursorRepository(db.db);
    const broker = new ScriptedBroker();
    const outbox = new EventOutbox({
      storeId: 's1',
      events: log,
      cursor: cursors.cursor('mqtt-relay'),
      publisher: broker,
      channels: (ids) => new Map(ids.map((id) => [id, id.startsWith('app-') ? 'app' : 'counter'] as const)),
      log: { warn: () => {} },
      window,
      flushMs: 5,
      retryMs: 20,
    });
    cleanup(() => outbox.stop());
    return { log, cursors, broker, outbox };
  }

  function commit(log: EventLog, orderIds: string[]): void {
    log.transact(SYSTEM_CONTEXT, (_tx, append) => {
      for (const orderId of orderIds) append({ type: 'order.picked-up', subject: orderId, data: { orderId } });
    });
  }

  it('keeps at most the window in flight and moves the cursor only past contiguous acknowledgements', async () => {
    const { log, cursors, broker, outbox } = setUp(4);
    commit(log, ['a', 'b', 'c', 'd', 'e', 'f']);
    outbox.start();
    await until('four sent', () => broker.sent.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(broker.sent.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    broker.sent[1]!.ack();
    await until('a fifth sent', () => broker.sent.length === 5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cursors.seq('mqtt-relay')).toBe(0); // seq 1 is not acknowledged yet
    broker.sent[0]!.ack();
    await until('cursor at 2', () => cursors.seq('mqtt-relay') === 2);
    expect(outbox.backlog).toBe(4);
  });

  it('never skips an event the broker refused: sends again from the last acknowledged one', async () => {
    const { log, cursors, broker, outbox } = setUp(10);
    commit(log, ['a', 'b', 'c', 'd']);
    outbox.start();
    await until('four sent', () => broker.sent.length === 4);
    broker.sent[0]!.ack();
    broker.sent[1]!.refuse();
    broker.sent[2]!.ack();
    broker.sent[3]!.ack();
    await until('sent again', () => broker.sent.length > 4);
    broker.autoAck = true;
    for (const s of broker.sent.slice(4)) s.ack();
    await until('everything acknowledged', () => cursors.seq('mqtt-relay') === 4);
    expect(broker.sent.slice(4).map((s) => s.seq)).toEqual([2, 3, 4]);
  });

  it('sends the status of an app order with its event, and counts both before moving on', async () => {
    const { log, cursors, broker, outbox } = setUp(10);
    commit(log, ['app-1', 'counter-1']);
    outbox.start();
    await until('three messages', () => broker.sent.length === 3);
    expect(broker.sent.map((s) => `${s.name}:${s.seq}`)).toEqual(['events:1', 'orders/out:1', 'events:2']);
    expect(JSON.parse(broker.sent[1]!.text)).toMatchObject({ kind: 'status', orderId: 'app-1', status: 'picked-up' });
    expect(JSON.parse(broker.sent[0]!.text) as RelayEvent).toMatchObject({
      storeId: 's1',
      seq: 1,
      type: 'order.picked-up',
    });
    broker.sent[0]!.ack();
    broker.sent[2]!.ack();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cursors.seq('mqtt-relay')).toBe(0);
    broker.sent[1]!.ack();
    await until('cursor at 2', () => cursors.seq('mqtt-relay') === 2);
  });
});
