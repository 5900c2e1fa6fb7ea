import { placeOrderBodySchema, type RelayEvent } from '@tillbox/core';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { cashierAtCounter } from '../testing/contexts.js';
import { TestCloud, until } from '../testing/test-broker.js';
import { latteOrder, startTestEdge, type TestEdge } from '../testing/test-edge.js';

describe('the embedded broker (the demo)', () => {
  let t: TestEdge | undefined;
  let cloud: TestCloud | undefined;
  afterEach(async () => {
    await cloud?.end();
    await t?.stop();
  });

  it('runs inside the edge on 127.0.0.1 and the relay speaks 3.1.1 to it', async () => {
    t = await startTestEdge({ overrides: { 'relay.embeddedBroker': true, 'relay.embeddedBrokerPort': 0 } });
    await until('connected', () => t!.edge.relay.status().connected);
    const { broker, state } = t.edge.relay.status();
    expect(broker).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+/);
    cloud = await TestCloud.connect(broker, 'demo-store');
    await until('the state, retained', () => cloud!.of<{ online: boolean }>('state').some((s) => s.online));
    await until('the log', () => cloud!.of<RelayEvent>('events').length >= state.headSeq);
    expect(t.edge.relay.status().enabled).toBe(true);
  });

  it('is off by default: nothing leaves the box and requests get the offline answer', async () => {
    t = await startTestEdge();
    expect(t.edge.relay.status()).toMatchObject({ enabled: false, connected: false, broker: '' });
    await expect(t.edge.relay.request('loyalty.balance', { memberId: 'm-1' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});

describe('the embedded broker with the cloud relay’s session (npm start)', () => {
  let t: TestEdge | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('keeps what the edge publishes before the cloud relay first connects, for that relay only', async () => {
    t = await startTestEdge({
      overrides: {
        'relay.embeddedBroker': true,
        'relay.embeddedBrokerPort': 0,
        'relay.embeddedBrokerCloudClientId': 'tillbox-cloud-relay-demo',
      },
    });
    await until('connected', () => t!.edge.relay.status().connected);
    await t.edge.caps.orders.placeQueued(cashierAtCounter, placeOrderBodySchema.parse(latteOrder()));
    const { broker } = t.edge.relay.status();
    await until('acknowledged', () => t!.edge.relay.status().state.backlog === 0);
    const head = t.edge.relay.status().state.headSeq;
    expect(head).toBeGreaterThan(0);

    // Another client subscribing now gets no events: they were published before it was there.
    const stranger = await TestCloud.connect(broker, 'demo-store');
    // The relay connects with its client id and clean: false, and subscribes to nothing itself.
    const relay = await mqtt.connectAsync(broker, {
      clientId: 'tillbox-cloud-relay-demo',
      protocolVersion: 4,
      clean: false,
      reconnectPeriod: 0,
    });
    const seqs: number[] = [];
    relay.on('message', (topic, payload) => {
      if (topic.endsWith('/events')) seqs.push((JSON.parse(payload.toString()) as RelayEvent).seq);
    });
    try {
      await until('every event, queued for it', () => seqs.length >= head);
      expect(seqs).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      expect(stranger.of<RelayEvent>('events')).toEqual([]);
    } finally {
      await relay.endAsync(true);
      await stranger.end();
    }
  });
});
