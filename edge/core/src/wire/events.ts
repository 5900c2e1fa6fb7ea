/** Events of the store's log and the stream protocol that carries them to the screens. */
import { z } from 'zod';
import { actorSchema } from '../auth/actors.js';
import type { Permission } from '../auth/permissions.js';
import type { Scan } from '../devices/scan.js';
import { orderViewSchema } from './api.js';
import type { StreamDisplayFrame } from './display.js';

/**
 * An event as the log stores it. `data` is the payload of `type` at `version` in the event
 * catalogue (`EVENT_CATALOGUE`): a domain fact, not a view.
 */
export const storeEventSchema = z.object({
  seq: z.int().min(1),
  id: z.string(),
  type: z.string(),
  version: z.int().min(1).describe("The version of the type's payload schema in the event catalogue"),
  subject: z.string().describe('The id of the thing the event is about'),
  actor: actorSchema.describe('Who did it (a manager override also names the approver)'),
  device: z.string().nullable().describe('The paired device it came from; null for the edge itself'),
  data: z.unknown(),
  at: z.string().describe('ISO 8601 time of the command'),
});
export type StoreEvent = z.infer<typeof storeEventSchema>;

/**
 * Topics a stream client can subscribe to: the noun before the dot of an event type; `scanner` has
 * no events in the log: it carries `scan` frames, the codes the store box's scanners read, live
 * only and only to the screens their profile pairs them with; `display` has none either: it
 * carries `display` frames, what a counter shows its guest, only to the customer displays linked
 * to that counter (`wire/display.ts`).
 */
export const STREAM_TOPICS = ['order', 'ticket', 'stock', 'scanner', 'display'] as const;
export type StreamTopic = (typeof STREAM_TOPICS)[number];

/** The permission a screen needs to subscribe to each topic (checked with `authorize`). */
export const STREAM_TOPIC_PERMISSIONS: Readonly<Record<StreamTopic, Permission>> = {
  order: 'stream.order',
  ticket: 'stream.ticket',
  stock: 'stream.stock',
  scanner: 'stream.scanner',
  display: 'stream.display',
};

export function topicOf(eventType: string): string {
  const dot = eventType.indexOf('.');
  return dot === -1 ? eventType : eventType.slice(0, dot);
}

/** Client → edge. */
export const streamClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    topics: z.array(z.enum(STREAM_TOPICS)).min(1).max(STREAM_TOPICS.length),
    since: z.int().min(0).describe('The last seq the client has seen; 0 for none'),
  }),
  z.object({ type: z.literal('ping'), at: z.number().optional() }),
]);
export type StreamClientMessage = z.infer<typeof streamClientMessageSchema>;

/**
 * An event as the stream carries it: the event (a domain fact) and, on the last event about an
 * order of its topic in a committed batch (or a replayed page), the order as it is after the
 * batch, so a screen can show it without replaying the facts itself; it may be newer than the
 * event. An earlier event about the same order in that batch comes without it: the view follows in
 * the same batch, so a screen applies the event and waits for it.
 */
export const streamEventFrameSchema = z.object({
  type: z.literal('event'),
  event: storeEventSchema,
  order: orderViewSchema
    .optional()
    .describe("The view of the event's subject when it is an order, on the batch's last event about it of its topic"),
});
export type StreamEventFrame = z.infer<typeof streamEventFrameSchema>;

/** Edge → client. */
export type StreamServerMessage =
  | { type: 'hello'; head: number; storeId: string; heartbeatMs: number }
  | { type: 'subscribed'; topics: string[]; since: number; head: number }
  | StreamEventFrame
  | StreamDisplayFrame
  | { type: 'caught-up'; seq: number }
  | { type: 'resync'; reason: string; head: number }
  | { type: 'heartbeat'; head: number; at: string }
  | { type: 'pong'; at?: number }
  | { type: 'scan'; scan: Scan }
  | { type: 'error'; code: string; message: string };
