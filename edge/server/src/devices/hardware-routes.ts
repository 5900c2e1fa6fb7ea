/**
 * The device hub's API under /api/v1/devices/…: the store's hardware with its state, last error
 * and queue; print jobs with their state; reprints and test slips (each with a client-made id: the
 * same request twice prints once); what a virtual printer printed; a virtual printer's state; and a
 * code for a virtual scanner to scan (its reports go through the scanner driver to the screens).
 * (`GET /devices` and `/devices/:id/revoke` are the paired screens: pairing/device-routes.ts.)
 */
import {
  hardwareListSchema,
  hardwareParamsSchema,
  printJobListQuerySchema,
  printJobListSchema,
  printJobParamsSchema,
  printJobViewSchema,
  printoutListSchema,
  reprintBodySchema,
  testPrintBodySchema,
  TillboxError,
  virtualScanBodySchema,
  virtualScanResultSchema,
  virtualStateBodySchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { Devices } from './devices.js';

export function hardwareRoutes(devices: Devices): AnyRoute[] {
  const one = (row: Parameters<Devices['jobViews']>[0][number]) => {
    const [view] = devices.jobViews([row]);
    if (!view) throw new TillboxError('internal', 'the print job has no view');
    return view;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/devices/hardware',
      permission: 'hardware.read',
      summary: 'The store’s printers, scanners, drawers and terminal with their state, last error and print queue',
      tags: ['devices'],
      response: hardwareListSchema,
      handler: () => devices.hardwareList(),
    }),
    defineRoute({
      method: 'GET',
      url: '/devices/print-jobs',
      permission: 'hardware.read',
      summary: 'Print jobs, newest first: tickets, receipts, drawer kicks and test slips with their state',
      tags: ['devices'],
      query: printJobListQuerySchema,
      response: printJobListSchema,
      errors: [400],
      handler: ({ query }) => ({
        jobs: devices.jobViews(
          devices.prints.list({
            ...(query.device ? { deviceId: query.device } : {}),
            ...(query.order ? { orderId: query.order } : {}),
            ...(query.state ? { state: query.state } : {}),
            limit: query.limit,
          }),
        ),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/devices/print-jobs/:id/reprint',
      permission: 'hardware.print',
      summary: 'Print a ticket, receipt (marked COPY) or test slip again, on its printer or another',
      tags: ['devices'],
      params: printJobParamsSchema,
      body: reprintBodySchema,
      response: printJobViewSchema,
      status: 201,
      errors: [400, 404, 409],
      handler: ({ params, body }) => {
        const { job, created } = devices.prints.reprint(params.id, body.jobId, body.device);
        return { status: created ? 201 : 200, body: one(job) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/devices/hardware/:id/test-print',
      permission: 'hardware.print',
      summary: 'Print a test slip: the printer’s name, address, width and code page',
      tags: ['devices'],
      params: hardwareParamsSchema,
      body: testPrintBodySchema,
      response: printJobViewSchema,
      status: 201,
      errors: [400, 404, 409],
      handler: ({ params, body }) => {
        const { job, created } = devices.prints.testPrint(params.id, body.jobId);
        return { status: created ? 201 : 200, body: one(job) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/devices/hardware/:id/printouts',
      permission: 'hardware.read',
      summary: 'What a virtual printer printed, newest first, decoded from the bytes it received',
      tags: ['devices'],
      params: hardwareParamsSchema,
      response: printoutListSchema,
      errors: [400, 404],
      handler: ({ params }) => devices.printouts(params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/devices/hardware/:id/virtual-state',
      permission: 'hardware.simulate',
      summary: 'Put a virtual printer out of paper, open its cover, switch it off, or make it ready',
      tags: ['devices'],
      params: hardwareParamsSchema,
      body: virtualStateBodySchema,
      response: printoutListSchema,
      errors: [400, 404],
      handler: ({ params, body }) => devices.setVirtualState(params.id, body.state),
    }),
    defineRoute({
      method: 'POST',
      url: '/devices/hardware/:id/scan',
      permission: 'hardware.simulate',
      summary:
        'A virtual HID POS scanner scans a code: its reports are read by the scanner driver and the code goes to the scanner’s screens',
      tags: ['devices'],
      params: hardwareParamsSchema,
      body: virtualScanBodySchema,
      response: virtualScanResultSchema,
      status: 202,
      errors: [400, 404],
      handler: ({ params, body }) => ({
        status: 202,
        body: devices.virtualScan(params.id, body.code, body.symbology),
      }),
    }),
  ];
}
