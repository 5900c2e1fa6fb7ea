/**
 * The relay's MQTT connection (mqtt.js, MQTT 5). Topics every instance shares the work of
 * (events, order answers, configuration acks, requests) are MQTT 5 shared subscriptions
 * (`$share/{group}/tillbox/v1/stores/+/...`): the broker gives each message to one instance.
 * `state` is an ordinary subscription on every instance, because brokers do not hand retained
 * messages to shared subscriptions.
 *
 * Each message is parsed by its topic's schema from `@tillbox/core` and handed to its handler
 * with an `ack`; the PUBACK goes to the broker only when the handler calls it (after its database
 * commit), while further messages keep flowing (up to `receiveMaximum` in flight), so the ingest
 * can write them in batches. An ack for a connection that has since dropped is not sent: the
 * broker delivers the message again and it is applied once. A message that cannot be read is
 * logged (never its content) and acknowledged, so it is not delivered forever.
 *
 * The link keeps `receiveMaximum` itself: with that many messages unacknowledged it reads nothing
 * more from the connection until an ack makes room (mqtt.js takes its next packet only when
 * `handleMessage`'s callback is called; TCP holds the rest back). MQTT 5 says the broker stops
 * there, but Mosquitto 2.0.11 does not once PUBACKs flow: in the ingest bench it handed one
 * instance all 20,000 events of a burst at once, which after an outage of hours would be every
 * event queued for the instance, in its memory.
 */
import { readFileSync } from 'node:fs';
import {
  encodeRelayPayload,
  parseRelayPayload,
  parseRelayTopic,
  RELAY_TOPIC_NAMES,
  RELAY_TOPICS,
  relayTopic,
  relayTopicFilter,
  TillboxError,
  type RelayPayload,
  type RelayPayloadInput,
  type RelayTopicName,
} from '@tillbox/core';
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { Settings } from '../settings/settings.js';

/** The topics the edge publishes, which the cloud reads. */
export type CloudTopic = {
  [K in RelayTopicName]: (typeof RELAY_TOPICS)[K]['from'] extends 'edge' ? K : never;
}[RelayTopicName];
export const CLOUD_SUBSCRIBES = RELAY_TOPIC_NAMES.filter((t): t is CloudTopic => RELAY_TOPICS[t].from === 'edge');
/** Topics every instance reads whole (retained ones). */
const UNSHARED: ReadonlySet<RelayTopicName> = new Set(['state']);

export interface Incoming<T extends CloudTopic> {
  storeId: string;
  payload: RelayPayload<T>;
  retained: boolean;
  /** Send the PUBACK: call it once the message's work is committed. */
  ack: () => void;
}

export type Handlers = { [T in CloudTopic]: (message: Incoming<T>) => void };

/**
 * What the relay hands mqtt.js's `done` for a QoS 1 message so that mqtt.js does not send the
 * PUBACK itself (#dispatch's ack sends it after the commit). mqtt.js only tests it for truth, so
 * one is made here: a new Error per message captured a stack trace each time, a tenth of an
 * instance's CPU while it ingested a backlog.
 */
const ACK_AFTER_COMMIT = new Error('acknowledged after commit');

/** The private mqtt.js method that writes a packet; the public API sends PUBACK only before the handler returns. */
interface PacketWriter {
  _sendPacket(packet: { cmd: 'puback'; messageId: number; reasonCode?: number }, cb?: () => void): void;
}

/** The options of the relay's client from its settings (TLS files are read here: a missing one stops the start). */
export function clientOptions(s: Settings['mqtt'], instanceId: string): IClientOptions {
  const read = (path: string, key: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (cause) {
      throw new TillboxError('validation', `mqtt.${key}: cannot read ${path}`, { cause });
    }
  };
  const v5 = s.protocolVersion === 5;
  return {
    clientId: `tillbox-cloud-relay-${instanceId}`,
    protocolVersion: s.protocolVersion,
    clean: false,
    ...(v5 ? { properties: { sessionExpiryInterval: 3600, receiveMaximum: s.receiveMaximum } } : {}),
    keepalive: s.keepaliveSeconds,
    reconnectPeriod: 1000,
    // A refused CONNACK (a broker restarting, its auth backend down: 'server unavailable') would
    // otherwise stop mqtt.js reconnecting for good; keep trying every reconnectPeriod.
    reconnectOnConnackError: true,
    connectTimeout: 10_000,
    // Subscribed by start() on every connect. mqtt.js's own resubscribe skips filters it believes
    // the session still holds, but Mosquitto 2.0 restores a session without its shared
    // subscriptions after a restart: events would stop flowing until the relay restarted.
    resubscribe: false,
    queueQoSZero: false,
    // mqtt.js traces every packet through `debug`, which costs even when off (a twentieth of a
    // drain's CPU): silent unless DEBUG names mqttjs.
    ...(/mqttjs/.test(process.env.DEBUG ?? '') ? {} : { log: () => {} }),
    ...(s.username ? { username: s.username } : {}),
    ...(s.password ? { password: s.password } : {}),
    ...(s.caFile ? { ca: read(s.caFile, 'caFile') } : {}),
    ...(s.certFile ? { cert: read(s.certFile, 'certFile'), key: read(s.keyFile, 'keyFile') } : {}),
  };
}

/** The subscription filter of a topic for these settings: shared unless it is read whole or no group is set. */
export function filterOf(name: CloudTopic, s: Settings['mqtt']): string {
  const shared = s.protocolVersion === 5 && s.shareGroup !== '' && !UNSHARED.has(name);
  return relayTopicFilter(name, shared ? { share: s.shareGroup } : {});
}

export class MqttLink {
  #client: MqttClient | undefined;
  /** Grows with each connection: an ack made for an older one is dropped. */
  #generation = 0;
  #connected = false;
  #ready: Promise<void> | undefined;
  /** QoS 1 messages of this connection handed to a handler and not yet acknowledged. */
  #unacked = 0;
  /** mqtt.js's callback for the message that filled the window: called when an ack makes room. */
  #held: (() => void) | undefined;

  constructor(
    private readonly o: {
      settings: Settings['mqtt'];
      instanceId: string;
      handlers: Handlers;
      log: Logger;
    },
  ) {}

  get connected(): boolean {
    return this.#connected;
  }

  /** QoS 1 messages of this connection waiting for their handler's ack (at most `receiveMaximum`). */
  get unacknowledged(): number {
    return this.#unacked;
  }

  /** Connects and subscribes; resolves once subscribed the first time (reconnects follow by themselves). */
  start(): Promise<void> {
    if (this.#ready) return this.#ready;
    const { settings, log } = this.o;
    const client = mqtt.connect(settings.url, clientOptions(settings, this.o.instanceId));
    this.#client = client;
    client.handleMessage = (packet, done) => {
      this.#dispatch(packet);
      // An error here stops mqtt.js from sending the PUBACK itself; #dispatch's ack sends it.
      const next = (): void => done(packet.qos > 0 ? ACK_AFTER_COMMIT : undefined);
      if (this.#unacked >= settings.receiveMaximum) this.#held = next;
      else next();
    };
    client.on('close', () => {
      if (this.#connected) log.warn({ url: settings.url }, 'lost the broker; reconnecting');
      this.#connected = false;
      this.#generation++;
      // mqtt.js drops what the old connection had parsed; the broker delivers the unacknowledged again.
      this.#unacked = 0;
      this.#held = undefined;
    });
    let lastError = '';
    client.on('error', (err) => {
      // Once per distinct error: a broker that stays away is not logged every second.
      if (err.message === lastError) return;
      lastError = err.message;
      const code = (err as { code?: unknown }).code;
      if (settings.protocolVersion === 5 && (code === 1 || code === 132))
        log.error(
          { err: err.message },
          'the broker does not speak MQTT 5 (the demo’s embedded broker speaks 3.1.1): set TILLBOX_CLOUD_MQTT_PROTOCOL_VERSION=4, and run one instance (without shared subscriptions each gets everything)',
        );
      else log.warn({ err: err.message }, 'MQTT connection error');
    });
    this.#ready = new Promise((resolve) => {
      client.on('connect', (connack) => {
        lastError = '';
        this.#generation++;
        this.#connected = true;
        const filters = CLOUD_SUBSCRIBES.map((name) => filterOf(name, settings));
        log.info({ url: settings.url, sessionPresent: connack.sessionPresent, filters }, 'connected to the broker');
        client.subscribe(filters, { qos: 1 }, (err) => {
          if (err) log.error({ err }, 'could not subscribe');
          else resolve();
        });
      });
    });
    return this.#ready;
  }

  #dispatch(packet: IPublishPacket): void {
    const generation = this.#generation;
    const { messageId, qos } = packet;
    let acked = false;
    const ack = (): void => {
      if (acked || qos === 0 || messageId === undefined) return;
      acked = true;
      const client = this.#client;
      if (!client || generation !== this.#generation || !this.#connected) return;
      (client as unknown as PacketWriter)._sendPacket({ cmd: 'puback', messageId });
      this.#unacked--;
      const held = this.#held;
      if (held && this.#unacked < this.o.settings.receiveMaximum) {
        this.#held = undefined;
        held();
      }
    };
    if (qos > 0 && messageId !== undefined) this.#unacked++;
    let storeId: string;
    let name: RelayTopicName;
    try {
      ({ storeId, name } = parseRelayTopic(packet.topic));
      if (RELAY_TOPICS[name].from !== 'edge') throw new TillboxError('validation', 'a topic the cloud publishes');
    } catch (err) {
      this.o.log.warn({ topic: packet.topic.slice(0, 200), reason: (err as Error).message }, 'message ignored');
      ack();
      return;
    }
    const topic = name as CloudTopic;
    const payload = packet.payload as Buffer;
    let parsed: RelayPayload<CloudTopic>;
    try {
      if (payload.length > RELAY_TOPICS[topic].maxBytes)
        throw new TillboxError('too-large', `a ${topic} message is at most ${RELAY_TOPICS[topic].maxBytes} bytes`);
      parsed = parseRelayPayload(topic, payload.toString('utf8'));
      if (topic === 'events' && (parsed as RelayPayload<'events'>).storeId !== storeId)
        throw new TillboxError('forbidden', `an event of store "${(parsed as RelayPayload<'events'>).storeId}"`);
    } catch (err) {
      this.o.log.warn({ storeId, topic, bytes: payload.length, reason: (err as Error).message }, 'message refused');
      ack();
      return;
    }
    const handler = this.o.handlers[topic] as (m: Incoming<CloudTopic>) => void;
    try {
      handler({ storeId, payload: parsed, retained: packet.retain, ack });
    } catch (err) {
      this.o.log.error({ err, storeId, topic }, 'message handler failed');
    }
  }

  /** Publish to a store; resolves on the broker's PUBACK. Refused at once while the broker is away. */
  publish<T extends RelayTopicName>(storeId: string, name: T, payload: RelayPayloadInput<T>): Promise<void> {
    const client = this.#client;
    if (!client || !this.#connected)
      return Promise.reject(new TillboxError('unavailable', 'the cloud relay is not connected to the broker'));
    const spec = RELAY_TOPICS[name];
    const text = encodeRelayPayload(name, payload);
    return new Promise((resolve, reject) => {
      client.publish(relayTopic(storeId, name), text, { qos: spec.qos, retain: spec.retain }, (err) =>
        err ? reject(new TillboxError('unavailable', `publishing to the broker failed: ${err.message}`)) : resolve(),
      );
    });
  }

  async stop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#ready = undefined;
    this.#connected = false;
    this.#generation++;
    if (client) await new Promise<void>((resolve) => client.end(false, {}, () => resolve()));
  }
}
