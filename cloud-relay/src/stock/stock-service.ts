/**
 * Stock in the cloud: each store's levels projected from its stock events (in the ingest's
 * transaction, once per (store, seq)), the chain's availability of an item, the safety stock per
 * item (a cloud table, set through the admin API), and what follows from them: what a store offers
 * online (the menu, the refusal of an order for more than is offered) and the marketplace feed.
 * The rule itself is `onlineOffer` (stock-projection.ts).
 */
import { availabilityOf, localMoment, MAX_STOCK_COUNT, TillboxError, type PricingEngine } from '@tillbox/core';
import type { Tx } from '../db/database.js';
import type { StoreEventRow } from '../ingest/ingest-repository.js';
import type { StoreRepository } from '../stores/store-repository.js';
import type { StoreService } from '../stores/store-service.js';
import {
  cartItemQuantities,
  onlineOffer,
  stockChanges,
  type OnlineOffer,
  type StockLevel,
} from './stock-projection.js';
import { EVERY_STORE, levelOf, type StockLevelRow, type StockRepository } from './stock-repository.js';

export interface CloudStockContext {
  repository: StockRepository;
  stores: StoreService;
  /** The stores' rows, for whether a store takes orders now. */
  storeRows: StoreRepository;
  now?: () => Date;
}

const nameIn = (engine: PricingEngine | undefined, itemId: string, fallback?: string | null): string =>
  engine?.items.get(itemId)?.name.en ?? fallback ?? itemId;

/** A store's stock of one item, as the admin API shows it. */
export interface StoreStockView {
  storeId: string;
  itemId: string;
  name: string;
  tracked: boolean;
  count?: number;
  eightySixed?: { reason: 'sold-out' | 'manual'; note?: string; at?: string };
  safetyStock: number;
  offeredOnline: boolean;
  onlineQuantity?: number;
}

export class CloudStock {
  constructor(private readonly ctx: CloudStockContext) {}

  /** The ingest hook: the batch's new stock events projected into `stock_levels`, in its transaction. */
  async applyIngested(tx: Tx, fresh: readonly StoreEventRow[], now: Date): Promise<void> {
    const changes = stockChanges(fresh);
    if (changes.length > 0) await this.ctx.repository.apply(tx, changes, now);
  }

  /** Each item a store counts or has 86'd, with what it offers online (items it does not count are all offered). */
  async offers(storeId: string, engine?: PricingEngine): Promise<Map<string, OnlineOffer>> {
    const [rows, safety] = await Promise.all([this.ctx.repository.levels(storeId), this.safety(storeId)]);
    const out = new Map<string, OnlineOffer>();
    for (const row of rows)
      out.set(row.itemId, onlineOffer(levelOf(row), safety(row.itemId), nameIn(engine, row.itemId, row.name)));
    return out;
  }

  /**
   * Throws `conflict` naming every item of the cart the store does not offer online now, or not
   * as many as the cart takes (nothing is sent to the store).
   */
  async assertOffered(
    storeId: string,
    lines: readonly { itemId: string; quantity: number; slots?: readonly { itemId: string }[] | undefined }[],
    engine?: PricingEngine,
  ): Promise<void> {
    const offers = await this.offers(storeId, engine);
    if (offers.size === 0) return;
    const short: { path: string; message: string }[] = [];
    for (const [itemId, quantity] of cartItemQuantities(lines)) {
      const offer = offers.get(itemId);
      if (!offer) continue;
      if (!offer.offered) short.push({ path: `items.${itemId}`, message: offer.reason ?? 'not sold online now' });
      else if (offer.quantity !== undefined && quantity > offer.quantity)
        short.push({
          path: `items.${itemId}`,
          message: `only ${offer.quantity} "${nameIn(engine, itemId)}" can be ordered online at this store now`,
        });
    }
    if (short.length > 0)
      throw new TillboxError('conflict', short.map((s) => s.message).join('; '), { details: short });
  }

  /** A store's stock with its safety stock and what it offers online (admin). */
  async storeStock(storeId: string, engine?: PricingEngine): Promise<StoreStockView[]> {
    const [rows, safety] = await Promise.all([this.ctx.repository.levels(storeId), this.safety(storeId)]);
    return rows.map((row) => this.view(row, safety(row.itemId), engine));
  }

  /** One item across the chain: each store that counts it or has 86'd it, and the chain's totals. */
  async chainItem(itemId: string) {
    const rows = await this.ctx.repository.item(itemId);
    const stores = await Promise.all(
      rows.map(async (row) => this.view(row, (await this.safety(row.storeId))(itemId), undefined)),
    );
    const counted = stores.filter((s) => s.tracked);
    return {
      itemId,
      onHand: counted.reduce((n, s) => n + (s.count ?? 0), 0),
      onlineQuantity: counted.reduce((n, s) => n + (s.onlineQuantity ?? 0), 0),
      storesOffering: stores.filter((s) => s.offeredOnline).map((s) => s.storeId),
      storesOut: stores.filter((s) => !s.offeredOnline).map((s) => s.storeId),
      stores,
    };
  }

  /**
   * The marketplace feed of a store: every item of the catalog it runs, available on the
   * `marketplace` channel now (its dayparts), offered above its safety stock, and only while the
   * store takes orders; a counted item says how many may be sold.
   */
  async marketplace(storeId: string, engine: PricingEngine, at: Date) {
    const [row, offers] = await Promise.all([this.ctx.storeRows.find(storeId), this.offers(storeId, engine)]);
    const closed = this.ctx.stores.offlineReason(row, storeId);
    const moment = localMoment(at.getTime(), engine.stores.get(storeId)?.timeZone ?? 'UTC');
    const items = engine.catalog.items.map((item) => {
      const offer = offers.get(item.id) ?? { offered: true };
      const onChannel = availabilityOf(engine, item, 'marketplace', moment).kind === 'available';
      const available = closed === undefined && onChannel && offer.offered;
      const reason = closed
        ? 'the store is not taking orders'
        : !onChannel
          ? `"${item.name.en}" is not sold on the marketplace now`
          : offer.reason;
      return {
        itemId: item.id,
        name: item.name.en,
        available,
        ...(offer.quantity !== undefined ? { quantity: available ? offer.quantity : 0 } : {}),
        ...(!available && reason ? { reason } : {}),
      };
    });
    return {
      storeId,
      at: at.toISOString(),
      takingOrders: closed === undefined,
      ...(closed ? { reason: closed } : {}),
      items,
    };
  }

  /** Every safety stock setting. */
  async safetyList() {
    const rows = await this.ctx.repository.safetyList();
    return rows.map((r) => ({
      itemId: r.itemId,
      ...(r.storeId === EVERY_STORE ? {} : { storeId: r.storeId }),
      quantity: r.quantity,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** Set (or with `null`, remove) the safety stock of an item at one store, or the chain's default. */
  async setSafety(itemId: string, storeId: string | undefined, quantity: number | null): Promise<void> {
    if (quantity !== null && (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_STOCK_COUNT))
      throw new TillboxError('validation', `a safety stock is a whole number from 0 to ${MAX_STOCK_COUNT}`);
    const now = (this.ctx.now ?? (() => new Date()))();
    await this.ctx.repository.setSafety(storeId ?? EVERY_STORE, itemId, quantity ?? undefined, now);
  }

  /** The safety stock of each item at a store: its own setting, else the chain's default, else 0. */
  private async safety(storeId: string): Promise<(itemId: string) => number> {
    const rows = await this.ctx.repository.safetyFor(storeId);
    const own = new Map<string, number>();
    const chain = new Map<string, number>();
    for (const r of rows) (r.storeId === EVERY_STORE ? chain : own).set(r.itemId, r.quantity);
    return (itemId) => own.get(itemId) ?? chain.get(itemId) ?? 0;
  }

  private view(row: StockLevelRow, safety: number, engine: PricingEngine | undefined): StoreStockView {
    const name = nameIn(engine, row.itemId, row.name);
    const level: StockLevel = levelOf(row);
    const offer = onlineOffer(level, safety, name);
    return {
      storeId: row.storeId,
      itemId: row.itemId,
      name,
      tracked: row.tracked,
      ...(row.tracked ? { count: row.count } : {}),
      ...(level.eightySixed
        ? {
            eightySixed: {
              reason: level.eightySixed,
              ...(row.eightySixNote ? { note: row.eightySixNote } : {}),
              ...(row.eightySixAt ? { at: row.eightySixAt.toISOString() } : {}),
            },
          }
        : {}),
      safetyStock: safety,
      offeredOnline: offer.offered,
      ...(offer.quantity !== undefined ? { onlineQuantity: offer.quantity } : {}),
    };
  }
}
