import { healthSchema, type Health } from '@tillbox/core';
import { defineRoute, type AnyRoute } from './route.js';

export function healthRoutes(health: () => Health): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/health',
      permission: 'health.read',
      summary: 'Liveness and the state of the store box',
      tags: ['system'],
      response: healthSchema,
      handler: () => health(),
    }),
  ];
}
