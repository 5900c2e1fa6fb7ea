/**
 * A KDS client disconnects, three orders are placed, it reconnects with its last seq and
 * receives exactly those three orders' events, in order, once — against the real edge process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderView } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../../edge/server/src/testing/stream-test-client.js';
import { latteOrder } from '../../edge/server/src/testing/order-factory.js';
import { demoHeaders, type Headers } from '../support/credentials.js';
import { startEdgeProcess, type EdgeProcess } from '../support/edge-process.js';

describe('stream resume against the running edge', () => {
  let edge: EdgeProcess;
  let dataDir: string;
  /** A counter screen with the demo cashier, and a kitchen display. */
  let counter: Headers;
  let kdsHeaders: Headers;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tillbox-resume-'));
    edge = await startEdgeProcess({ dataDir });
    counter = await demoHeaders(edge.url, 'counter', 'cashier');
    kdsHeaders = await demoHeaders(edge.url, 'kds');
  });
  afterAll(async () => {
    await edge.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const place = async (): Promise<OrderView> =>
    (await (
      await fetch(`${edge.url}/api/v1/orders`, {
        method: 'POST',
        headers: counter,
        body: JSON.stringify(latteOrder()),
      })
    ).json()) as OrderView;

  it('replays exactly the missed orders, in order, once', async () => {
    await place();
    const kds = await StreamTestClient.connect(edge.url, { headers: kdsHeaders });
    kds.subscribe(0);
    await kds.waitForType('caught-up');
    const before = await place();
    await kds.waitFor('the live order', () =>
      kds.events.some((e) => e.subject === before.id && e.type === 'order.fired'),
    );
    const lastSeq = Math.max(...kds.events.map((e) => e.seq));
    await kds.close();

    const missed = [await place(), await place(), await place()];

    const back = await StreamTestClient.connect(edge.url, { headers: kdsHeaders });
    back.subscribe(lastSeq);
    await back.waitForType('caught-up');
    const after = await place(); // a live one after the replay, to prove no duplicates follow
    await back.waitFor('the next live order', () =>
      back.events.some((e) => e.subject === after.id && e.type === 'order.fired'),
    );
    await back.close();

    const replayed = back.events.filter((e) => e.subject !== after.id);
    expect(replayed.map((e) => e.seq)).toEqual(Array.from({ length: 6 }, (_, i) => lastSeq + 1 + i));
    expect(replayed.map((e) => [e.subject, e.type])).toEqual(
      missed.flatMap((o) => [
        [o.id, 'order.placed'],
        [o.id, 'order.fired'],
      ]),
    );
    // Each frame carries the order as it is now, so the kitchen shows the right numbers.
    const ticketNumbers = back.frames
      .filter((f) => f.event.type === 'order.fired' && f.event.subject !== after.id)
      .map((f) => f.order?.number);
    expect(ticketNumbers).toEqual(missed.map((o) => o.number));
    expect(new Set(back.events.map((e) => e.seq)).size).toBe(back.events.length);
  });
});
