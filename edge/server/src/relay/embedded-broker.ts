/**
 * An MQTT broker inside the edge (aedes, MQTT 3.1.1, in memory) on 127.0.0.1, so `npm start`
 * runs the store box, a broker and the cloud relay on one machine. Loopback only: never a store's
 * production broker (that is Mosquitto or EMQX with TLS and ACLs, deploy/cloud/).
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';

export class EmbeddedBroker {
  #broker: Aedes | undefined;
  #server: Server | undefined;

  constructor(private readonly o: { port: number; log: { info(o: object, m: string): void } }) {}

  /** Listens on 127.0.0.1; answers the URL clients connect to. */
  async start(): Promise<string> {
    const broker = await Aedes.createBroker();
    const server = createServer(broker.handle);
    this.#broker = broker;
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.o.log.info({ url }, 'embedded MQTT broker listening (demo)');
    return url;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    const broker = this.#broker;
    this.#server = undefined;
    this.#broker = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
  }
}
