import { type RelayEvent } from '@tillbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TestCloud, until } from '../testing/test-broker.js';
import { startTestEdge, type TestEdge } from '../testing/test-edge.js';

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
