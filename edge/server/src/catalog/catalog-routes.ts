import { catalogSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { CatalogService } from './catalog-service.js';

export function catalogRoutes(catalog: CatalogService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/catalog',
      summary: 'The current catalog: categories, items, variants and modifier groups',
      tags: ['catalog'],
      response: catalogSchema,
      handler: () => catalog.catalog,
    }),
  ];
}
