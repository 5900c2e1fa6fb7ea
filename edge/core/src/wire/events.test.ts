import { describe, expect, it } from 'vitest';
import { STREAM_TOPICS, streamClientMessageSchema, topicOf } from './events.js';

const accepts = (message: unknown): boolean => streamClientMessageSchema.safeParse(message).success;

describe('streamClientMessageSchema', () => {
  it('accepts a subscribe to orders from the start of the log', () => {
    expect(streamClientMessageSchema.parse({ type: 'subscribe', topics: ['order'], since: 0 })).toEqual({
      type: 'subscribe',
      topics: ['order'],
      since: 0,
    });
  });

  it('accepts a subscribe that resumes from a later sequence number', () => {
    expect(accepts({ type: 'subscribe', topics: ['order'], since: 1234 })).toBe(true);
  });

  it('refuses a negative or fractional since', () => {
    expect(accepts({ type: 'subscribe', topics: ['order'], since: -1 })).toBe(false);
    expect(accepts({ type: 'subscribe', topics: ['order'], since: 1.5 })).toBe(false);
    expect(accepts({ type: 'subscribe', topics: ['order'] })).toBe(false);
  });

  it('refuses an unknown topic, no topics, or more topics than exist', () => {
    expect(accepts({ type: 'subscribe', topics: ['payment'], since: 0 })).toBe(false);
    expect(accepts({ type: 'subscribe', topics: [], since: 0 })).toBe(false);
    expect(accepts({ type: 'subscribe', topics: [...STREAM_TOPICS, 'order'], since: 0 })).toBe(false);
    expect(accepts({ type: 'subscribe', topics: ['order', 'ticket'], since: 0 })).toBe(true);
    expect(accepts({ type: 'subscribe', topics: ['stock'], since: 0 })).toBe(true);
    expect(accepts({ type: 'subscribe', topics: ['display'], since: 0 })).toBe(true);
  });

  it('accepts a ping with or without a time', () => {
    expect(accepts({ type: 'ping' })).toBe(true);
    expect(streamClientMessageSchema.parse({ type: 'ping', at: 1700000000000 })).toEqual({
      type: 'ping',
      at: 1700000000000,
    });
    expect(accepts({ type: 'ping', at: 'now' })).toBe(false);
  });

  it('refuses an unknown message type, a missing type and non-objects', () => {
    expect(accepts({ type: 'unsubscribe', topics: ['order'] })).toBe(false);
    expect(accepts({ topics: ['order'], since: 0 })).toBe(false);
    expect(accepts('subscribe')).toBe(false);
    expect(accepts(null)).toBe(false);
  });
});

describe('topicOf', () => {
  it('is the noun before the first dot of an event type', () => {
    expect(topicOf('order.placed')).toBe('order');
    expect(topicOf('order.picked-up')).toBe('order');
    expect(topicOf('ticket.bumped')).toBe('ticket');
    expect(topicOf('a.b.c')).toBe('a');
  });

  it('is the whole type when it has no dot', () => {
    expect(topicOf('heartbeat')).toBe('heartbeat');
  });
});
