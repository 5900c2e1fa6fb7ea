/**
 * The device hub's calls for the admin screen: the store's hardware with its state and queue,
 * print jobs, reprints and test slips (each with an id made here, so a repeated tap prints once),
 * what a virtual printer printed, a virtual printer's state, and a code for a virtual scanner. Each answer is parsed by the
 * core's schema.
 */
import {
  hardwareListSchema,
  printJobListSchema,
  printJobViewSchema,
  printoutListSchema,
  uuidv7,
  virtualScanResultSchema,
  type HardwareList,
  type PrintJobView,
  type PrintoutList,
  type VIRTUAL_DEVICE_STATES,
} from '@tillbox/core';
import { api } from '$lib/api.js';

export type VirtualState = (typeof VIRTUAL_DEVICE_STATES)[number];

export const hardwareCalls = {
  hardware: (): Promise<HardwareList> => api.get('/devices/hardware', { schema: hardwareListSchema }),
  jobs: async (device?: string): Promise<PrintJobView[]> =>
    (
      await api.get('/devices/print-jobs', {
        query: { limit: 30, ...(device ? { device } : {}) },
        schema: printJobListSchema,
      })
    ).jobs,
  reprint: (jobId: string): Promise<PrintJobView> =>
    api.post('/devices/print-jobs/{id}/reprint', {
      params: { id: jobId },
      body: { jobId: uuidv7() },
      schema: printJobViewSchema,
    }),
  testPrint: (device: string): Promise<PrintJobView> =>
    api.post('/devices/hardware/{id}/test-print', {
      params: { id: device },
      body: { jobId: uuidv7() },
      schema: printJobViewSchema,
    }),
  printouts: (device: string): Promise<PrintoutList> =>
    api.get('/devices/hardware/{id}/printouts', { params: { id: device }, schema: printoutListSchema }),
  setVirtualState: (device: string, state: VirtualState): Promise<PrintoutList> =>
    api.post('/devices/hardware/{id}/virtual-state', {
      params: { id: device },
      body: { state },
      schema: printoutListSchema,
    }),
  /** A virtual HID POS scanner scans `code` (its reports go through the driver to its screens). */
  scan: (device: string, code: string): Promise<{ device: string; reports: number }> =>
    api.post('/devices/hardware/{id}/scan', {
      params: { id: device },
      body: { code },
      schema: virtualScanResultSchema,
    }),
};

export type HardwareCalls = typeof hardwareCalls;

/** How a device's state reads on the screen. */
export const STATE_WORDS: Readonly<Record<HardwareList['devices'][number]['state'], string>> = {
  ready: 'Ready',
  offline: 'Offline',
  'paper-out': 'Out of paper',
  'cover-open': 'Cover open',
  error: 'Error',
};

export const ROLE_WORDS: Readonly<Record<HardwareList['devices'][number]['role'], string>> = {
  'receipt-printer': 'Receipt printer',
  'kitchen-printer': 'Kitchen printer',
  scanner: 'Scanner',
  'cash-drawer': 'Cash drawer',
  'payment-terminal': 'Card terminal',
  'customer-display': 'Customer display',
};

export const JOB_WORDS: Readonly<Record<PrintJobView['kind'], string>> = {
  ticket: 'Ticket',
  receipt: 'Receipt',
  kick: 'Drawer kick',
  test: 'Test slip',
};
