/**
 * A real MQTT broker for the fast tests: aedes in this process on a free 127.0.0.1 port, which can
 * go down and come back on the same port, hold the PUBACKs of chosen messages (as a slow or
 * stalled broker would) and turn clients away until a test lets them in. And a stand-in for the
 * cloud relay: a subscriber that keeps every message of a store, by topic name.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { parseRelayTopic, relayTopic, relayTopicFilter, RELAY_TOPIC_NAMES, type RelayTopicName } from '@tillbox/core';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';

export interface HeldPublish {
  topic: string;
  payload: string;
  release: () => void;
}

export class TestBroker {
  port = 0;
  #broker: Aedes | undefined;
  #server: Server | undefined;
  /** Messages whose PUBACK waits until released; `hold` decides which. */
  held: HeldPublish[] = [];
  hold: (topic: string, payload: string) => boolean = () => false;
  /** Clients that may connect (all unless set). */
  admit: (clientId: string) => boolean = () => true;

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const broker = await Aedes.createBroker({
      authenticate: (client, _user, _password, done) => {
        if (this.admit(client.id)) done(null, true);
        else done(Object.assign(new Error('not yet'), { returnCode: 3 as const }), false);
      },
      authorizePublish: (_client, packet, callback) => {
        const payload = packet.payload.toString();
        if (!this.hold(packet.topic, payload)) return callback(null);
        this.held.push({ topic: packet.topic, payload, release: () => callback(null) });
      },
    });
    const server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#broker = broker;
    this.#server = server;
    return this;
  }

  /** Down: every connection dropped, nothing retained or queued survives (an in-memory broker). */
  async stop(): Promise<void> {
    const [broker, server] = [this.#broker, this.#server];
    this.#broker = undefined;
    this.#server = undefined;
    this.held = [];
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  releaseHeld(): void {
    for (const h of this.held.splice(0)) h.release();
  }
}

export interface CloudMessage {
  name: RelayTopicName;
  text: string;
  json: unknown;
}

/** The cloud's side for tests: subscribed to every topic of the store, publishing as the cloud does. */
export class TestCloud {
  readonly messages: CloudMessage[] = [];
  private constructor(
    private readonly client: MqttClient,
    readonly storeId: string,
  ) {}

  static async connect(url: string, storeId: string, clientId = `test-cloud-${Math.random()}`): Promise<TestCloud> {
    const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 4, clean: true, reconnectPeriod: 0 });
    const cloud = new TestCloud(client, storeId);
    client.on('message', (topic, payload) => {
      const { name } = parseRelayTopic(topic, storeId);
      const text = payload.toString();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined; // a broken message the test itself sent on purpose
      }
      cloud.messages.push({ name, text, json });
    });
    await client.subscribeAsync(
      RELAY_TOPIC_NAMES.map((name) => relayTopicFilter(name, { storeId })),
      { qos: 1 },
    );
    return cloud;
  }

  of<T = Record<string, unknown>>(name: RelayTopicName): T[] {
    return this.messages.filter((m) => m.name === name).map((m) => m.json as T);
  }

  async publish(name: RelayTopicName, payload: unknown, options: { retain?: boolean } = {}): Promise<void> {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    await this.client.publishAsync(relayTopic(this.storeId, name), text, { qos: 1, retain: options.retain ?? false });
  }

  /** Answer every request on `rpc/req` with `answer(request)` (or what it resolves to). */
  respond(answer: (request: { id: string; method: string; params: unknown }) => unknown): void {
    this.client.on('message', (topic, payload) => {
      if (parseRelayTopic(topic, this.storeId).name !== 'rpc/req') return;
      const request = JSON.parse(payload.toString()) as { id: string; method: string; params: unknown };
      void Promise.resolve(answer(request)).then((response) => this.publish('rpc/res', response));
    });
  }

  async end(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** Wait until `check` holds (polling), or fail naming what was awaited. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
