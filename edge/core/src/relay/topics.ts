/**
 * The MQTT topic tree between a store box and the cloud relay, and the one map of topic →
 * payload schema. Every topic is `tillbox/v1/stores/{storeId}/{name}`; topics are built and read
 * only by these functions. docs/mqtt.md is the reader's version of this file.
 */
import type { z } from 'zod';
import { TillboxError } from '../errors.js';
import { jsonDepthError } from '../wire/json-depth.js';
import {
  configAckSchema,
  configSchemas,
  eventsResendSchema,
  inboundOrderSchema,
  orderAnswerSchema,
  relayEventSchema,
  relayStateSchema,
  rpcRequestSchema,
  rpcResponseSchema,
} from './payloads.js';

export const RELAY_TOPIC_ROOT = 'tillbox/v1/stores';

/** A store id as it may stand in a topic (the store settings' rule): no `/`, `+` or `#`. */
export const RELAY_STORE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

const KIB = 1024;

/**
 * Every topic under a store: who publishes it, its QoS, whether the broker retains it, the most
 * bytes a payload may have, and its payload schema.
 */
export const RELAY_TOPICS = {
  events: { from: 'edge', qos: 1, retain: false, maxBytes: 256 * KIB, schema: relayEventSchema },
  'events/resend': { from: 'cloud', qos: 1, retain: false, maxBytes: 4 * KIB, schema: eventsResendSchema },
  state: { from: 'edge', qos: 1, retain: true, maxBytes: 4 * KIB, schema: relayStateSchema },
  'orders/in': { from: 'cloud', qos: 1, retain: false, maxBytes: 256 * KIB, schema: inboundOrderSchema },
  'orders/out': { from: 'edge', qos: 1, retain: false, maxBytes: 64 * KIB, schema: orderAnswerSchema },
  'config/catalog': { from: 'cloud', qos: 1, retain: true, maxBytes: 8192 * KIB, schema: configSchemas.catalog },
  'config/promotions': {
    from: 'cloud',
    qos: 1,
    retain: true,
    maxBytes: 4096 * KIB,
    schema: configSchemas.promotions,
  },
  'config/tax': { from: 'cloud', qos: 1, retain: true, maxBytes: 1024 * KIB, schema: configSchemas.tax },
  'config/loyalty': { from: 'cloud', qos: 1, retain: true, maxBytes: 1024 * KIB, schema: configSchemas.loyalty },
  'config/stations': { from: 'cloud', qos: 1, retain: true, maxBytes: 1024 * KIB, schema: configSchemas.stations },
  'config/ack': { from: 'edge', qos: 1, retain: false, maxBytes: 64 * KIB, schema: configAckSchema },
  'rpc/req': { from: 'edge', qos: 1, retain: false, maxBytes: 64 * KIB, schema: rpcRequestSchema },
  // A page of the store's own log (`events.since`) may hold an event of up to 256 KiB.
  'rpc/res': { from: 'cloud', qos: 1, retain: false, maxBytes: 1024 * KIB, schema: rpcResponseSchema },
} as const satisfies Record<
  string,
  { from: 'edge' | 'cloud'; qos: 0 | 1; retain: boolean; maxBytes: number; schema: z.ZodType }
>;

export type RelayTopicName = keyof typeof RELAY_TOPICS;
export const RELAY_TOPIC_NAMES = Object.keys(RELAY_TOPICS) as RelayTopicName[];
/** The payload a topic carries, as its schema gives it after parsing. */
export type RelayPayload<T extends RelayTopicName> = z.infer<(typeof RELAY_TOPICS)[T]['schema']>;
/** The payload a topic carries, as a publisher may write it (defaults left out). */
export type RelayPayloadInput<T extends RelayTopicName> = z.input<(typeof RELAY_TOPICS)[T]['schema']>;

/** Topics the edge publishes and the ones it subscribes to. */
export const EDGE_PUBLISHES = RELAY_TOPIC_NAMES.filter((t) => RELAY_TOPICS[t].from === 'edge');
export const EDGE_SUBSCRIBES = RELAY_TOPIC_NAMES.filter((t) => RELAY_TOPICS[t].from === 'cloud');

export function isRelayTopicName(name: string): name is RelayTopicName {
  return Object.prototype.hasOwnProperty.call(RELAY_TOPICS, name);
}

function assertStoreId(storeId: string): void {
  if (!RELAY_STORE_ID.test(storeId))
    throw new TillboxError('validation', `"${storeId}" cannot be a store id in a topic`, {
      details: [{ path: 'storeId', message: 'lowercase letters, digits and dashes, at most 63' }],
    });
}

/** `tillbox/v1/stores/{storeId}/{name}`. */
export function relayTopic(storeId: string, name: RelayTopicName): string {
  assertStoreId(storeId);
  return `${RELAY_TOPIC_ROOT}/${storeId}/${name}`;
}

/**
 * A subscription filter for one topic name: of one store, or of every store (`storeId` left out:
 * `+`), optionally as an MQTT 5 shared subscription (`$share/{group}/...`) so several cloud relays
 * share the work.
 */
export function relayTopicFilter(name: RelayTopicName, options: { storeId?: string; share?: string } = {}): string {
  if (options.storeId !== undefined) assertStoreId(options.storeId);
  const filter = `${RELAY_TOPIC_ROOT}/${options.storeId ?? '+'}/${name}`;
  if (options.share === undefined) return filter;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.share))
    throw new TillboxError('validation', `"${options.share}" cannot be a shared subscription group`);
  return `$share/${options.share}/${filter}`;
}

/**
 * The store and topic name of a topic string. Throws `validation` for a topic outside the tree,
 * and `forbidden` when `expectedStoreId` is given and the topic is another store's.
 */
export function parseRelayTopic(topic: string, expectedStoreId?: string): { storeId: string; name: RelayTopicName } {
  const prefix = `${RELAY_TOPIC_ROOT}/`;
  const unknown = (): TillboxError => new TillboxError('validation', `"${topic.slice(0, 200)}" is not a Tillbox topic`);
  if (!topic.startsWith(prefix)) throw unknown();
  const rest = topic.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) throw unknown();
  const storeId = rest.slice(0, slash);
  const name = rest.slice(slash + 1);
  if (!RELAY_STORE_ID.test(storeId) || !isRelayTopicName(name)) throw unknown();
  if (expectedStoreId !== undefined && storeId !== expectedStoreId)
    throw new TillboxError('forbidden', `topic "${topic}" belongs to store "${storeId}", not "${expectedStoreId}"`);
  return { storeId, name };
}

/**
 * Parse a payload of a topic: bounded in size and depth, JSON, then its schema. Throws
 * `too-large` or `validation` with each problem's path; the message is not used.
 */
export function parseRelayPayload<T extends RelayTopicName>(name: T, payload: string): RelayPayload<T> {
  const spec = RELAY_TOPICS[name];
  // A character is at least one byte in UTF-8: a longer string is surely too large.
  if (payload.length > spec.maxBytes)
    throw new TillboxError('too-large', `a ${name} message is at most ${spec.maxBytes} bytes`);
  const deep = jsonDepthError(payload);
  if (deep) throw new TillboxError('validation', deep);
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new TillboxError('validation', `a ${name} message must be JSON`);
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new TillboxError('validation', `a ${name} message is not valid: ${where}${first?.message ?? 'invalid'}`, {
      details: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data as RelayPayload<T>;
}

/** The text of a payload, checked against its topic's schema first (a bug, not input, if it fails). */
export function encodeRelayPayload<T extends RelayTopicName>(name: T, payload: RelayPayloadInput<T>): string {
  const parsed = RELAY_TOPICS[name].schema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TillboxError(
      'internal',
      `a ${name} message does not match its schema: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
    );
  }
  return JSON.stringify(parsed.data);
}
