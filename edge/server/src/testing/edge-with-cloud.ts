/**
 * A store box talking to a test cloud over a real broker (aedes in process): the broker, the
 * cloud's MQTT client for the store (`TestCloud`: what the store publishes, publishing to it,
 * answering its requests) and the edge with its relay connected. `stop()` ends all three.
 */
import { TestBroker, TestCloud, until } from './test-broker.js';
import { startTestEdge, type TestEdge } from './test-edge.js';

export interface EdgeWithCloud {
  broker: TestBroker;
  cloud: TestCloud;
  t: TestEdge;
  stop(): Promise<void>;
}

/** Starts the broker, the cloud's client and an edge relaying to it (with `overrides`), connected. */
export async function startEdgeWithCloud(
  overrides: Record<string, unknown> = {},
  storeId = 'demo-store',
): Promise<EdgeWithCloud> {
  const broker = await new TestBroker().start();
  const cloud = await TestCloud.connect(broker.url, storeId);
  const t = await startTestEdge({
    overrides: { 'relay.url': broker.url, 'relay.protocol': '3.1.1', 'relay.reconnectMs': 100, ...overrides },
  });
  await until('connected', () => t.edge.relay.status().connected);
  return {
    broker,
    cloud,
    t,
    stop: async () => {
      await t.stop();
      await cloud.end();
      await broker.stop();
    },
  };
}
