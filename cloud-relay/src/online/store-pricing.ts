/**
 * A store's menu and prices in the cloud: the core's pricing engine compiled from the
 * configuration versions the store runs (its `active` ones), cached per store until those
 * versions change. A cart is priced with the same engine and the same placement path as the
 * edge's (`priceWithEngine`, `placementOf`, the same context), so the cloud's quote is the
 * store's total to the cent when both run the same versions.
 */
import {
  availabilityOf,
  localMoment,
  placementOf,
  priceWithEngine,
  pricingContextSchema,
  unavailableReason,
  type ActiveConfig,
  type Channel,
  type InboundChannel,
  type ConfigKind,
  type OrderType,
  type PricingCart,
  type PricingEngine,
  type RoutingConfig,
} from '@tillbox/core';
import type { ConfigService } from '../configuration/config-service.js';
import { engineOf, type ConfigSet } from '../configuration/store-config.js';
import type { OnlineOffer } from '../stock/stock-projection.js';

export interface StoreEngine {
  engine: PricingEngine;
  /** The versions it was compiled from. */
  versions: ActiveConfig;
  routing: RoutingConfig;
}

const DEFAULT_ROUTING: RoutingConfig = { stations: [], defaultStation: 'kitchen' };

export class StorePricing {
  readonly #cache = new Map<string, { key: string; value: StoreEngine }>();

  constructor(
    private readonly config: ConfigService,
    /** What each store offers online from its stock (86 and safety stock, `cloud-relay/src/stock/`). */
    private readonly stock?: {
      offers(storeId: string, engine: PricingEngine): Promise<ReadonlyMap<string, OnlineOffer>>;
    },
  ) {}

  /** The engine of what the store runs; `unavailable` when the cloud does not know all of its pricing. */
  async engine(storeId: string): Promise<StoreEngine> {
    const set = await this.config.set(storeId, ['active']);
    const versions: ActiveConfig = {};
    for (const [kind, v] of Object.entries(set) as [ConfigKind, { version: number }][]) versions[kind] = v.version;
    const key = JSON.stringify(versions);
    const cached = this.#cache.get(storeId);
    if (cached?.key === key) return cached.value;
    const value: StoreEngine = { engine: engineOf(storeId, set), versions, routing: routingOf(set) };
    this.#cache.set(storeId, { key, value });
    return value;
  }

  /** The store's menu on a channel now: the catalog, and each item's availability with the reason. */
  async menu(storeId: string, channel: InboundChannel, at: Date) {
    const { engine, versions } = await this.engine(storeId);
    const store = engine.stores.get(storeId);
    const moment = localMoment(at.getTime(), store?.timeZone ?? 'UTC');
    const stock = await this.stock?.offers(storeId, engine);
    return {
      storeId,
      channel,
      at: at.toISOString(),
      versions,
      currency: engine.currency,
      catalog: engine.catalog,
      rules: engine.rules,
      availability: engine.catalog.items.map((item) => {
        const a = availabilityOf(engine, item, channel, moment);
        const offer = a.kind === 'available' ? stock?.get(item.id) : undefined;
        if (offer && !offer.offered) return { itemId: item.id, available: false, reason: offer.reason ?? 'sold out' };
        const reason = unavailableReason(engine, item, a);
        return { itemId: item.id, available: a.kind === 'available', ...(reason ? { reason } : {}) };
      }),
    };
  }

  /**
   * Price a cart (every line with its id) as the store will place it: its lines, totals and why
   * (discounts explained, taxes); for a loyalty member (their tier, the points they may spend)
   * with the rewards they redeem, as the store prices the order for them. Throws `validation`
   * naming each line that cannot be sold; `rewardsSkipped` says why a reward was not applied.
   */
  async quote(
    storeId: string,
    input: {
      channel: Channel;
      orderType: OrderType;
      cart: PricingCart;
      customer?: { id: string; loyaltyTier?: string; pointsBalance: number };
      rewards?: readonly string[];
    },
    at: Date,
  ) {
    const { engine, versions, routing } = await this.engine(storeId);
    const context = pricingContextSchema.parse({
      storeId,
      channel: input.channel,
      orderType: input.orderType,
      at: at.toISOString(),
      ...(input.customer ? { customer: input.customer } : {}),
      ...(input.rewards && input.rewards.length > 0 ? { rewards: [...input.rewards] } : {}),
    });
    const priced = priceWithEngine(engine, input.cart, context);
    const { lines, totals, pricing, catalogVersion } = placementOf(priced, engine, routing);
    const rewardsSkipped = priced.skipped.filter((s) => s.source === 'reward').map((s) => s.message);
    return { storeId, at: context.at, versions, catalogVersion, lines, totals, pricing, rewardsSkipped };
  }
}

function routingOf(set: ConfigSet): RoutingConfig {
  const stations = set.stations?.document;
  return stations ? { stations: stations.stations, defaultStation: stations.defaultStation } : DEFAULT_ROUTING;
}
