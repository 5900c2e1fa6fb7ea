/** The counter's menu: the store's catalog at its prices and rules, offered on the 'counter' channel. */
import { commerceCatalogSchema, createPricingEngine, healthSchema, pricingRulesSchema } from '@tillbox/core';
import { api } from '$lib/api.js';
import { openMenu, type Menu } from '$lib/sale/menu.js';

export async function loadCounterMenu(): Promise<Menu> {
  const [catalog, rules, health] = await Promise.all([
    api.get('/catalog', { schema: commerceCatalogSchema }),
    api.get('/pricing/rules', { schema: pricingRulesSchema }),
    api.get('/health', { schema: healthSchema }),
  ]);
  return openMenu(createPricingEngine(catalog, rules), health.storeId, 'counter');
}
