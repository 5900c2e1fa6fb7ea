/**
 * Receipts from the counter: the e-receipt's link (the QR code a guest scans: the store box's LAN
 * page, with the token only the edge makes), and a reprint — the order's receipt print job printed
 * again on the receipt printer (marked COPY) when the store has printed one; otherwise the counter
 * offers the printable receipt page.
 */
import {
  eReceiptLinkSchema,
  printJobListSchema,
  printJobViewSchema,
  uuidv7,
  type EReceiptLink,
  type PrintJobView,
} from '@tillbox/core';
import { api } from '$lib/api.js';

export function eReceiptLink(orderId: string): Promise<EReceiptLink> {
  return api.get('/orders/{id}/e-receipt', { params: { id: orderId }, schema: eReceiptLinkSchema });
}

/** Print the order's receipt again; undefined when no receipt of it was printed (no receipt printer). */
export async function reprintReceipt(orderId: string): Promise<PrintJobView | undefined> {
  const { jobs } = await api.get('/devices/print-jobs', { query: { limit: 200 }, schema: printJobListSchema });
  const original = jobs.find((j) => j.kind === 'receipt' && j.orderId === orderId && j.reprintOf === undefined);
  if (!original) return undefined;
  return api.post('/devices/print-jobs/{id}/reprint', {
    params: { id: original.id },
    body: { jobId: uuidv7() },
    schema: printJobViewSchema,
  });
}
