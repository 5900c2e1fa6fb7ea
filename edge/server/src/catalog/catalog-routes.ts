import { commerceCatalogSchema, pricingRulesSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { CatalogService } from './catalog-service.js';

export function catalogRoutes(catalog: CatalogService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/catalog',
      permission: 'catalog.read',
      summary:
        'The commerce catalog: categories, items with sizes, nested modifier groups, combos with slots, dayparts, store prices',
      tags: ['catalog'],
      response: commerceCatalogSchema,
      handler: () => catalog.catalog,
    }),
    defineRoute({
      method: 'GET',
      url: '/pricing/rules',
      permission: 'catalog.read',
      summary: 'The pricing rules: stores, promotions, tax and loyalty (screens price carts with them)',
      tags: ['catalog'],
      response: pricingRulesSchema,
      handler: () => catalog.rules,
    }),
  ];
}
