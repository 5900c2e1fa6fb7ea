import { describe, expect, it } from 'vitest';
import { usStoreExample } from '../commerce/sample-stores.js';
import { uuidv7 } from '../ids.js';
import {
  encodeRelayPayload,
  parseRelayPayload,
  parseRelayTopic,
  relayTopic,
  relayTopicFilter,
  RELAY_TOPIC_NAMES,
  EDGE_PUBLISHES,
  EDGE_SUBSCRIBES,
} from './topics.js';
import { placeOrderBodyOf, type InboundOrderInput } from './payloads.js';

const at = '2026-11-27T14:30:00.000Z';

function inbound(overrides: Partial<InboundOrderInput> = {}): InboundOrderInput {
  return {
    id: uuidv7(),
    channel: 'app',
    guest: { name: 'Ada' },
    lines: [{ lineId: uuidv7(), itemId: 'latte', quantity: 1 }],
    sentAt: at,
    ...overrides,
  };
}

describe('relay topics', () => {
  it('builds every topic under the store and reads it back', () => {
    for (const name of RELAY_TOPIC_NAMES) {
      const topic = relayTopic('store-7', name);
      expect(topic).toBe(`tillbox/v1/stores/store-7/${name}`);
      expect(parseRelayTopic(topic, 'store-7')).toEqual({ storeId: 'store-7', name });
    }
  });

  it("refuses another store's topic and topics outside the tree", () => {
    expect(() => parseRelayTopic('tillbox/v1/stores/store-8/orders/in', 'store-7')).toThrow(
      /belongs to store "store-8"/,
    );
    expect(() => parseRelayTopic('tillbox/v1/stores/store-7/orders/in/extra', 'store-7')).toThrow(
      /not a Tillbox topic/,
    );
    expect(() => parseRelayTopic('tillbox/v2/stores/store-7/events')).toThrow(/not a Tillbox topic/);
    expect(() => parseRelayTopic('tillbox/v1/stores/+/events')).toThrow(/not a Tillbox topic/);
    expect(() => relayTopic('a/b', 'events')).toThrow(/cannot be a store id/);
  });

  it('makes per-store, all-store and shared subscription filters', () => {
    expect(relayTopicFilter('events')).toBe('tillbox/v1/stores/+/events');
    expect(relayTopicFilter('events', { share: 'relay' })).toBe('$share/relay/tillbox/v1/stores/+/events');
    expect(relayTopicFilter('config/catalog', { storeId: 's1' })).toBe('tillbox/v1/stores/s1/config/catalog');
  });

  it('says which side publishes what', () => {
    expect(EDGE_PUBLISHES).toEqual(['events', 'state', 'orders/out', 'config/ack', 'rpc/req']);
    expect(EDGE_SUBSCRIBES).toContain('orders/in');
    expect(EDGE_SUBSCRIBES).toContain('rpc/res');
    expect(EDGE_SUBSCRIBES).toContain('events/resend');
    expect(EDGE_SUBSCRIBES.filter((t) => t.startsWith('config/'))).toHaveLength(5);
  });
});

describe('relay payloads', () => {
  it('reads an inbound order and turns it into the placement body', () => {
    const order = parseRelayPayload(
      'orders/in',
      JSON.stringify(inbound({ payment: { method: 'external', amount: 525, reference: 'app-1' } })),
    );
    expect(order.orderType).toBe('pickup');
    const body = placeOrderBodyOf(order);
    expect(body).toMatchObject({
      channel: 'app',
      guestName: 'Ada',
      fire: 'auto',
      rush: false,
      payment: { amount: 525 },
    });
    expect(body.lines[0]?.lineId).toBe(order.lines[0]?.lineId);
  });

  it('refuses a bad inbound order with the reason', () => {
    expect(() => parseRelayPayload('orders/in', JSON.stringify(inbound({ channel: 'kiosk' as 'app' })))).toThrow(
      /channel/,
    );
    expect(() => parseRelayPayload('orders/in', JSON.stringify(inbound({ lines: [] })))).toThrow(/at least one line/);
    const line = { lineId: uuidv7(), itemId: 'latte', quantity: 1 };
    expect(() => parseRelayPayload('orders/in', JSON.stringify(inbound({ lines: [line, line] })))).toThrow(
      /used twice/,
    );
    expect(() => parseRelayPayload('orders/in', '{"id":')).toThrow(/must be JSON/);
    expect(() => parseRelayPayload('orders/in', '['.repeat(40) + ']'.repeat(40))).toThrow(/nested/);
    expect(() => parseRelayPayload('orders/in', 'x'.repeat(300 * 1024))).toThrow(/at most/);
  });

  it('reads a configuration version and refuses a broken one with its path', () => {
    const catalog = { kind: 'catalog', version: 3, publishedAt: at, document: usStoreExample.catalog };
    expect(parseRelayPayload('config/catalog', JSON.stringify(catalog)).version).toBe(3);
    const stations = {
      kind: 'stations',
      version: 2,
      publishedAt: at,
      document: { stations: [{ id: 'bar', name: 'Bar' }], defaultStation: 'grill' },
    };
    expect(() => parseRelayPayload('config/stations', JSON.stringify(stations))).toThrow(/no station "grill"/);
    expect(() => parseRelayPayload('config/tax', JSON.stringify({ ...catalog, kind: 'tax' }))).toThrow(/document/);
  });

  it('checks what it encodes', () => {
    const state = { online: true, version: '0.1.0', headSeq: 10, relayedSeq: 7, backlog: 3, at };
    expect(JSON.parse(encodeRelayPayload('state', state))).toEqual({ ...state, config: {} });
    expect(() => encodeRelayPayload('state', { ...state, backlog: -1 })).toThrow(/does not match/);
  });

  it('reads a resend request and refuses a backwards or oversized range', () => {
    const ask = (fromSeq: number, toSeq: number): string => JSON.stringify({ fromSeq, toSeq, at });
    expect(parseRelayPayload('events/resend', ask(1, 4))).toEqual({ fromSeq: 1, toSeq: 4, at });
    expect(() => parseRelayPayload('events/resend', ask(5, 4))).toThrow(/toSeq: toSeq comes at or after fromSeq/);
    expect(() => parseRelayPayload('events/resend', ask(1, 10_001))).toThrow(/at most 10000 seqs/);
    expect(() => parseRelayPayload('events/resend', ask(0, 4))).toThrow(/fromSeq/);
    // Its own topic: a subscription to every store's events does not take it.
    expect(relayTopic('s1', 'events/resend')).toBe('tillbox/v1/stores/s1/events/resend');
    expect(parseRelayTopic('tillbox/v1/stores/s1/events/resend').name).toBe('events/resend');
  });

  it('checks rpc params by method', () => {
    const req = { id: 'c1', method: 'loyalty.balance', params: { memberId: 'm1' }, at, expiresAt: at };
    expect(parseRelayPayload('rpc/req', JSON.stringify(req)).method).toBe('loyalty.balance');
    expect(() => parseRelayPayload('rpc/req', JSON.stringify({ ...req, params: {} }))).toThrow(/params.memberId/);
    expect(() => parseRelayPayload('rpc/req', JSON.stringify({ ...req, method: 'nope' }))).toThrow(/method/);
  });
});
