/**
 * The card terminal's calls for the admin screen: the virtual terminal's controls (what its next
 * sales do) and its latest transactions, the card payments approved offline and the
 * reconciliation that settles them. Each answer is parsed by the core's schema.
 */
import {
  offlineExposureSchema,
  reconciliationResultSchema,
  virtualTerminalStateSchema,
  type OfflineExposure,
  type ReconciliationResult,
  type VirtualTerminalControl,
  type VirtualTerminalState,
} from '@tillbox/core';
import { api, ApiError } from '$lib/api.js';

export const terminalCalls = {
  /** The virtual terminal, or undefined when the store's terminal is a real one (404). */
  virtual: async (): Promise<VirtualTerminalState | undefined> => {
    try {
      return await api.get('/payments/terminal/virtual', { schema: virtualTerminalStateSchema });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return undefined;
      throw e;
    }
  },
  control: (change: VirtualTerminalControl): Promise<VirtualTerminalState> =>
    api.put('/payments/terminal/virtual', { body: change, schema: virtualTerminalStateSchema }),
  offline: (): Promise<OfflineExposure> => api.get('/payments/offline', { schema: offlineExposureSchema }),
  reconcile: (): Promise<ReconciliationResult> =>
    api.post('/payments/reconciliation', { schema: reconciliationResultSchema }),
};
