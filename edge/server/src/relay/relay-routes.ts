/** The relay's status for the admin: connected, backlog, the configuration versions active. */
import { relayStatusSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { Relay } from './relay.js';

export function relayRoutes(relay: Relay): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/relay',
      permission: 'health.detail',
      summary:
        'The MQTT relay to the cloud: connected, events not yet relayed, the configuration version active by kind',
      tags: ['health'],
      response: relayStatusSchema,
      handler: () => relay.status(),
    }),
  ];
}
