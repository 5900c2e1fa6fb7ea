/**
 * The store's capabilities wired together over one database. Constructing does no work;
 * `start()` loads what each needs and `stop()` undoes it. The edge process and the tests that
 * drive the services directly use this one composition.
 */
import { kitchenConfigSchema, type CommerceCatalogInput, type PricingRulesInput } from '@tillbox/core';
import type { Logger } from 'pino';
import { CatalogService } from './catalog/catalog-service.js';
import { demoCatalog } from './catalog/demo-catalog.js';
import { demoRules } from './catalog/demo-rules.js';
import type { Settings } from './config/settings.js';
import type { Db } from './db/database.js';
import { EventLog } from './events/event-log.js';
import { KitchenService } from './kitchen/kitchen-service.js';
import { OrderService } from './orders/order-service.js';
import { OrderStore } from './orders/order-store.js';
import { PaymentService } from './payments/payment-service.js';
import { VirtualPinpad, type Pinpad } from './payments/pinpad.js';

export interface CapabilitiesContext {
  db: Db;
  settings: Settings;
  log: Logger;
  /** The menu and pricing rules a new store starts with (the demo's unless given). */
  seed?: { catalog: CommerceCatalogInput; rules: PricingRulesInput };
  pinpad?: Pinpad;
  /** The clock (tests move it). */
  now?: () => number;
}

export class Capabilities {
  readonly events: EventLog;
  readonly catalog: CatalogService;
  readonly kitchen: KitchenService;
  readonly orders: OrderService;
  readonly payments: PaymentService;

  constructor(ctx: CapabilitiesContext) {
    const { db, settings, log } = ctx;
    const clock = ctx.now ? { now: ctx.now } : {};
    this.events = new EventLog(db, (err) => log.error({ err }, 'event listener failed'));
    this.catalog = new CatalogService(db, ctx.seed ?? { catalog: demoCatalog, rules: demoRules });
    const orderStore = new OrderStore(db);
    const { counterFires, ...kitchen } = settings.kitchen;
    this.kitchen = new KitchenService({
      events: this.events,
      orderStore,
      catalog: this.catalog,
      config: kitchenConfigSchema.parse(kitchen),
      onSchedulerError: (err) => log.error({ err }, 'firing scheduled orders failed'),
      ...clock,
    });
    this.orders = new OrderService({
      events: this.events,
      orderStore,
      catalog: this.catalog,
      kitchen: this.kitchen,
      store: settings.store,
      storeId: settings.store.id,
      counterFires,
      ...clock,
    });
    this.payments = new PaymentService({
      events: this.events,
      orderStore,
      kitchen: this.kitchen,
      pinpad: ctx.pinpad ?? new VirtualPinpad({ delayMs: 300 }),
      log: log.child({ module: 'payments' }),
      ...clock,
    });
  }

  start(): void {
    this.events.start();
    this.catalog.start();
    this.kitchen.start();
  }

  stop(): void {
    this.kitchen.stop();
    this.catalog.stop();
    this.events.stop();
  }
}
