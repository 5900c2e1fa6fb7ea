/**
 * Draining a backlog to Mosquitto: the built edge's outbox against a bare mqtt.js QoS 1 publisher
 * of the same payloads, on the same broker (the deployed configuration: TLS with the store's
 * certificate), taking turns. A backlog of N events is made once (counter orders on an edge with
 * no relay; two events each) and copied for every edge run. The edge starts with its relay on while
 * the broker is down, and once it has settled the broker comes back: what is measured is the drain,
 * not the edge's start. Rates are counted at a subscriber on the broker (a persistent session, so
 * nothing is missed whoever reconnects first), first message to last, for both.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { relayTopic } from '@tillbox/core';
import type { MqttClient } from 'mqtt';
import { demoHeaders } from '../support/credentials.js';
import { EDGE_NODE_FLAGS } from '../../edge/server/src/node-flags.js';
import { REPO, startEdgeProcess } from '../support/edge-process.js';
import type { Certs } from '../integration/support/certs.js';
import type { Mosquitto } from '../integration/support/mosquitto.js';
import { connectAs } from '../integration/support/store-client.js';
import { placeCounterOrders } from '../integration/support/store-box.js';
import { edgeLog } from '../integration/support/logs.js';
import { cpuSeconds, profileArgs } from './process-cpu.js';

const STORE = 'demo-store';
/** How long the edge runs before the broker comes back (its start-up work done). */
const SETTLE_MS = 3000;

/** A subscriber on the store's events that timestamps each message and keeps its payload. */
class Counter {
  payloads: Buffer[] = [];
  first = 0;
  last = 0;
  #want = 0;
  #done: (() => void) | undefined;

  constructor(readonly client: MqttClient) {
    client.on('message', (_topic, payload, packet) => {
      // A delivery the broker repeats (its PUBACK was lost in a restart) was counted the first time.
      if (packet.dup) return;
      const now = performance.now();
      if (this.payloads.length === 0) this.first = now;
      this.last = now;
      this.payloads.push(payload);
      if (this.payloads.length >= this.#want) this.#done?.();
    });
  }

  /** Resolves once `count` messages have come since the last reset. */
  expect(count: number, timeoutMs: number): Promise<void> {
    this.#want = count;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.payloads.length} of ${count} events in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#done = () => {
        clearTimeout(timer);
        resolve();
      };
      if (this.payloads.length >= count) this.#done();
    });
  }

  reset(): void {
    this.payloads = [];
    this.first = this.last = 0;
  }

  get rate(): number {
    return (this.payloads.length - 1) / ((this.last - this.first) / 1000);
  }
}

export interface DrainRun {
  edge: number;
  /** The bare publisher in a fresh process of its own (the goal's comparison). */
  bareOwn: number;
  /** The bare publisher in the bench's own, warm process. */
  bare: number;
  /** Broker back → first and last event at the subscriber (the edge's reconnect included). */
  edgeFirstMs: number;
  edgeTotalMs: number;
  bareTotalMs: number;
  /** First publish → the last PUBACK, at the bare publisher. */
  barePublishedMs: number;
  /** CPU seconds the edge's process used from the broker's return to the last event. */
  edgeCpuSeconds: number;
}

const BARE_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'bare-publisher-main.ts');

/** Runs bare-publisher-main.ts in a fresh process with the store's certificate; resolves when it exits 0. */
async function bareInOwnProcess(
  root: string,
  url: string,
  certs: Certs,
  topic: string,
  payloads: readonly Buffer[],
): Promise<void> {
  const file = join(root, 'bare-payloads.bin');
  writeFileSync(
    file,
    Buffer.concat(
      payloads.flatMap((p) => {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(p.length);
        return [length, p];
      }),
    ),
  );
  const store = certs.store(STORE);
  const job = { url, ca: certs.ca, cert: store.cert, key: store.key, topic, file };
  const child = spawn(process.execPath, [...EDGE_NODE_FLAGS, '--import', 'tsx', BARE_MAIN, JSON.stringify(job)], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the bare publisher exited with ${code}:\n${err}`);
}

export async function benchDrain(options: {
  root: string;
  broker: Mosquitto;
  certs: Certs;
  events: number;
  runs: number;
}): Promise<string[]> {
  const { broker, certs } = options;
  const backlog = mkdtempSync(join(options.root, 'backlog-'));
  // No printers: the backlog's 5,000 kitchen tickets would otherwise still be printing during the
  // drain (in a store they printed during the outage).
  const profile = join(options.root, 'no-printers.json');
  writeFileSync(profile, JSON.stringify({ version: 1, name: 'Relay bench: no printers', devices: [] }));
  const made = performance.now();
  const maker = await startEdgeProcess({
    dataDir: backlog,
    env: { TILLBOX_STORE_ID: STORE, TILLBOX_DEVICES_PROFILE: profile },
  });
  try {
    const headers = await demoHeaders(maker.url, 'counter', 'cashier');
    await placeCounterOrders(maker.url, headers, Math.ceil(options.events / 2), 16);
  } finally {
    await maker.stop();
  }
  const total = edgeLog(backlog).length;
  const madeSeconds = (performance.now() - made) / 1000;

  const subscriber = new Counter(
    await connectAs(broker.url, certs, 'relay', {
      clientId: 'bench-drain-subscriber',
      clean: false,
      properties: { sessionExpiryInterval: 3600 },
      reconnectPeriod: 50,
    }),
  );
  await subscriber.client.subscribeAsync(relayTopic(STORE, 'events'), { qos: 1 });
  const runs: DrainRun[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      // The edge: a fresh copy of the backlog, the relay on from its start.
      const dataDir = mkdtempSync(join(options.root, 'drain-'));
      cpSync(backlog, dataDir, { recursive: true });
      await broker.stop();
      subscriber.reset();
      const arrived = subscriber.expect(total, 300_000);
      const store = certs.store(STORE);
      const edge = await startEdgeProcess({
        dataDir,
        env: {
          TILLBOX_STORE_ID: STORE,
          TILLBOX_RELAY_URL: broker.url,
          TILLBOX_RELAY_TLS_CA: certs.ca,
          TILLBOX_RELAY_TLS_CERT: store.cert,
          TILLBOX_RELAY_TLS_KEY: store.key,
          TILLBOX_RELAY_RECONNECT_MS: '1000',
          TILLBOX_DEVICES_PROFILE: profile,
        },
        nodeArgs: profileArgs('drain-edge'),
      });
      let started = 0;
      let cpuAtStart = NaN;
      let edgeCpuSeconds = NaN;
      try {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        started = performance.now();
        cpuAtStart = cpuSeconds(edge.child.pid);
        await broker.start();
        await arrived;
        edgeCpuSeconds = cpuSeconds(edge.child.pid) - cpuAtStart;
      } finally {
        await edge.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
      const edgeRate = subscriber.rate;
      const edgeTotalMs = subscriber.last - started;
      const edgeFirstMs = subscriber.first - started;
      const payloads = subscriber.payloads;

      const topic = relayTopic(STORE, 'events');
      // The bare publisher in a fresh process of its own, as the edge is (cold, its own TLS session).
      subscriber.reset();
      const ownArrived = subscriber.expect(payloads.length, 300_000);
      await bareInOwnProcess(options.root, broker.url, certs, topic, payloads);
      await ownArrived;
      const bareOwn = subscriber.rate;
      await new Promise((r) => setTimeout(r, 500));

      // The bare publisher in the bench's process (warm from the turns before): the same payloads,
      // QoS 1, all handed to mqtt.js at once.
      subscriber.reset();
      const publisher = await connectAs(broker.url, certs, STORE, { clean: true });
      const bareArrived = subscriber.expect(payloads.length, 300_000);
      const bareStarted = performance.now();
      await Promise.all(payloads.map((p) => publisher.publishAsync(topic, p, { qos: 1 })));
      const barePublishedMs = performance.now() - bareStarted;
      await bareArrived;
      await publisher.endAsync();
      // The subscriber's last PUBACKs reach the broker before it goes down for the next turn.
      await new Promise((r) => setTimeout(r, 500));
      runs.push({
        edge: edgeRate,
        bareOwn,
        bare: subscriber.rate,
        edgeFirstMs,
        edgeTotalMs,
        bareTotalMs: subscriber.last - bareStarted,
        barePublishedMs,
        edgeCpuSeconds,
      });
    }
  } finally {
    await subscriber.client.endAsync(true);
    rmSync(backlog, { recursive: true, force: true });
  }

  const avgBytes = Math.round(
    subscriber.payloads.reduce((n, p) => n + p.length, 0) / Math.max(1, subscriber.payloads.length),
  );
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const edge = median(runs.map((r) => r.edge));
  const bareOwn = median(runs.map((r) => r.bareOwn));
  const bare = median(runs.map((r) => r.bare));
  const pct = (x: number): string => `${((100 * edge) / x).toFixed(0)} %`;
  return [
    `Backlog: ${total} events (${Math.ceil(options.events / 2)} counter orders, placed and fired, made in ${madeSeconds.toFixed(0)} s), ${avgBytes} bytes each on average;`,
    'the edge runs a hardware profile without printers (the kitchen tickets are not printed again).',
    'Rates at a subscriber on the broker, first event to last; the edge runs with the backlog in its log',
    'while the broker is down and drains when it is back (it reconnects within a second), in a fresh',
    'process each run. The bare publisher hands every payload to mqtt.js at once: once in a fresh process',
    'of its own, as the edge is (tests/bench/bare-publisher-main.ts, the same Node flags), and once in the',
    "bench's own process, warm from the turns before. Turns alternate.\n",
    '| run | edge outbox, events/s | broker back → first / last event | edge CPU s | bare, own process, msgs/s | bare, bench process, msgs/s | bare (bench process): first publish → last PUBACK / last event |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r, i) =>
        `| ${i + 1} | ${r.edge.toFixed(0)} | ${(r.edgeFirstMs / 1000).toFixed(2)} / ${(r.edgeTotalMs / 1000).toFixed(2)} s | ${r.edgeCpuSeconds.toFixed(2)} | ${r.bareOwn.toFixed(0)} | ${r.bare.toFixed(0)} | ${(r.barePublishedMs / 1000).toFixed(2)} / ${(r.bareTotalMs / 1000).toFixed(2)} s |`,
    ),
    '',
    `Median: edge ${edge.toFixed(0)} events/s; the bare publisher in a fresh process as the edge's ${bareOwn.toFixed(0)} msgs/s: ${pct(bareOwn)} of it (goal: at least 50 %);`,
    `in the bench's warm process ${bare.toFixed(0)} msgs/s: ${pct(bare)} of it.`,
  ];
}
