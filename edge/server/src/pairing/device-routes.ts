import {
  deviceIdParamsSchema,
  deviceListSchema,
  deviceViewSchema,
  pairedSchema,
  pairingClaimBodySchema,
  pairingCodeBodySchema,
  pairingCodeViewSchema,
  pairingDemoBodySchema,
  pairingModeSchema,
  type Paired,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import { deviceCookie, isLoopback } from '../api/guard.js';
import type { DeviceService } from './device-service.js';

/** The claim's answer, with the credential as an HttpOnly cookie for a browser. */
const paired = (p: Paired) => ({
  status: 201,
  body: p,
  headers: { 'set-cookie': deviceCookie(p.device.role, p.credential), 'cache-control': 'no-store' },
});

export function deviceRoutes(devices: DeviceService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/pairing/mode',
      permission: 'public',
      summary: 'How screens pair here: with a code, or (demo store) in one click from the box itself',
      tags: ['devices'],
      response: pairingModeSchema,
      handler: ({ ip }) => ({ demo: devices.demo, oneClick: devices.demo && isLoopback(ip) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/pairing/claim',
      permission: 'public',
      summary:
        'Pair this screen with a one-time code from the admin screen; answers the device credential (also set as a cookie)',
      tags: ['devices'],
      body: pairingClaimBodySchema,
      response: pairedSchema,
      status: 201,
      errors: [400, 403],
      handler: ({ body }) => paired(devices.claim(body.code)),
    }),
    defineRoute({
      method: 'POST',
      url: '/pairing/demo',
      permission: 'public',
      summary: 'Demo store only, from the box itself: pair this browser as a screen in one click',
      tags: ['devices'],
      body: pairingDemoBodySchema,
      response: pairedSchema,
      status: 201,
      errors: [400, 403, 404],
      handler: ({ body, ip }) => paired(devices.pairDemo(body.role, isLoopback(ip))),
    }),
    defineRoute({
      method: 'POST',
      url: '/pairing/codes',
      permission: 'device.manage',
      summary: 'Make a one-time pairing code for a new screen (shown once; expires)',
      tags: ['devices'],
      body: pairingCodeBodySchema,
      response: pairingCodeViewSchema,
      status: 201,
      errors: [400, 401, 403],
      handler: ({ body, ctx }) => ({ status: 201, body: devices.createCode(ctx.command, body) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/devices',
      permission: 'device.manage',
      summary: 'Paired devices and the pairing codes still open',
      tags: ['devices'],
      response: deviceListSchema,
      errors: [401, 403],
      handler: () => devices.list(),
    }),
    defineRoute({
      method: 'POST',
      url: '/devices/:id/revoke',
      permission: 'device.manage',
      summary: 'Revoke a device: its credential stops working at once',
      tags: ['devices'],
      params: deviceIdParamsSchema,
      response: deviceViewSchema,
      errors: [401, 403, 404, 409],
      handler: ({ params, ctx }) => devices.revoke(ctx.command, params.id),
    }),
  ];
}
