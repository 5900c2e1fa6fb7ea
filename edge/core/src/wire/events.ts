/** Events of the store's log and the stream protocol that carries them to the screens. */
import { z } from 'zod';
import { orderViewSchema } from './api.js';

export const storeEventSchema = z.object({
  seq: z.int().min(1),
  id: z.string(),
  type: z.string(),
  subject: z.string().describe('The id of the thing the event is about'),
  data: z.unknown(),
  at: z.string().describe('ISO 8601 commit time'),
});
export type StoreEvent = z.infer<typeof storeEventSchema>;

/** Data of every `order.*` and `ticket.*` event: the order as it is after the change. */
export const orderEventDataSchema = z.object({ order: orderViewSchema });
export type OrderEventData = z.infer<typeof orderEventDataSchema>;

/** Topics a stream client can subscribe to: the noun before the dot of an event type. */
export const STREAM_TOPICS = ['order', 'ticket'] as const;
export type StreamTopic = (typeof STREAM_TOPICS)[number];

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

/** Edge → client. */
export type StreamServerMessage =
  | { type: 'hello'; head: number; storeId: string; heartbeatMs: number }
  | { type: 'subscribed'; topics: string[]; since: number; head: number }
  | { type: 'event'; event: StoreEvent }
  | { type: 'caught-up'; seq: number }
  | { type: 'resync'; reason: string; head: number }
  | { type: 'heartbeat'; head: number; at: string }
  | { type: 'pong'; at?: number }
  | { type: 'error'; code: string; message: string };
