/**
 * An MQTT broker inside the edge (aedes, MQTT 3.1.1, in memory) on 127.0.0.1, so `npm start`
 * runs the store box, a broker and the cloud relay on one machine. Loopback only: never a store's
 * production broker (that is Mosquitto or EMQX with TLS and ACLs, deploy/cloud/).
 *
 * Being in memory, it starts with no sessions, and an event published before any cloud relay
 * subscribed would reach no one — while the edge's cursor moves on its PUBACK. So when it is told
 * the cloud relay's client id, it opens that relay's persistent session at start, before the edge
 * connects: subscribed at QoS 1 to the topics the edge publishes, as the relay itself subscribes
 * (without shared subscriptions: aedes speaks 3.1.1). What the edge publishes then waits in that
 * session until the relay connects with `clean: false` and the same client id.
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { EDGE_PUBLISHES, relayTopicFilter } from '@tillbox/core';
import { Aedes } from 'aedes';

/** The part of aedes' persistence (aedes-persistence's async API) that opens a session; aedes' typings leave `persistence` out. */
interface SessionStore {
  addSubscriptions(
    client: { id: string },
    subs: { topic: string; qos: 1; rh: number; rap: boolean; nl: boolean }[],
  ): Promise<void>;
}

/** The subscriptions of a cloud relay on a 3.1.1 broker: every store's topics that the edge publishes. */
export function cloudSubscriptions(): string[] {
  return EDGE_PUBLISHES.map((name) => relayTopicFilter(name));
}

export class EmbeddedBroker {
  #broker: Aedes | undefined;
  #server: Server | undefined;

  constructor(
    private readonly o: {
      port: number;
      /** The cloud relay whose session is opened at start ('' or absent: none). */
      cloudClientId?: string;
      log: { info(o: object, m: string): void };
    },
  ) {}

  /** Listens on 127.0.0.1; answers the URL clients connect to. */
  async start(): Promise<string> {
    const broker = await Aedes.createBroker();
    const cloud = this.o.cloudClientId;
    if (cloud) {
      const store = (broker as unknown as { persistence: SessionStore }).persistence;
      const topics = cloudSubscriptions();
      await store.addSubscriptions(
        { id: cloud },
        topics.map((topic) => ({ topic, qos: 1, rh: 0, rap: false, nl: false })),
      );
      this.o.log.info({ clientId: cloud, topics }, 'embedded MQTT broker: the cloud relay’s session is open');
    }
    const server = createServer(broker.handle);
    this.#broker = broker;
    this.#server = server;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.o.port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      await this.stop();
      throw err;
    }
    const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.o.log.info({ url }, 'embedded MQTT broker listening (demo)');
    return url;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    const broker = this.#broker;
    this.#server = undefined;
    this.#broker = undefined;
    if (server?.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
  }
}
