/**
 * The kiosk's menu and timings from the edge: the commerce catalog and pricing rules, parsed once
 * (by the schemas `api` checks the answers with) and compiled into the core's engine, opened for
 * this store on the kiosk channel; and the kiosk's idle and confirmation timings.
 */
import {
  commerceCatalogSchema,
  compilePricing,
  healthSchema,
  kioskConfigSchema,
  pricingRulesSchema,
  type KioskConfig,
} from '@tillbox/core';
import { api } from '$lib/api.js';
import { openMenu, type Menu } from '$lib/sale/menu.js';

export interface KioskMenu {
  menu: Menu;
  config: KioskConfig;
}

/** The kiosk's menu, asked for now. Throws an ApiError (the edge away, a refusal) or a TillboxError. */
export async function loadKioskMenu(): Promise<KioskMenu> {
  const [catalog, rules, health, config] = await Promise.all([
    api.get('/catalog', { schema: commerceCatalogSchema }),
    api.get('/pricing/rules', { schema: pricingRulesSchema }),
    api.get('/health', { schema: healthSchema }),
    api.get('/kiosk/config', { schema: kioskConfigSchema }),
  ]);
  // Parsed above: compiled as they are (createPricingEngine would parse both documents again).
  return { menu: openMenu(compilePricing(catalog, rules), health.storeId, 'kiosk'), config };
}
