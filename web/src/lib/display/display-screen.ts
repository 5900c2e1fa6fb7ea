/**
 * What the customer display puts on the screen for the view the store box last sent: the link
 * code while it follows no counter, the store's name while no ticket is open, the ticket, the
 * payment, or the thank-you — which gives way to the store's name after a while, so a counter that
 * stops after a sale does not leave the last guest's order up.
 *
 * Pure: no Svelte, no DOM.
 */
import type { CustomerDisplayState, CustomerDisplayView } from '@tillbox/core';

/** How long the thank-you (order number, change, receipt QR) stays before the store's name. */
export const THANKS_MS = 60_000;

export type DisplayScreen =
  | { kind: 'connecting' }
  | { kind: 'link'; code: string; expiresAt: number | undefined }
  | { kind: 'idle'; storeName: string }
  | { kind: 'ticket' | 'paying' | 'thanks'; storeName: string; state: CustomerDisplayState };

export function displayScreen(view: CustomerDisplayView | undefined, now: number): DisplayScreen {
  if (!view) return { kind: 'connecting' };
  if (view.counter === null) {
    const expires = view.linkCodeExpiresAt === undefined ? NaN : Date.parse(view.linkCodeExpiresAt);
    return { kind: 'link', code: view.linkCode ?? '', expiresAt: Number.isNaN(expires) ? undefined : expires };
  }
  const { state, storeName } = view;
  if (!state || state.phase === 'idle') return { kind: 'idle', storeName };
  if (state.phase === 'thanks') {
    const at = view.at === undefined ? NaN : Date.parse(view.at);
    if (!Number.isNaN(at) && now - at > THANKS_MS) return { kind: 'idle', storeName };
  }
  return { kind: state.phase, storeName, state };
}

/** "482 913": the link code in two groups, easier to read across a counter. */
export function groupedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
