/** What a kiosk screen reads besides the menu: its idle and confirmation timings (settings `kiosk.*`). */
import { kioskConfigSchema, type KioskConfig } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';

export function kioskRoutes(config: KioskConfig): AnyRoute[] {
  const answer = kioskConfigSchema.parse(config);
  return [
    defineRoute({
      method: 'GET',
      url: '/kiosk/config',
      permission: 'catalog.read',
      summary: 'Kiosk timings: when to ask "Are you still there?", how long to count down, how long to show the number',
      tags: ['kiosk'],
      response: kioskConfigSchema,
      handler: () => answer,
    }),
  ];
}
