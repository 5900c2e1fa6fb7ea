/**
 * Split tender, as the tender panel shows it: the bill being paid (the whole order, or one part of
 * a split bill), each tender taken for it, and the rest. Cash that covers the rest gives change;
 * cash that does not is taken as part of the bill (no change), and so is a card or another
 * tender for less than the rest. The numbers come from the edge's order (`due`, the split's
 * parts); nothing here decides what the edge would refuse.
 *
 * Pure: no Svelte, no DOM.
 */
import type { OrderView, PaymentView } from '@tillbox/core';
import { parseTendered } from './tender.js';

export interface BillState {
  /** The part of a split bill, or undefined for the whole order. */
  readonly part: number | undefined;
  /** What the bill comes to. */
  readonly amount: number;
  /** Taken for it so far, net of refunds. */
  readonly paid: number;
  /** The rest. */
  readonly due: number;
  /** The tenders taken for it, oldest first (refunds left out). */
  readonly tenders: readonly PaymentView[];
}

const taken = (p: PaymentView): boolean => p.refundOf === undefined && p.amount > 0;

/** The bill `part` of `order` (the whole order when it is not split). */
export function billState(order: OrderView, part?: number): BillState {
  const parts = order.split?.parts;
  if (parts && parts.length > 0) {
    const found = parts.find((p) => p.part === part) ?? parts.find((p) => p.due > 0) ?? parts[0];
    if (found) {
      return {
        part: found.part,
        amount: found.amount,
        paid: found.paid,
        due: found.due,
        tenders: order.payments.filter((p) => taken(p) && p.part === found.part),
      };
    }
  }
  const paid = order.payments.reduce((s, p) => s + p.amount, 0);
  return {
    part: undefined,
    amount: order.totals.total,
    paid,
    due: order.due ?? Math.max(0, order.totals.total - paid),
    tenders: order.payments.filter(taken),
  };
}

/** The first part of a split bill with something due, or undefined (not split, or all paid). */
export function nextPart(order: OrderView): number | undefined {
  return order.split?.parts.find((p) => p.due > 0)?.part;
}

export type CashOutcome =
  /** Covers the rest: the change is given back. */
  | { readonly kind: 'pays'; readonly change: number }
  /** Less than the rest: all of it goes to the bill, the rest stays due. */
  | { readonly kind: 'part'; readonly rest: number };

/** What cash handed over does to a bill with `due` left; undefined for nothing (or nothing due). */
export function cashOutcome(due: number, tendered: number | undefined): CashOutcome | undefined {
  if (tendered === undefined || tendered <= 0 || due <= 0) return undefined;
  return tendered >= due ? { kind: 'pays', change: tendered - due } : { kind: 'part', rest: due - tendered };
}

/**
 * The amount typed for a card or another tender: blank is the rest, else at most the rest and
 * more than nothing. A string says what is wrong.
 */
export function tenderAmount(text: string, due: number, currency: string): number | string {
  if (text.trim() === '') return due;
  const amount = parseTendered(text, currency);
  if (amount === undefined) return 'Type an amount such as 5 or 4.50';
  if (amount <= 0) return 'Type more than nothing';
  if (amount > due) return 'A card or other tender takes at most what is due';
  return amount;
}

/** What a tender was, in words: "Cash", "Card ending 4242", "Other (voucher 12)". */
export function tenderName(p: Pick<PaymentView, 'method' | 'cardLast4' | 'reference'>): string {
  if (p.method === 'cash') return 'Cash';
  if (p.method === 'card') return p.cardLast4 ? `Card ending ${p.cardLast4}` : 'Card';
  return p.reference ? `Other (${p.reference})` : 'Other';
}
