/**
 * The card terminal over HTTP: the exposure of card payments approved offline and the
 * reconciliation that settles them (shift leads and up, as the payments needing attention), and
 * the virtual terminal's controls (admins: what the next sales do, for the demo and the tests).
 */
import {
  offlineExposureSchema,
  reconciliationResultSchema,
  TillboxError,
  virtualTerminalControlSchema,
  virtualTerminalStateSchema,
} from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { OfflinePayments } from './offline-payments.js';
import type { VirtualTerminal } from './terminal/virtual-terminal.js';

export function terminalRoutes(offline: OfflinePayments, virtual: () => VirtualTerminal | undefined): AnyRoute[] {
  const need = (): VirtualTerminal => {
    const v = virtual();
    if (!v) {
      throw new TillboxError(
        'not-found',
        'This store has no virtual card terminal (its hardware profile names a real one, or none)',
      );
    }
    return v;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/payments/offline',
      permission: 'payment.attention',
      summary:
        'Card payments the terminal approved offline (store-and-forward) that no reconciliation has settled yet: each with what it took, their total, and the caps',
      tags: ['payments'],
      response: offlineExposureSchema,
      handler: () => offline.exposure(),
    }),
    defineRoute({
      method: 'POST',
      url: '/payments/reconciliation',
      permission: 'payment.attention',
      summary:
        "Reconcile with the card terminal: it closes its period and forwards what it stored offline; when it reached its acquirer, the offline approvals made before are settled. Answers the terminal's totals",
      tags: ['payments'],
      response: reconciliationResultSchema,
      errors: [503],
      handler: () => offline.reconcile(),
    }),
    defineRoute({
      method: 'GET',
      url: '/payments/terminal/virtual',
      permission: 'device.manage',
      summary: 'The virtual card terminal: what its next sales do, and its latest transactions (no card data)',
      tags: ['payments'],
      response: virtualTerminalStateSchema,
      errors: [404],
      handler: () => need().poi.state(),
    }),
    defineRoute({
      method: 'PUT',
      url: '/payments/terminal/virtual',
      permission: 'device.manage',
      summary:
        'Set what the virtual card terminal does with the next sales: approve, decline, timeout, cancel on the terminal, card removed, offline (store-and-forward), or lose the answer',
      tags: ['payments'],
      body: virtualTerminalControlSchema,
      response: virtualTerminalStateSchema,
      errors: [404],
      handler: ({ body }) => need().poi.control(body),
    }),
  ];
}
