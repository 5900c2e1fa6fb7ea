/**
 * The stream's client messages, fuzzed with fast-check: sequences of messages made from
 * `streamClientMessageSchema` (valid, near misses) and as garbage (any JSON, text that is not
 * JSON, binary frames, frames past the size limit, deep nesting), sent by a kitchen display, a
 * kiosk and a pickup board. The edge must answer a ping after every sequence (or have closed the
 * socket with a code that says why), keep serving HTTP, and write nothing.
 */
import { join } from 'node:path';
import { streamClientMessageSchema } from '@tillbox/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamTestClient } from '../../edge/server/src/testing/stream-test-client.js';
import { testDevice, type TestClient } from '../../edge/server/src/testing/test-actors.js';
import { latteOrder, startTestEdge, type TestEdge } from '../../edge/server/src/testing/test-edge.js';
import { record } from './support/figures.js';
import { scaled, SEED } from './support/profile.js';
import { deepNest, garbageJson, jsonSchemaOf, nastyString, nearMiss, valid } from './support/schema-arbitrary.js';
import { WriteWatch, wroteNothing } from './support/write-watch.js';

const CASES = scaled('fuzz_stream_cases', { ci: 150, long: 5000 });

/** Why the edge may close a fuzzed socket: garbage (4000), a frame past 16 KB (1009). */
const EXPECTED_CLOSES = new Set([4000, 1009]);

type Frame = { kind: 'text'; text: string } | { kind: 'binary'; bytes: number[] };

const { root, defs } = jsonSchemaOf(streamClientMessageSchema);
const json = (v: fc.Arbitrary<unknown>): fc.Arbitrary<Frame> =>
  v.map((value) => ({ kind: 'text', text: JSON.stringify(value) ?? 'undefined' }));
const frame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: json(valid(root, root, defs)), weight: 4 },
  { arbitrary: json(nearMiss(root, root, defs)), weight: 4 },
  { arbitrary: json(garbageJson), weight: 2 },
  { arbitrary: nastyString.map((text): Frame => ({ kind: 'text', text })), weight: 1 },
  { arbitrary: fc.array(fc.nat(255), { maxLength: 64 }).map((bytes): Frame => ({ kind: 'binary', bytes })), weight: 1 },
  {
    arbitrary: fc.constantFrom<Frame>(
      { kind: 'text', text: JSON.stringify({ type: 'ping', at: 1, pad: 'x'.repeat(20_000) }) },
      { kind: 'text', text: '['.repeat(15_000) },
      { kind: 'text', text: JSON.stringify(deepNest(2000)) },
      { kind: 'text', text: JSON.stringify({ type: 'subscribe', topics: ['order'], since: 0 }).repeat(100) },
    ),
    weight: 1,
  },
);

describe(`stream fuzzing (${CASES} sequences, seed ${SEED})`, () => {
  let t: TestEdge;
  let watch: WriteWatch;
  const screens = new Map<string, TestClient>();
  beforeAll(async () => {
    t = await startTestEdge();
    for (const role of ['kds', 'kiosk', 'pickup'] as const) screens.set(role, await testDevice(t.edge, role));
    const counter = await testDevice(t.edge, 'counter', 'cashier');
    for (let i = 0; i < 20; i++) await counter.post('/api/v1/orders', latteOrder());
    watch = new WriteWatch(join(t.dataDir, 'tillbox.sqlite'));
  });
  afterAll(async () => {
    watch?.close();
    await t?.stop();
  });

  it('answers or closes with a reason, never crashes, never writes', async () => {
    const open = new Map<string, StreamTestClient>();
    const connect = async (role: string): Promise<StreamTestClient> => {
      const known = open.get(role);
      if (known && known.closeCode === undefined) return known;
      const authorization = screens.get(role)?.headers.authorization ?? '';
      const client = await StreamTestClient.connect(t.url, { headers: { authorization } });
      await client.waitForType('hello');
      open.set(role, client);
      return client;
    };
    const closes = new Map<number, number>();
    let messages = 0;
    let pings = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('kds', 'kiosk', 'pickup'),
          fc.array(frame, { minLength: 1, maxLength: 8 }),
          async (role, frames) => {
            const client = await connect(role);
            const before = watch.fingerprint();
            for (const f of frames) {
              if (client.closeCode !== undefined) break;
              client.socket.send(f.kind === 'text' ? f.text : Buffer.from(f.bytes));
              messages += 1;
            }
            // Still answering? A ping after the sequence gets its pong, or the socket was closed for a reason.
            const at = Math.random();
            if (client.closeCode === undefined) client.send({ type: 'ping', at });
            await client.waitFor(
              'a pong or a close',
              () => client.closeCode !== undefined || client.messages.some((m) => m.type === 'pong' && m.at === at),
              5000,
            );
            if (client.closeCode !== undefined) {
              closes.set(client.closeCode, (closes.get(client.closeCode) ?? 0) + 1);
              expect(EXPECTED_CLOSES, `closed with ${client.closeCode}`).toContain(client.closeCode);
            } else {
              pings += 1;
            }
            for (const m of client.messages)
              if (m.type === 'error') expect(m.message.length, 'an error names the problem').toBeGreaterThan(0);
            client.messages.length = 0;
            expect(wroteNothing(watch.compare(before, watch.fingerprint())), 'the stream wrote').toBe(true);
          },
        ),
        { seed: SEED, numRuns: CASES, endOnFailure: true },
      );
    } finally {
      await Promise.all([...open.values()].map((c) => c.close()));
    }
    const health = await t.edge.http.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: screens.get('kds')?.headers,
    });
    expect(health.statusCode).toBe(200);
    record({
      scenario: 'Stream fuzzing',
      runs: CASES,
      lost: 0,
      doubled: 0,
      fiveXx: 0,
      notes: `${messages.toLocaleString('en-US')} messages; ${pings.toLocaleString('en-US')} sequences answered a ping after; closes: ${
        [...closes].map(([code, n]) => `${code}×${n}`).join(' ') || 'none'
      }`,
    });
  });
});
