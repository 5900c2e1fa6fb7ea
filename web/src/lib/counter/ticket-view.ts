/**
 * The ticket as the counter shows it, one shape for both of its lives: a cart priced on the
 * screen by the core (before it is placed), and the order the edge keeps (after: with staff
 * discounts and price overrides the edge priced) with any new lines rung up since (not on the
 * order yet). Lines with their choices, each line's amount, every discount explained, tax added
 * on top, the total, and once money is taken what is paid, due and tipped.
 *
 * Pure: no Svelte, no DOM.
 */
import { localize, type OrderView, type PriceResult } from '@tillbox/core';
import type { CartState } from '$lib/sale/cart.js';
import { describeLine, detailsText } from '$lib/sale/describe.js';
import type { Menu } from '$lib/sale/menu.js';

export interface TicketLineView {
  readonly lineId: string;
  readonly itemId: string;
  /** "Caffè Latte (Medium)". */
  readonly name: string;
  /** Choices and combo contents on one line: "Oat milk · Vanilla". */
  readonly details: string;
  readonly quantity: number;
  /** Before discounts (quantity × unit price); undefined while the cart cannot be priced. */
  readonly amount: number | undefined;
  readonly discount: number;
  readonly note: string | undefined;
  /** A manager set its price: the explanation. */
  readonly override: string | undefined;
  /** Rung up after the order was placed, not on it yet. */
  readonly pending?: boolean;
  /** Given back in a refund. */
  readonly refunded?: boolean;
}

export interface TicketView {
  readonly currency: string;
  readonly lines: readonly TicketLineView[];
  readonly subtotal: number;
  /** Each discount (promotion, reward, staff's) with its explanation. */
  readonly discounts: readonly { readonly id: string; readonly explanation: string; readonly amount: number }[];
  /** Tax added on top of the prices (0 where prices hold it). */
  readonly taxAdded: number;
  readonly total: number;
  /** New lines not on the order yet: what they come to alone (undefined while they cannot be priced). */
  readonly adding: number | undefined;
  /** Taken towards the order so far, net of refunds. */
  readonly paid: number;
  /** Still to pay (undefined before it is placed). */
  readonly due: number | undefined;
  /** Tips taken with its card payments. */
  readonly tips: number;
}

const named = (name: string, variant: string | undefined): string => (variant ? `${name} (${variant})` : name);

/** The cart priced on the screen (`priced` undefined: empty, or it could not be priced). */
export function previewTicket(menu: Menu, cart: CartState, priced: PriceResult | undefined, lang: string): TicketView {
  const lines = cart.lines.map((line): TicketLineView => {
    const about = describeLine(menu, line, lang);
    const p = priced?.lines.find((l) => l.lineId === line.lineId);
    return {
      lineId: line.lineId,
      itemId: line.itemId,
      name: named(about.name, about.variant),
      details: detailsText(about),
      quantity: line.quantity,
      amount: p?.lineTotal,
      discount: p?.discount ?? 0,
      note: line.note,
      override: p?.priceOverride?.explanation,
    };
  });
  return {
    currency: menu.currency,
    lines,
    subtotal: priced?.totals.subtotal ?? 0,
    discounts: (priced?.applied ?? []).map((a) => ({
      id: a.promotionId,
      explanation: a.explanation,
      amount: a.amount,
    })),
    taxAdded: priced?.totals.taxExclusive ?? 0,
    total: priced?.totals.total ?? 0,
    adding: 0,
    paid: 0,
    due: undefined,
    tips: 0,
  };
}

/** A placed order with the lines rung up since (priced alone on the screen): they show as new. */
export function withNewLines(order: TicketView, added: TicketView, priced: boolean): TicketView {
  if (added.lines.length === 0) return order;
  return {
    ...order,
    lines: [...order.lines, ...added.lines.map((l) => ({ ...l, pending: true }))],
    adding: priced ? added.total : undefined,
  };
}

/** A placed order as the edge keeps it. */
export function orderTicket(order: OrderView, lang: string): TicketView {
  const overrides = new Map((order.pricing?.overrides ?? []).map((o) => [o.lineId, o.explanation]));
  return {
    currency: order.totals.currency,
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      itemId: l.itemId,
      name: named(localize(l.name, lang), l.variantName ? localize(l.variantName, lang) : undefined),
      details: l.modifiers.map((m) => localize(m.name, lang)).join(' · '),
      quantity: l.quantity,
      amount: l.lineTotal,
      discount: l.discount,
      note: l.note,
      override: overrides.get(l.lineId),
      ...(l.refundedAt !== undefined ? { refunded: true } : {}),
    })),
    subtotal: order.totals.subtotal,
    discounts: (order.pricing?.discounts ?? []).map((d) => ({
      id: d.promotionId,
      explanation: d.explanation,
      amount: d.amount,
    })),
    taxAdded: (order.pricing?.taxes ?? []).filter((t) => !t.inclusive).reduce((sum, t) => sum + t.amount, 0),
    total: order.totals.total,
    adding: 0,
    paid: order.payments.reduce((sum, p) => sum + p.amount, 0),
    due: order.due ?? Math.max(0, order.totals.total - order.payments.reduce((sum, p) => sum + p.amount, 0)),
    tips: order.tipTotal ?? 0,
  };
}
