/**
 * The customer display's API: the counter publishes what its guest should see and links a display
 * by the code it shows; a display reads what to show (then follows the stream's `display` topic).
 */
import {
  counterDisplaysSchema,
  customerDisplayStateSchema,
  customerDisplayViewSchema,
  deviceViewSchema,
  displayLinkBodySchema,
  displayPublishedSchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { DisplayService } from './display-service.js';

export function displayRoutes(displays: DisplayService): AnyRoute[] {
  return [
    defineRoute({
      method: 'PUT',
      url: '/counter/display',
      permission: 'display.show',
      summary:
        "What this counter's customer display should show now (the ticket, the payment, the thank-you, or idle): kept in memory and sent to the displays linked to this counter",
      tags: ['display'],
      body: customerDisplayStateSchema,
      response: displayPublishedSchema,
      errors: [400, 401, 403],
      handler: ({ body, ctx }) => displays.publish(ctx.device.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/counter/display',
      permission: 'display.show',
      summary: 'The customer displays linked to this counter',
      tags: ['display'],
      response: counterDisplaysSchema,
      errors: [401, 403],
      handler: ({ ctx }) => ({
        displays: displays.linked(ctx.device.id).map((d) => ({ id: d.id, name: d.name })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/counter/display/link',
      permission: 'display.show',
      summary: 'Link the customer display showing this code to this counter: from now on it shows this counter',
      tags: ['display'],
      body: displayLinkBodySchema,
      response: deviceViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: ({ body, ctx }) => displays.link(ctx.command, ctx.device.id, body.code),
    }),
    defineRoute({
      method: 'GET',
      url: '/display',
      permission: 'display.read',
      summary:
        'What this customer display shows now: its counter and that counter’s latest state, or the code to link it to a counter',
      tags: ['display'],
      response: customerDisplayViewSchema,
      errors: [401, 403],
      handler: ({ ctx }) => displays.view(ctx.device.id),
    }),
  ];
}
