/**
 * The kiosk's menu and timings from the edge: the commerce catalog and pricing rules compiled
 * into the core's engine, opened for this store on the kiosk channel, and the kiosk's idle and
 * confirmation timings.
 *
 * The first time, from the answers the layout fetched early (./menu-prefetch.ts), parsed and
 * compiled as soon as they are in — before the gate has opened, so the attract screen can show
 * the menu at once. Any other time, or when an early answer is missing or does not parse, the
 * ordinary way through `api`, which says what went wrong.
 */
import {
  commerceCatalogSchema,
  compilePricing,
  healthSchema,
  kioskConfigSchema,
  pricingRulesSchema,
  type CommerceCatalog,
  type Health,
  type KioskConfig,
  type PricingRules,
} from '@tillbox/core';
import { api } from '$lib/api.js';
import { openMenu, type Menu } from '$lib/sale/menu.js';
import { takePrefetched } from './menu-prefetch.js';

export interface KioskMenu {
  menu: Menu;
  config: KioskConfig;
}

function open(catalog: CommerceCatalog, rules: PricingRules, health: Health, config: KioskConfig): KioskMenu {
  // Parsed already: compiled without parsing them a second time.
  return { menu: openMenu(compilePricing(catalog, rules), health.storeId, 'kiosk'), config };
}

let early: Promise<KioskMenu | undefined> | undefined;

/**
 * The menu from the early answers, parsed and compiled once they are all in (started once; later
 * calls share it until {@link loadKioskMenu} takes it); undefined when there are none, or one is
 * missing or unusable.
 */
export function openEarlyMenu(): Promise<KioskMenu | undefined> {
  early ??= Promise.all([
    takePrefetched('/catalog'),
    takePrefetched('/pricing/rules'),
    takePrefetched('/health'),
    takePrefetched('/kiosk/config'),
  ]).then(([catalog, rules, health, config]) => {
    if (catalog === undefined) return undefined;
    const c = commerceCatalogSchema.safeParse(catalog);
    const r = pricingRulesSchema.safeParse(rules);
    const h = healthSchema.safeParse(health);
    const k = kioskConfigSchema.safeParse(config);
    if (!c.success || !r.success || !h.success || !k.success) return undefined;
    try {
      return open(c.data, r.data, h.data, k.data);
    } catch {
      return undefined; // asked again the ordinary way, which reports the problem
    }
  });
  return early;
}

/** The kiosk's menu: the early one the first time it is there, else asked for now. Throws an ApiError or a TillboxError. */
export async function loadKioskMenu(): Promise<KioskMenu> {
  const first = await openEarlyMenu();
  early = undefined;
  if (first) return first;
  const [catalog, rules, health, config] = await Promise.all([
    api.get('/catalog', { schema: commerceCatalogSchema }),
    api.get('/pricing/rules', { schema: pricingRulesSchema }),
    api.get('/health', { schema: healthSchema }),
    api.get('/kiosk/config', { schema: kioskConfigSchema }),
  ]);
  return open(catalog, rules, health, config);
}
