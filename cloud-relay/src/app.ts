/**
 * The cloud relay: composes the database, the MQTT link, ingest, stores, configuration, online
 * orders and the HTTP API. The constructor does no work; `start()` opens and connects,
 * `stop()` undoes it (the HTTP server first, then what is queued is written and acknowledged,
 * then the broker and the database). PostgreSQL is its only state: any number of instances run
 * side by side.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { cloudRoutes } from './api/routes.js';
import { createHttpServer } from './api/http-server.js';
import { ConfigRepository } from './configuration/config-repository.js';
import { ConfigService } from './configuration/config-service.js';
import { openDatabase, type Database } from './db/database.js';
import { EventIngest } from './ingest/event-ingest.js';
import { eventRow, IngestRepository } from './ingest/ingest-repository.js';
import { openDemoMembers } from './loyalty/demo-members.js';
import { LoyaltyExpiry } from './loyalty/loyalty-expiry.js';
import { LoyaltyRepository } from './loyalty/loyalty-repository.js';
import { loyaltyRoutes } from './loyalty/loyalty-routes.js';
import { LoyaltyService, rulesFromConfig } from './loyalty/loyalty-service.js';
import { MqttLink, type Handlers } from './mqtt/mqtt-link.js';
import { OnlineMembers } from './online/online-members.js';
import { OnlineOrderRepository } from './online/online-order-repository.js';
import { OnlineOrderService } from './online/online-order-service.js';
import { StorePricing } from './online/store-pricing.js';
import { GapRepair } from './repair/gap-repair.js';
import { StoreLog } from './repair/store-log.js';
import { RpcResponder } from './rpc/rpc-responder.js';
import type { Settings } from './settings/settings.js';
import { StoreRepository } from './stores/store-repository.js';
import { StockRepository } from './stock/stock-repository.js';
import { stockRoutes } from './stock/stock-routes.js';
import { CloudStock } from './stock/stock-service.js';
import { StoreService } from './stores/store-service.js';

export const VERSION = '0.1.0';

/** The root logger; modules take a child with `{ module }`. Never log card data or secrets. */
export function createLogger(level: string, instanceId: string): Logger {
  return pino({
    level,
    base: { app: 'tillbox-cloud-relay', instance: instanceId },
    redact: ['*.password', '*.token', 'req.headers.authorization'],
  });
}

interface Running {
  database: Database;
  link: MqttLink;
  ingest: EventIngest;
  stores: StoreService;
  orders: OnlineOrderService;
  config: ConfigService;
  repair: GapRepair;
  http: FastifyInstance;
  loyalty: LoyaltyService;
  expiry: LoyaltyExpiry;
}

export class CloudRelay {
  #running: Running | undefined;
  readonly log: Logger;

  constructor(
    private readonly settings: Settings,
    private readonly options: {
      log?: Logger;
      now?: () => Date;
      connectWaitMs?: number;
      /** A database opened by the caller (two instances on one PGlite in tests); not closed by stop(). */
      database?: Database;
    } = {},
  ) {
    this.log = options.log ?? createLogger(settings.logLevel, settings.instanceId);
  }

  /** The running parts (tests). */
  get parts(): Running {
    if (!this.#running) throw new Error('CloudRelay used before start()');
    return this.#running;
  }

  /** The HTTP API's base URL. */
  get url(): string {
    const address = this.parts.http.server.address() as AddressInfo;
    return `http://${this.settings.http.host}:${address.port}`;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    const s = this.settings;
    const now = this.options.now ?? (() => new Date());
    const log = this.log;
    const database = this.options.database ?? (await openDatabase(s.database));
    try {
      // The loyalty ledger is written in the ingest's transaction; its rules come from the configuration below.
      const configured: { service?: ConfigService; members?: OnlineMembers } = {};
      const loyaltyRepository = new LoyaltyRepository(database.db);
      const loyalty = new LoyaltyService({
        repository: loyaltyRepository,
        rules: rulesFromConfig((storeId) =>
          configured.service ? configured.service.set(storeId, ['active']) : Promise.resolve({}),
        ),
        callingCode: s.loyalty.callingCode,
        // A store's balance is less what the member's online orders hold (the online members, made below).
        held: async (memberId, storeId, at) => configured.members?.heldForStore(memberId, storeId, at) ?? 0,
        memberHashKey: s.loyalty.memberHashKey,
        log: log.child({ module: 'loyalty' }),
        now,
      });
      const events = new IngestRepository(database.db, [
        (tx, fresh, at) => loyalty.applyIngested(tx, fresh, at),
        (tx, fresh, at) => stock.applyIngested(tx, fresh, at), // made below, called only once started
      ]);
      const storeRepository = new StoreRepository(database.db);
      const ingest = new EventIngest({
        repository: events,
        options: s.ingest,
        log: log.child({ module: 'ingest' }),
        now,
      });
      // The link is made before the services that publish through it; its handlers are filled in below.
      const handlers = {} as Handlers;
      const link = new MqttLink({
        settings: s.mqtt,
        instanceId: s.instanceId,
        log: log.child({ module: 'mqtt' }),
        handlers,
      });
      const config = new ConfigService({
        repository: new ConfigRepository(database.db),
        publisher: link,
        log: log.child({ module: 'config' }),
        now,
      });
      configured.service = config;
      const stores = new StoreService({
        repository: storeRepository,
        offlineAfterSeconds: s.orders.offlineAfterSeconds,
        log: log.child({ module: 'stores' }),
        onState: (storeId, state) => config.recordActive(storeId, state.config),
        now,
      });
      const stock = new CloudStock({
        repository: new StockRepository(database.db),
        stores,
        storeRows: storeRepository,
        now,
      });
      const pricing = new StorePricing(config, stock);
      const onlineOrders = new OnlineOrderRepository(database.db);
      configured.members = new OnlineMembers({ loyalty, ledger: loyaltyRepository, orders: onlineOrders });
      const orders = new OnlineOrderService({
        repository: onlineOrders,
        stores,
        pricing,
        publisher: link,
        answerTimeoutMs: s.orders.answerTimeoutMs,
        stock,
        members: configured.members,
        log: log.child({ module: 'orders' }),
        now,
      });
      const storeLog = new StoreLog({ stores: storeRepository, events });
      const rpc = new RpcResponder({ publisher: link, loyalty, storeLog, log: log.child({ module: 'rpc' }), now });
      if (s.loyalty.demoMembers) await openDemoMembers(loyalty);
      const expiry = new LoyaltyExpiry({
        repository: loyaltyRepository,
        months: s.loyalty.expiryMonths,
        checkMinutes: s.loyalty.expiryCheckMinutes,
        log: log.child({ module: 'loyalty-expiry' }),
        now,
      });
      const repair = new GapRepair({
        stores: storeRepository,
        events,
        publisher: link,
        settings: s.repair,
        log: log.child({ module: 'repair' }),
        now,
      });
      const after = (work: Promise<void>, ack: () => void, what: string, storeId: string): void => {
        work.then(ack, (err: unknown) =>
          log.error({ err, storeId }, `${what} failed; the broker will deliver it again`),
        );
      };
      Object.assign(handlers, {
        events: ({ storeId, payload, ack }) => {
          let row;
          try {
            row = eventRow(payload);
          } catch (err) {
            log.warn({ storeId, seq: payload.seq, reason: (err as Error).message }, 'event refused');
            ack();
            return;
          }
          ingest.submit(row, ack);
        },
        state: ({ storeId, payload, ack }) => stores.receiveState(storeId, payload, ack),
        'orders/out': ({ storeId, payload, ack }) =>
          after(orders.receiveAnswer(storeId, payload), ack, 'recording an order answer', storeId),
        'config/ack': ({ storeId, payload, ack }) =>
          after(config.receiveAck(storeId, payload), ack, 'recording a configuration answer', storeId),
        'rpc/req': ({ storeId, payload, ack }) =>
          after(rpc.receive(storeId, payload), ack, 'answering a request', storeId),
      } satisfies Handlers);
      ingest.start();
      const http = await createHttpServer({
        bodyLimitBytes: s.http.bodyLimitBytes,
        adminToken: s.admin.token,
        version: VERSION,
        log: log.child({ module: 'http' }),
        webDir: s.http.webDir,
        routes: cloudRoutes({
          stores,
          storeRepository,
          orders,
          pricing,
          config,
          events,
          now,
          health: () => ({
            status: link.connected ? 'ok' : 'degraded',
            instanceId: s.instanceId,
            broker: link.connected ? 'connected' : 'disconnected',
            database: database.kind,
            ingest: { ...ingest.counts },
          }),
        }).concat(loyaltyRoutes(loyalty, expiry), stockRoutes({ stock, pricing, now })),
      });
      this.#running = { database, link, ingest, stores, orders, config, repair, http, loyalty, expiry };
      await http.listen({ host: s.http.host, port: s.http.port });
      const connected = link.start();
      const wait = this.options.connectWaitMs ?? 5_000;
      const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), wait).unref());
      if ((await Promise.race([connected, timer])) === 'late')
        log.warn({ url: s.mqtt.url }, 'the broker has not answered yet; connecting in the background');
      repair.start();
      expiry.start();
      log.info({ url: this.url, database: database.kind, instance: s.instanceId }, 'cloud relay started');
      if (!s.loyalty.demoMembers && s.loyalty.memberHashKey === '') {
        log.warn(
          "loyalty.memberHashKey is empty: members' phones and cards are keyed with the demo chain's public key; " +
            "set the chain's secret (the same as every store's loyalty.memberHashKey)",
        );
      }
    } catch (err) {
      await this.stop().catch(() => undefined);
      if (!this.options.database) await database.close().catch(() => undefined);
      throw err;
    }
  }

  async stop(): Promise<void> {
    const r = this.#running;
    this.#running = undefined;
    if (!r) return;
    await r.http.close();
    await r.expiry.stop();
    await r.repair.stop();
    await r.ingest.stop();
    await r.stores.settled();
    await r.link.stop();
    if (!this.options.database) await r.database.close();
  }
}
