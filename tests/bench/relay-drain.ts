/**
 * Draining a backlog to Mosquitto: the built edge's outbox against a bare mqtt.js QoS 1 publisher
 * of the same payloads, on the same broker (the deployed configuration: TLS with the store's
 * certificate), taking turns. A backlog of N events is made once (counter orders on an edge with
 * no relay; two events each) and copied for every edge run. The edge starts with its relay on while
 * the broker is down, and once it has settled the broker comes back: what is measured is the drain,
 * not the edge's start. Rates are counted at a subscriber on the broker (a persistent session, so
 * nothing is missed whoever reconnects first), first message to last, for both.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { relayTopic } from '@tillbox/core';
import type { MqttClient } from 'mqtt';
import { demoHeaders } from '../support/credentials.js';
import { startEdgeProcess } from '../support/edge-process.js';
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

      // The bare publisher: the same payloads, QoS 1, all handed to mqtt.js at once.
      subscriber.reset();
      const publisher = await connectAs(broker.url, certs, STORE, { clean: true });
      const bareArrived = subscriber.expect(payloads.length, 300_000);
      const bareStarted = performance.now();
      const topic = relayTopic(STORE, 'events');
      await Promise.all(payloads.map((p) => publisher.publishAsync(topic, p, { qos: 1 })));
      const barePublishedMs = performance.now() - bareStarted;
      await bareArrived;
      await publisher.endAsync();
      // The subscriber's last PUBACKs reach the broker before it goes down for the next turn.
      await new Promise((r) => setTimeout(r, 500));
      runs.push({
        edge: edgeRate,
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
  const bare = median(runs.map((r) => r.bare));
  return [
    `Backlog: ${total} events (${Math.ceil(options.events / 2)} counter orders, placed and fired, made in ${madeSeconds.toFixed(0)} s), ${avgBytes} bytes each on average;`,
    'the edge runs a hardware profile without printers (the kitchen tickets are not printed again).',
    'Rates at a subscriber on the broker, first event to last; the edge runs with the backlog in its log',
    'while the broker is down and drains when it is back (it reconnects within a second); the bare',
    'publisher hands every payload to mqtt.js at once. Turns alternate.\n',
    '| run | edge outbox, events/s | broker back → first / last event | edge CPU s | bare mqtt.js QoS 1, msgs/s | bare: first publish → last PUBACK / last event |',
    '| --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r, i) =>
        `| ${i + 1} | ${r.edge.toFixed(0)} | ${(r.edgeFirstMs / 1000).toFixed(2)} / ${(r.edgeTotalMs / 1000).toFixed(2)} s | ${r.edgeCpuSeconds.toFixed(2)} | ${r.bare.toFixed(0)} | ${(r.barePublishedMs / 1000).toFixed(2)} / ${(r.bareTotalMs / 1000).toFixed(2)} s |`,
    ),
    '',
    `Median: edge ${edge.toFixed(0)} events/s, bare ${bare.toFixed(0)} msgs/s: ${((100 * edge) / bare).toFixed(0)} % of the bare rate (goal: at least 50 %).`,
  ];
}
