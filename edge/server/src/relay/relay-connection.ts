/**
 * The edge's one MQTT connection to the broker (mqtt.js): TLS and a per-store credential, a
 * persistent session, the retained `state` as the last will, automatic reconnects. Messages on
 * the topics the edge subscribes to are parsed by their schema in `@tillbox/core` and handed to
 * one handler per topic; the broker gets the PUBACK only when that handler is done, so a message
 * the edge had not finished with is delivered again.
 */
import { readFileSync } from 'node:fs';
import {
  EDGE_SUBSCRIBES,
  encodeRelayPayload,
  parseRelayPayload,
  parseRelayTopic,
  RELAY_TOPICS,
  relayTopic,
  TillboxError,
  type ConfigKind,
  type RelayPayload,
  type RelayPayloadInput,
  type RelayTopicName,
} from '@tillbox/core';
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import type { RelaySettings } from '../config/relay-settings.js';

/** Topics the cloud publishes to the edge. */
export type InboundTopic = 'orders/in' | 'rpc/res' | 'events/resend' | `config/${ConfigKind}`;

/** A message for the edge: its topic name and its raw bytes (read by {@link readInbound} in the handler, which answers bad ones). */
export type InboundHandler = (name: InboundTopic, payload: Buffer, retained: boolean) => Promise<void> | void;

/** The payload of a message for the edge, checked by its topic's schema; throws `too-large` or `validation`. */
export function readInbound<T extends InboundTopic>(name: T, payload: Buffer): RelayPayload<T> {
  const max = RELAY_TOPICS[name].maxBytes;
  if (payload.length > max) throw new TillboxError('too-large', `a ${name} message is at most ${max} bytes`);
  return parseRelayPayload(name, payload.toString('utf8'));
}

export interface RelayConnectionOptions {
  settings: RelaySettings;
  storeId: string;
  /** The broker URL to use (the settings' URL, or the embedded broker's). */
  url: string;
  /** The retained state the broker publishes if the edge drops (refreshed before each reconnect). */
  will: () => string;
  onMessage: InboundHandler;
  onConnect: () => void;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

/** The mqtt.js options the settings give (TLS files are read here: a missing file stops the start). */
export function clientOptions(s: RelaySettings, storeId: string, will: string): IClientOptions {
  const read = (path: string, what: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (cause) {
      throw new TillboxError('validation', `relay.tls.${what}: cannot read ${path}`, { cause });
    }
  };
  const v5 = s.protocol === '5';
  return {
    clientId: s.clientId || `tillbox-edge-${storeId}`,
    protocolVersion: v5 ? 5 : 4,
    clean: false,
    ...(v5 ? { properties: { sessionExpiryInterval: s.sessionExpirySeconds } } : {}),
    keepalive: s.keepaliveSeconds,
    reconnectPeriod: s.reconnectMs,
    // A refused CONNACK (a broker restarting, its auth backend down: 'server unavailable') would
    // otherwise stop mqtt.js reconnecting for good; keep trying every reconnectPeriod.
    reconnectOnConnackError: true,
    connectTimeout: 10_000,
    // Subscribed on every connect (below): mqtt.js's own resubscribe skips filters it believes the
    // session still holds, which a restarted broker may have lost.
    resubscribe: false,
    queueQoSZero: false,
    // Keepalive pings on their own clock (one PINGREQ per keepalive, answered or the connection is
    // dropped) instead of the timer being cleared and set again on every PUBACK: ~5 % of a drain
    // profile's CPU (docs/performance.md).
    reschedulePings: false,
    // mqtt.js traces every packet through `debug`, which costs even when off (a twentieth of a
    // drain's CPU): silent unless DEBUG names mqttjs.
    ...(/mqttjs/.test(process.env.DEBUG ?? '') ? {} : { log: () => {} }),
    ...(s.username ? { username: s.username } : {}),
    ...(s.password ? { password: s.password } : {}),
    ...(s.tls.ca ? { ca: read(s.tls.ca, 'ca') } : {}),
    ...(s.tls.cert ? { cert: read(s.tls.cert, 'cert'), key: read(s.tls.key, 'key') } : {}),
    rejectUnauthorized: s.tls.rejectUnauthorized,
    will: { topic: relayTopic(storeId, 'state'), payload: Buffer.from(will), qos: 1, retain: true },
  };
}

/** How outbox messages are published (`events` and `orders/out` are both QoS 1, not retained). */
const OUTBOX_PUBLISH = { qos: 1, retain: false } as const;

export class RelayConnection {
  #client: MqttClient | undefined;
  #topics: Partial<Record<'events' | 'orders/out', string>> = {};
  #connected = false;

  constructor(private readonly o: RelayConnectionOptions) {}

  get connected(): boolean {
    return this.#connected;
  }

  start(): void {
    if (this.#client) return;
    const { settings, storeId, log } = this.o;
    const options = clientOptions(settings, storeId, this.o.will());
    const client = mqtt.connect(this.o.url, options);
    this.#client = client;
    client.handleMessage = (packet, done) => {
      this.#dispatch(packet).then(
        () => done(),
        (err: unknown) => {
          // A handler answers its own failures; this is a bug. Acknowledge: redelivery would fail the same way.
          log.warn({ err, topic: packet.topic }, 'relay message handler failed');
          done();
        },
      );
    };
    client.on('connect', (connack) => {
      this.#connected = true;
      log.info({ url: this.o.url, sessionPresent: connack.sessionPresent }, 'relay connected to the broker');
      const topics = EDGE_SUBSCRIBES.map((name) => relayTopic(storeId, name));
      // With a session the broker already has them; subscribing again is harmless and covers a lost session.
      client.subscribe(topics, { qos: 1 }, (err) => {
        if (err) log.warn({ err }, 'relay could not subscribe');
      });
      this.o.onConnect();
    });
    client.on('reconnect', () => {
      // The will is sent with each connect: make it current.
      client.options.will = { ...options.will!, payload: Buffer.from(this.o.will()) };
    });
    client.on('close', () => {
      if (this.#connected) log.warn({ url: this.o.url }, 'relay lost the broker; reconnecting');
      this.#connected = false;
    });
    client.on('error', (err) => log.warn({ err: err.message }, 'relay connection error'));
  }

  async #dispatch(packet: IPublishPacket): Promise<void> {
    let name: RelayTopicName;
    try {
      name = parseRelayTopic(packet.topic, this.o.storeId).name;
    } catch (err) {
      this.o.log.warn(
        { topic: packet.topic, err: (err as Error).message },
        'relay ignored a message on a foreign topic',
      );
      return;
    }
    if (RELAY_TOPICS[name].from !== 'cloud') return; // the edge's own topics, echoed
    await this.o.onMessage(name as InboundTopic, packet.payload as Buffer, packet.retain);
  }

  /**
   * Publish on a topic of this store; resolves on the broker's PUBACK (QoS 1). While the broker is
   * away the message waits in the session and goes when it is back. Never await this inside a
   * message handler: the PUBACK is read after the handler returns.
   */
  publish<T extends RelayTopicName>(name: T, payload: RelayPayloadInput<T> | string | Buffer): Promise<void> {
    const client = this.#client;
    if (!client) return Promise.reject(new TillboxError('unavailable', 'the relay is stopped'));
    const spec = RELAY_TOPICS[name];
    // Text or bytes are sent as they are (the outbox's, built from the log).
    const text = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : encodeRelayPayload(name, payload);
    return new Promise((resolve, reject) => {
      client.publish(relayTopic(this.o.storeId, name), text, { qos: spec.qos, retain: spec.retain }, (err) =>
        err ? reject(err) : resolve(),
      );
    });
  }

  /**
   * Publish an outbox message (text or bytes) on `events` or `orders/out`; `done` is called on the
   * broker's PUBACK, or with the error (at once when the relay is stopped). One callback per
   * message, no promise: the outbox publishes thousands a second while it drains.
   */
  send(name: 'events' | 'orders/out', payload: string | Buffer, done: (err?: Error) => void): void {
    const client = this.#client;
    if (!client) return done(new TillboxError('unavailable', 'the relay is stopped'));
    const topic = (this.#topics[name] ??= relayTopic(this.o.storeId, name));
    // mqtt.js calls back with (error, packet); `done` takes the error alone.
    client.publish(topic, payload, OUTBOX_PUBLISH, done);
  }

  /** Disconnect; `goodbye` (the offline state) is published first when connected. */
  async stop(goodbye?: string): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    if (goodbye && this.#connected) {
      await Promise.race([
        new Promise<void>((resolve) =>
          client.publish(relayTopic(this.o.storeId, 'state'), goodbye, { qos: 1, retain: true }, () => resolve()),
        ),
        new Promise<void>((resolve) => setTimeout(resolve, 1000).unref()),
      ]);
    }
    this.#connected = false;
    // Forced: messages still waiting for a PUBACK are not waited for (the cursor has not passed them).
    await new Promise<void>((resolve) => client.end(true, {}, () => resolve()));
  }
}
