/**
 * Test harness: aedes in process on 127.0.0.1 as the broker (MQTT 3.1.1: no shared
 * subscriptions, so every instance receives everything), cloud relays on an in-memory PGlite,
 * and a fake store box that speaks the real topics and payloads of `@tillbox/core`.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import {
  encodeRelayPayload,
  parseRelayPayload,
  parseRelayTopic,
  relayTopic,
  type RelayPayload,
  type RelayPayloadInput,
  type RelayTopicName,
} from '@tillbox/core';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { CloudRelay } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { loadSettings } from '../settings/settings.js';

export interface TestBroker {
  url: string;
  /** Drops a client's connection (as a network drop does); it reconnects by itself. */
  drop(clientId: string): void;
  stop(): Promise<void>;
}

export async function startBroker(): Promise<TestBroker> {
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    drop: (clientId) => {
      // aedes keeps connected clients by id; not in its typings.
      const clients = (broker as unknown as { clients: Record<string, { close(): void } | undefined> }).clients;
      clients[clientId]?.close();
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
    },
  };
}

export const memoryDatabase = (): Promise<Database> => openDatabase({ url: '', pgliteDir: 'memory://', poolSize: 1 });

/** A cloud relay on the test broker (MQTT 3.1.1, unshared), an HTTP port of its own, quiet logs. */
export async function startRelay(
  brokerUrl: string,
  options: { database?: Database; overrides?: Record<string, unknown>; instanceId?: string; now?: () => Date } = {},
): Promise<CloudRelay> {
  const settings = loadSettings({
    env: {},
    overrides: {
      instanceId: options.instanceId ?? 'test-1',
      'mqtt.url': brokerUrl,
      'mqtt.protocolVersion': 4,
      'mqtt.shareGroup': '',
      'database.pgliteDir': 'memory://',
      'http.port': 0,
      'ingest.batchDelayMs': 2,
      'orders.answerTimeoutMs': 3000,
      ...options.overrides,
    },
  });
  const relay = new CloudRelay(settings, {
    log: pino({ level: 'silent' }),
    ...(options.database ? { database: options.database } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await relay.start();
  return relay;
}

type Received = { [T in RelayTopicName]?: RelayPayload<T>[] };

/** A store box: publishes the edge's topics and reads the cloud's, parsed by the core's schemas. */
export class FakeStore {
  readonly received: Received = {};
  #client: MqttClient | undefined;
  /** How it answers an order from the cloud (none: it does not answer). */
  onOrder: ((order: RelayPayload<'orders/in'>) => RelayPayloadInput<'orders/out'> | undefined) | undefined;

  constructor(
    readonly storeId: string,
    private readonly url: string,
  ) {}

  async connect(): Promise<void> {
    const client = await mqtt.connectAsync(this.url, {
      clientId: `store-${this.storeId}-${Math.random().toString(36).slice(2, 8)}`,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 0,
    });
    this.#client = client;
    client.on('message', (topic, payload) => {
      const { name } = parseRelayTopic(topic, this.storeId);
      const parsed = parseRelayPayload(name, payload.toString('utf8'));
      ((this.received[name] ??= []) as unknown[]).push(parsed);
      if (name === 'orders/in' && this.onOrder) {
        const answer = this.onOrder(parsed as RelayPayload<'orders/in'>);
        if (answer) void this.publish('orders/out', answer);
      }
    });
    await client.subscribeAsync(
      [
        'orders/in',
        'config/catalog',
        'config/promotions',
        'config/tax',
        'config/loyalty',
        'config/stations',
        'rpc/res',
        'events/resend',
      ].map((n) => relayTopic(this.storeId, n as RelayTopicName)),
      { qos: 1 },
    );
  }

  async publish<T extends RelayTopicName>(name: T, payload: RelayPayloadInput<T>, retain = false): Promise<void> {
    await this.#client?.publishAsync(relayTopic(this.storeId, name), encodeRelayPayload(name, payload), {
      qos: 1,
      retain,
    });
  }

  /** Its retained state (what the edge publishes on connect, or its last will); `relayedSeq`: what the broker acknowledged. */
  async state(online: boolean, config: RelayPayloadInput<'state'>['config'] = {}, relayedSeq = 0): Promise<void> {
    await this.publish(
      'state',
      {
        online,
        version: '0.1.0',
        headSeq: relayedSeq,
        relayedSeq,
        backlog: 0,
        config,
        at: new Date().toISOString(),
      },
      true,
    );
  }

  async close(): Promise<void> {
    await this.#client?.endAsync(true);
  }
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
