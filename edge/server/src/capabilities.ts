/**
 * The store's capabilities wired together over one database. Constructing does no work;
 * `start()` loads what each needs and `stop()` undoes it. The edge process and the tests that
 * drive the services directly use this one composition.
 */
import {
  kitchenConfigSchema,
  type CommerceCatalogInput,
  type OrderConfig,
  type PricingRulesInput,
} from '@tillbox/core';
import type { Logger } from 'pino';
import { CashService } from './cash/cash-service.js';
import { DrawerRepository } from './cash/drawer-repository.js';
import { CatalogRepository } from './catalog/catalog-repository.js';
import { CatalogService } from './catalog/catalog-service.js';
import { demoCatalog } from './catalog/demo-catalog.js';
import { demoRules } from './catalog/demo-rules.js';
import type { Settings } from './config/settings.js';
import type { Db } from './db/database.js';
import { EventLog } from './events/event-log.js';
import { KitchenService } from './kitchen/kitchen-service.js';
import { TicketRepository } from './kitchen/ticket-repository.js';
import { OrderAggregate } from './orders/order-aggregate.js';
import { OrderExpiry } from './orders/order-expiry.js';
import { OrderRepository } from './orders/order-repository.js';
import { OrderService } from './orders/order-service.js';
import { OpenTicketRepository } from './orders/open-ticket-repository.js';
import { OpenTicketService } from './orders/open-ticket-service.js';
import { TipRepository } from './payments/tip-repository.js';
import { TipService } from './payments/tip-service.js';
import { PaymentIntentRepository } from './payments/payment-intent-repository.js';
import { PaymentReversals } from './payments/payment-reversals.js';
import { OfflinePayments } from './payments/offline-payments.js';
import { PaymentService } from './payments/payment-service.js';
import { VirtualPinpad, type Pinpad } from './payments/pinpad.js';
import { ReportRepository } from './reports/report-repository.js';
import { BusinessDays } from './reports/business-days.js';
import { DayReportRepository } from './reports/day-report-repository.js';
import { DayReportService } from './reports/day-report-service.js';
import { pendingCardPayments } from './reports/pending-card-payments.js';
import { demoStock } from './catalog/demo-stock.js';
import { StockRepository } from './stock/stock-repository.js';
import { StockService } from './stock/stock-service.js';
import { LoyaltyRepository } from './loyalty/loyalty-repository.js';
import { LoyaltyService } from './loyalty/loyalty-service.js';

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
  /** Orders as stored; `views(ids)` gives the screens' view of each (the stream attaches them to frames). */
  readonly orderRepository: OrderRepository;
  readonly reports: ReportRepository;
  readonly kitchen: KitchenService;
  readonly orders: OrderService;
  readonly payments: PaymentService;
  /** Card payments approved offline: the caps, the exposure, reconciliation with the terminal. */
  readonly offline: OfflinePayments;
  /** Approvals that could not be recorded, reversed and retried until the terminal has. */
  readonly reversals: PaymentReversals;
  /** Cancels kiosk orders left unpaid too long. */
  readonly expiry: OrderExpiry;
  /** Cash drawers: sessions, moves, the blind close; cash payments attributed to their drawer. */
  readonly cash: CashService;
  /** Open tickets, lines added to a placed order, split bills. */
  readonly openTickets: OpenTicketService;
  /** Cash tips declared, and tips by staff. */
  readonly tips: TipService;
  /** The business day new orders go to: the clock's, or the one after the last Z. */
  readonly days: BusinessDays;
  /** End of day: the X report and the Z that closes the day. */
  readonly dayReports: DayReportService;
  /** Stock counts and 86: taken by sales in the order's transaction, given back by refunds. */
  readonly stock: StockService;
  /** Loyalty: identifying guests, their points (from the cloud, or estimated offline), what orders earn and spend. */
  readonly loyalty: LoyaltyService;

  constructor(ctx: CapabilitiesContext) {
    const { db, settings, log } = ctx;
    const now = ctx.now ?? Date.now;
    this.events = new EventLog(db, (err) => log.error({ err }, 'event listener failed'));
    this.catalog = new CatalogService(
      new CatalogRepository(db),
      ctx.seed ?? { catalog: demoCatalog, rules: demoRules },
    );
    this.orderRepository = new OrderRepository(db);
    this.reports = new ReportRepository(db);
    const dayReportRepository = new DayReportRepository(db);
    this.days = new BusinessDays({ repository: dayReportRepository, store: settings.store });
    const businessDay = (at: number): string => this.days.dayAt(at);
    const { counterFires, ...kitchenSettings } = settings.kitchen;
    const kitchen = kitchenConfigSchema.parse(kitchenSettings);
    const config: OrderConfig = {
      expoAutoReady: kitchen.expoAutoReady,
      counterFires,
      stations: kitchen.stations,
      discountApproval: {
        percent: settings.security.discountApprovalPercent,
        amount: settings.security.discountApprovalAmount,
      },
      routing: kitchen,
    };
    const intents = new PaymentIntentRepository(db);
    this.stock = new StockService({
      events: this.events,
      repository: new StockRepository(db),
      engine: () => this.catalog.engine,
      now,
      ...(settings.demo ? { seed: demoStock } : {}),
    });
    this.loyalty = new LoyaltyService({
      events: this.events,
      repository: new LoyaltyRepository(db),
      settings: settings.loyalty,
      businessDay,
      log: log.child({ module: 'loyalty' }),
      now,
    });
    const orders = new OrderAggregate({
      intents,
      events: this.events,
      repository: this.orderRepository,
      config,
      now,
      engine: () => this.catalog.engine,
      effects: [
        (tx, append, events, at) => this.stock.afterOrder(tx, append, events, at),
        (tx, append, events, at, order) => this.loyalty.afterOrder(tx, append, events, at, order),
      ],
    });
    this.kitchen = new KitchenService({
      orders,
      tickets: new TicketRepository(db),
      config: kitchen,
      onSchedulerError: (err) => log.error({ err }, 'firing scheduled orders failed'),
      now,
    });
    this.orders = new OrderService({
      events: this.events,
      orders,
      catalog: this.catalog,
      routing: kitchen,
      store: settings.store,
      storeId: settings.store.id,
      businessDay,
      now,
      loyalty: this.loyalty,
    });
    const pinpad = ctx.pinpad ?? new VirtualPinpad({ delayMs: 300 });
    const paymentLog = log.child({ module: 'payments' });
    this.reversals = new PaymentReversals({
      intents,
      pinpad,
      log: paymentLog,
      now,
      retryMs: settings.payments.reversalRetryMs,
    });
    this.offline = new OfflinePayments({
      intents,
      orders: this.orderRepository,
      terminal: pinpad,
      settings: settings.payments.offline,
      currency: () => this.catalog.catalog.currency,
      log: paymentLog,
      now,
    });
    const offline = this.offline;
    this.payments = new PaymentService({
      orders,
      intents,
      reversals: this.reversals,
      pinpad,
      offline,
      log: paymentLog,
      now,
    });
    this.expiry = new OrderExpiry({
      orders,
      unpaidKioskExpiryMinutes: settings.orders.unpaidKioskExpiryMinutes,
      unpickedExpiryMinutes: settings.orders.unpickedExpiryMinutes,
      now,
      onError: (err) => log.error({ err }, 'expiring unpaid kiosk or unpicked online orders failed'),
    });
    this.openTickets = new OpenTicketService({ events: this.events, orders, tickets: new OpenTicketRepository(db) });
    this.tips = new TipService({
      events: this.events,
      repository: new TipRepository(db),
      store: settings.store,
      businessDay,
      currency: () => this.catalog.catalog.currency,
      now,
    });
    this.cash = new CashService({
      events: this.events,
      repository: new DrawerRepository(db),
      currency: () => this.catalog.catalog.currency,
      varianceApprovalAmount: settings.cash.varianceApprovalAmount,
      log: log.child({ module: 'cash' }),
      now,
    });
    this.dayReports = new DayReportService({
      events: this.events,
      repository: dayReportRepository,
      days: this.days,
      store: settings.store,
      currency: () => this.catalog.catalog.currency,
      pendingCardPayments: () => pendingCardPayments(intents.open(), this.payments.attention()),
      drawerName: (id) => {
        try {
          return this.cash.get(id).name;
        } catch {
          return undefined; // a drawer no longer there: the report shows its id
        }
      },
      now,
    });
  }

  start(): void {
    this.events.start();
    this.days.start();
    this.catalog.start();
    this.stock.start();
    this.kitchen.start();
    this.reversals.start();
    this.payments.start();
    this.offline.start();
    this.expiry.start();
    this.cash.start();
    this.dayReports.start();
  }

  stop(): void {
    this.dayReports.stop();
    this.cash.stop();
    this.expiry.stop();
    void this.reversals.stop();
    void this.offline.stop();
    this.kitchen.stop();
    this.stock.stop();
    this.catalog.stop();
    this.events.stop();
  }
}
