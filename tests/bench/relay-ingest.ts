/**
 * Cloud ingest with one and with two cloud relay instances (the built relay as processes, on the
 * deployed Mosquitto and on PostgreSQL with its default durability). Once the relays are up and
 * subscribed, twenty stores publish their events as fast as the broker takes them (faster than
 * the relays write them: the rest waits in the relays' sessions); the rate is events written per
 * second, from the first batch written to the last.
 */
import { performance } from 'node:perf_hooks';
import { encodeRelayPayload, relayTopic } from '@tillbox/core';
import { orderLife } from '../../cloud-relay/src/testing/store-events.js';
import type { Certs } from '../integration/support/certs.js';
import { startCloudRelay, type CloudRelayProcess } from '../integration/support/cloud-relay-process.js';
import type { Mosquitto } from '../integration/support/mosquitto.js';
import type { PostgresServer } from '../integration/support/postgres.js';
import { connectAs } from '../integration/support/store-client.js';
import { availableParallelism } from 'node:os';
import { cpuSeconds, machineCpu, profileArgs } from './process-cpu.js';

export const INGEST_STORES = Array.from({ length: 20 }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);

interface IngestRun {
  instances: number;
  events: number;
  rate: number;
  seconds: number;
  /** The store clients' first publish → their last PUBACK from the broker (whether the load, not the relays, set the pace). */
  publishSeconds: number;
  shares: number[];
  /** CPU seconds the relay processes used, publish → last event written (all instances). */
  cpuSeconds: number;
  /** Cores the whole machine kept busy from the first event written to the last (relays, PostgreSQL, broker, bench). */
  coresBusy: number;
}

/** Each store's events as the edge publishes them (made once: pricing the orders is not what is measured). */
function storePayloads(perStore: number): Map<string, string[]> {
  return new Map(
    INGEST_STORES.map((store) => [
      store,
      Array.from({ length: Math.ceil(perStore / 5) }, (_, i) => orderLife(store, i * 5 + 1, undefined, i + 1))
        .flat()
        .slice(0, perStore)
        .map((e) => encodeRelayPayload('events', e)),
    ]),
  );
}

/** Connects every store, then publishes all their events at once (QoS 1, 500 in flight per store). */
async function publishAll(
  broker: Mosquitto,
  certs: Certs,
  payloads: Map<string, string[]>,
): Promise<() => Promise<void>> {
  const clients = await Promise.all(
    [...payloads.keys()].map(async (store) => ({
      store,
      client: await connectAs(broker.url, certs, store, { clean: true }),
    })),
  );
  return async () => {
    await Promise.all(
      clients.map(async ({ store, client }) => {
        const topic = relayTopic(store, 'events');
        const list = payloads.get(store) ?? [];
        for (let i = 0; i < list.length; i += 500)
          await Promise.all(list.slice(i, i + 500).map((p) => client.publishAsync(topic, p, { qos: 1 })));
        await client.endAsync();
      }),
    );
  };
}

async function oneRun(
  o: { broker: Mosquitto; certs: Certs; postgres: PostgresServer; payloads: Map<string, string[]> },
  instances: number,
  round: number,
): Promise<IngestRun> {
  const databaseUrl = await o.postgres.createDatabase(`ingest_${instances}_${round}_${Date.now().toString(36)}`);
  const env = { TILLBOX_CLOUD_MQTT_SHARE_GROUP: `bench-${instances}-${round}-${Date.now().toString(36)}` };
  const ids = Array.from({ length: instances }, (_, i) => `ingest-${instances}-${round}-${i + 1}`);
  const start = (): Promise<CloudRelayProcess[]> =>
    Promise.all(
      ids.map((instanceId) =>
        startCloudRelay({
          instanceId,
          brokerUrl: o.broker.url,
          certs: o.certs,
          databaseUrl,
          env,
          nodeArgs: profileArgs(`ingest-${instances}`),
        }),
      ),
    );
  const relays = await start();
  try {
    const publish = await publishAll(o.broker, o.certs, o.payloads);
    const cpu = (): number => relays.reduce((n, r) => n + cpuSeconds(r.child.pid), 0);
    const cpuAtStart = cpu();
    const publishStarted = performance.now();
    let publishSeconds = NaN;
    const published = publish().then(() => {
      publishSeconds = (performance.now() - publishStarted) / 1000;
    });
    const events = [...o.payloads.values()].reduce((n, list) => n + list.length, 0);
    let first = 0;
    let machineAtFirst = machineCpu();
    let inserted: number[] = [];
    const deadline = performance.now() + 600_000;
    for (;;) {
      inserted = (await Promise.all(relays.map((r) => r.health()))).map((h) => h.ingest.inserted);
      const sum = inserted.reduce((a, b) => a + b, 0);
      if (sum > 0 && first === 0) {
        first = performance.now();
        machineAtFirst = machineCpu();
      }
      if (sum >= events) break;
      if (performance.now() > deadline) throw new Error(`ingest stalled at ${sum} of ${events}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - first) / 1000;
    const cpuSecondsUsed = cpu() - cpuAtStart;
    const machine = machineCpu();
    const coresBusy =
      ((machine.busy - machineAtFirst.busy) / (machine.total - machineAtFirst.total)) * availableParallelism();
    await published;
    return {
      instances,
      events,
      rate: events / seconds,
      seconds,
      publishSeconds,
      shares: inserted,
      cpuSeconds: cpuSecondsUsed,
      coresBusy,
    };
  } finally {
    await Promise.all(relays.map((r) => r.stop()));
  }
}

export async function benchIngest(options: {
  broker: Mosquitto;
  certs: Certs;
  postgres: PostgresServer;
  events: number;
  runs: number;
}): Promise<string[]> {
  const perStore = Math.ceil(options.events / INGEST_STORES.length);
  const payloads = storePayloads(perStore);
  const runs: IngestRun[] = [];
  for (let round = 1; round <= options.runs; round++) {
    for (const instances of [1, 2]) runs.push(await oneRun({ ...options, payloads }, instances, round));
  }
  /** The median of a figure over the runs with `n` instances. */
  const median = (n: number, figure: (r: IngestRun) => number): number => {
    const xs = runs.filter((r) => r.instances === n).map(figure);
    return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  };
  const [one, two] = [median(1, (r) => r.rate), median(2, (r) => r.rate)];
  const cores = availableParallelism();
  const oneBusy = median(1, (r) => r.coresBusy);
  return [
    `${INGEST_STORES.length} stores × ${perStore} events (kiosk orders' lives: placed, paid, fired, ready,`,
    'picked up) published at once to relays already subscribed, written by the built relay processes',
    '(batches of up to 500, at most 1,000 unacknowledged per instance: `mqtt.receiveMaximum`) into PostgreSQL (fsync on). Turns alternate.\n',
    `| run | instances | events | seconds | events/s | written by each | relay CPU s | stores publishing s | machine busy, cores of ${cores} |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r, i) =>
        `| ${Math.floor(i / 2) + 1} | ${r.instances} | ${r.events} | ${r.seconds.toFixed(2)} | ${r.rate.toFixed(0)} | ${r.shares.join(' / ')} | ${r.cpuSeconds.toFixed(2)} | ${r.publishSeconds.toFixed(2)} | ${r.coresBusy.toFixed(2)} |`,
    ),
    '',
    `Median: one instance ${one.toFixed(0)} events/s, two ${two.toFixed(0)} events/s: ${(two / one).toFixed(2)}× (goal: at least 1.7×).`,
    `One instance kept a median ${oneBusy.toFixed(2)} of this machine's ${cores} cores busy (the relay, PostgreSQL, the broker, the`,
    `store clients): with everything on these cores, two instances can be at most ${(cores / oneBusy).toFixed(2)}× as fast,`,
    'and only if they cost nothing more per event than one and keep every core busy.',
  ];
}
