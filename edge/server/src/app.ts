/**
 * The store process, composed: settings → database → event log → capabilities → HTTP + stream.
 * Constructing does no work; start() brings everything up and stop() undoes it in reverse.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Access } from './access.js';
import { healthRoutes } from './api/health.js';
import { auditRoutes } from './audit/audit-routes.js';
import { deviceRoutes } from './pairing/device-routes.js';
import { staffRoutes } from './staff/staff-routes.js';
import { API_PREFIX, createHttpServer } from './api/http-server.js';
import type { AnyRoute } from './api/route.js';
import { StreamHub } from './api/stream-hub.js';
import { cashRoutes } from './cash/cash-routes.js';
import { stockRoutes } from './stock/stock-routes.js';
import { catalogRoutes } from './catalog/catalog-routes.js';
import { Capabilities, type CapabilitiesContext } from './capabilities.js';
import type { Settings } from './config/settings.js';
import { openDatabase, type OpenDatabase } from './db/database.js';
import { kitchenRoutes } from './kitchen/kitchen-routes.js';
import { adjustmentRoutes } from './orders/adjustment-routes.js';
import { openTicketRoutes } from './orders/open-ticket-routes.js';
import { tipRoutes } from './payments/tip-routes.js';
import { orderRoutes } from './orders/order-routes.js';
import { viewsAfter } from './orders/order-aggregate.js';
import { paymentRoutes } from './payments/payment-routes.js';
import type { Pinpad } from './payments/pinpad.js';
import { CardTerminal } from './payments/terminal/card-terminal.js';
import { TerminalSlot } from './payments/terminal/terminal-slot.js';
import { terminalRoutes } from './payments/terminal-routes.js';
import { reportRoutes } from './reports/speed-of-service.js';
import { upsellReportRoutes } from './reports/upsell-report.js';
import { dayReportRoutes } from './reports/day-report-routes.js';
import { kioskRoutes } from './kiosk/kiosk-routes.js';
import { CursorRepository } from './events/cursor-repository.js';
import { LogRestore } from './events/log-restore.js';
import { restoreOrders } from './orders/order-restore.js';
import { Relay } from './relay/relay.js';
import { relayRoutes } from './relay/relay-routes.js';
import { loyaltyRoutes } from './loyalty/loyalty-routes.js';
import { loadReceiptKey, ReceiptLinks } from './receipts/receipt-links.js';
import { receiptRoutes } from './receipts/receipt-routes.js';
import { Devices } from './devices/devices.js';
import { hardwareRoutes } from './devices/hardware-routes.js';
import { ScanFeed } from './devices/scanner/scan-feed.js';
import { DisplayRepository } from './display/display-repository.js';
import { displayRoutes } from './display/display-routes.js';
import { DisplayService } from './display/display-service.js';
import { IdleCollector } from './idle-gc.js';

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** web/build of this checkout, used when `web.dir` is empty. */
const DEFAULT_WEB_DIR = join(PACKAGE_ROOT, '..', '..', 'web', 'build');

export interface EdgeContext {
  settings: Settings;
  log: Logger;
  /** The menu and rules a new store starts with (the demo's unless a test gives others). */
  seed?: CapabilitiesContext['seed'];
  /** The card terminal; the hardware profile's (or the settings') unless a test gives one. */
  pinpad?: Pinpad;
}

interface Running {
  database: OpenDatabase;
  caps: Capabilities;
  access: Access;
  routes: AnyRoute[];
  stream: StreamHub;
  /** The counters' customer displays. */
  displays: DisplayService;
  relay: Relay;
  devices: Devices;
  /** The hardware profile's card terminal (absent when a test gives its own). */
  terminal: CardTerminal | undefined;
  slot: TerminalSlot;
  http: FastifyInstance;
  /** Scavenges in the quiet moments between commits (./idle-gc.ts). */
  idle: { collector: IdleCollector; unsubscribe: () => void };
  startedAt: number;
}

/** The optional parts of the context that capabilities take. */
function pick(ctx: EdgeContext): Pick<CapabilitiesContext, 'seed' | 'pinpad'> {
  return {
    ...(ctx.seed ? { seed: ctx.seed } : {}),
    ...(ctx.pinpad ? { pinpad: ctx.pinpad } : {}),
  };
}

export class Edge {
  private running: Running | undefined;

  constructor(private readonly ctx: EdgeContext) {}

  /** The address the HTTP server listens on, e.g. http://127.0.0.1:8080. */
  url = '';

  get caps(): Capabilities {
    return this.need().caps;
  }

  get access(): Access {
    return this.need().access;
  }

  /** The API's route table (each with its permission), for the route × role matrix test. */
  get routes(): readonly AnyRoute[] {
    return this.need().routes;
  }

  /** The MQTT relay to the cloud (off unless `relay.url` or `relay.embeddedBroker` is set). */
  get relay(): Relay {
    return this.need().relay;
  }

  /** The device hub: printers, scanners, drawers, and print jobs. */
  get devices(): Devices {
    return this.need().devices;
  }

  get http(): FastifyInstance {
    return this.need().http;
  }

  /** The card terminal of the hardware profile, with its virtual terminal in the demo store. */
  get cardTerminal(): CardTerminal | undefined {
    return this.need().terminal;
  }

  /** The store's SQLite file (tests damage or fill it on purpose). */
  get database(): OpenDatabase {
    return this.need().database;
  }

  private need(): Running {
    if (!this.running) throw new Error('the edge is not started');
    return this.running;
  }

  async start(): Promise<string> {
    const { settings, log } = this.ctx;
    const database = openDatabase(settings.data.dir, { storeId: settings.store.id });
    // The payment service holds the terminal from the start; it comes up with the device hub.
    const slot = new TerminalSlot();
    let terminal: CardTerminal | undefined;
    try {
      database.health.attachLog(log.child({ module: 'storage' }));
      const { boot } = database;
      if (boot.marker !== 'checked') log.info({ marker: boot.marker, seq: boot.content.lastSeq }, 'data folder marked');
      if (database.walSetAside !== undefined) {
        log.error(
          { walSetAside: database.walSetAside },
          "the write-ahead log made the database unreadable and was set aside; the store opened from the database's " +
            'last checkpoint, and any events only the log held are reported as missing',
        );
      }
      if (boot.content.storeId !== settings.store.id) {
        log.warn(
          { folder: boot.content.storeId, settings: settings.store.id },
          'this data folder was initialised for another store id',
        );
      }
      if (!settings.demo && settings.loyalty.memberHashKey === '') {
        log.warn(
          "loyalty.memberHashKey is empty: guests' phones and cards are keyed with the demo chain's public key; " +
            "set the chain's secret (the cloud relay's loyalty.memberHashKey)",
        );
      }
      const caps = new Capabilities({
        db: database.db,
        settings,
        log,
        ...pick(this.ctx),
        ...(this.ctx.pinpad ? {} : { pinpad: slot }),
      });
      caps.start();
      const { events, catalog, kitchen, orders, payments } = caps;
      const collector = new IdleCollector();
      const idle = { collector, unsubscribe: events.subscribe(() => collector.heard()) };
      const access = new Access({ db: database.db, events, settings, log });
      await access.start();
      // The counters' customer displays: what each counter shows its guest, in memory only.
      const displays = new DisplayService({
        repository: new DisplayRepository(database.db),
        events,
        devices: () => access.devices.list().devices,
        storeName: settings.store.name,
        // The hardware profile's pole displays show it too (the device hub is made below; nothing is published before).
        onShow: (counter, state) => devices.hub.showOnPoles(counter, settings.store.name, state),
        log: log.child({ module: 'display' }),
      });
      displays.start();
      // What the box's HID POS scanners read, live to their screens (the stream's scanner topic).
      const scans = new ScanFeed();
      const stream = new StreamHub(
        events,
        {
          storeId: settings.store.id,
          ...settings.stream,
          views: (ids, batch) => viewsAfter(caps.orderRepository, ids, batch),
          feeds: { display: displays, scanner: scans },
        },
        log.child({ module: 'stream' }),
      );
      const cursors = new CursorRepository(database.db);
      const restoreWriter = new LogRestore({
        storeId: settings.store.id,
        db: database.db,
        events,
        cursors,
        projections: [
          (tx, restored) => restoreOrders(tx, caps.orderRepository, restored),
          (tx, restored) => restored.forEach((e) => caps.stock.restored(tx, e)),
          (tx, restored) => restored.forEach((e) => caps.cash.restored(tx, e)),
          (tx, restored) => restored.forEach((e) => access.audit.fromEvent(tx, e)),
        ],
      });
      const relay = new Relay({
        settings,
        version: VERSION,
        events,
        cursors,
        restore: { writer: restoreWriter, health: database.health },
        orders,
        channels: (ids) => new Map([...caps.orderRepository.findMany(ids)].map(([id, o]) => [id, o.channel])),
        catalog,
        kitchen: kitchen.config,
        log,
      });
      caps.loyalty.attachCloud((method, params, options) => relay.request(method, params, options));
      const receiptKey = loadReceiptKey(dirname(database.path));
      if (receiptKey.replaced) {
        log.warn(
          'the e-receipt key file was damaged (a power cut or a failing disk) and a new key was made: ' +
            'e-receipt links printed before this start no longer open',
        );
      }
      const receiptLinks = new ReceiptLinks(receiptKey.key, {
        template: settings.devices.receiptUrl,
        host: settings.http.host,
        port: () => new URL(this.url).port,
      });
      const devices = new Devices({
        db: database.db,
        events,
        settings,
        log,
        orders: (ids) => caps.orderRepository.views(ids),
        drawerName: (id) => {
          try {
            return caps.cash.get(id).name;
          } catch {
            return undefined;
          }
        },
        receiptUrl: (id) => (this.url === '' ? undefined : receiptLinks.url(id)),
        terminalState: () => terminal?.state,
        displayState: () => displays.status(),
        deliverScan: (scan, screen) => scans.deliver(scan, screen),
      });
      await devices.start();
      devices.hub.showOnPoles(undefined, settings.store.name, null);
      if (!this.ctx.pinpad) {
        terminal = new CardTerminal({ settings, profile: devices.hub.profile, log: log.child({ module: 'terminal' }) });
        await terminal.start();
        slot.attach(terminal.terminal);
      }
      const startedAt = Date.now();
      const health = {
        version: VERSION,
        storeId: settings.store.id,
        database,
        events,
        streamClients: () => stream.size,
        startedAt,
      };
      const routes: AnyRoute[] = [
        ...healthRoutes(health),
        ...deviceRoutes(access.devices),
        ...staffRoutes(access.staff),
        ...auditRoutes(access.audit),
        ...catalogRoutes(catalog),
        ...orderRoutes(orders, kitchen, payments, access.staff),
        ...paymentRoutes(payments),
        ...adjustmentRoutes(orders, access.staff),
        ...kitchenRoutes(kitchen),
        ...reportRoutes(database.db, settings.store),
        ...upsellReportRoutes(database.db, settings.store),
        ...kioskRoutes(settings.kiosk),
        ...cashRoutes(caps.cash, access.staff),
        ...stockRoutes(caps.stock),
        ...openTicketRoutes(caps.openTickets, access.staff),
        ...tipRoutes(caps.tips, access.staff),
        ...dayReportRoutes(caps.dayReports, access.staff),
        ...receiptRoutes(orders, receiptLinks, settings.store),
        ...relayRoutes(relay),
        ...loyaltyRoutes(caps.loyalty),
        ...hardwareRoutes(devices),
        ...displayRoutes(displays),
        ...terminalRoutes(caps.offline, () => terminal?.virtual),
      ];
      const http = await createHttpServer({
        http: settings.http,
        webDir: settings.web.dir === '' ? DEFAULT_WEB_DIR : resolve(settings.web.dir),
        version: VERSION,
        log: log.child({ module: 'http' }),
        stream,
        guard: access.guard,
        routes,
      });
      stream.start();
      this.running = {
        database,
        caps,
        access,
        stream,
        displays,
        relay,
        devices,
        terminal,
        slot,
        http,
        routes,
        idle,
        startedAt,
      };
      const address = await http.listen({ host: settings.http.host, port: settings.http.port });
      const port = new URL(address).port;
      this.url = `http://${settings.http.host === '0.0.0.0' ? '127.0.0.1' : settings.http.host}:${port}`;
      log.info(
        { url: this.url, api: `${this.url}${API_PREFIX}`, db: database.path, seq: events.lastSeq },
        'store box is selling',
      );
      devices.startPrinting();
      // After the screens are served: the relay never holds up the start (it connects in the background).
      await relay.start();
      return this.url;
    } catch (e) {
      await this.stop();
      database.close();
      await terminal?.stop();
      slot.detach();
      throw e;
    }
  }

  async stop(): Promise<void> {
    const r = this.running;
    this.running = undefined;
    if (!r) return;
    await r.relay.stop();
    r.stream.stop();
    r.displays.stop();
    await r.http.close();
    r.access.stop();
    await r.devices.stop();
    r.idle.unsubscribe();
    r.idle.collector.stop();
    r.caps.stop();
    r.database.close();
    // Last, as a crash would: a sale still waiting loses its answer after the database is closed,
    // so its payment intent stays open and the next start asks the terminal what became of it.
    await r.terminal?.stop();
    r.slot.detach();
  }
}
