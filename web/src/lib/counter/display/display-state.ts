/**
 * What the counter's customer display should show, made from what the counter shows: the ticket
 * (lines with their choices, discounts by name, subtotal, each tax added, total), the member on it
 * (greeting, points, whether they are an estimate) and what the order earns, then while a tender
 * is open the amount due and the tip choices, and once paid "Thank you" with the number, the
 * change and the e-receipt link. Only what the guest may see: no staff, no card, no notes.
 *
 * Pure: no Svelte, no DOM.
 */
import {
  localize,
  type CustomerDisplayStateInput,
  type OrderView,
  type PaymentView,
  type PriceResult,
} from '@tillbox/core';
import type { CartLoyalty } from '$lib/sale/cart.js';
import type { BillState } from '../split-tender.js';
import type { TicketView } from '../ticket-view.js';
import { TIP_PERCENTS, tipAmount, tipOf, type TipChoice } from '../tips.js';

export interface DisplaySource {
  view: TicketView | undefined;
  /** The cart priced on the screen (before the order is placed). */
  priced: PriceResult | undefined;
  order: OrderView | undefined;
  /** The member on the ticket (the cart's, or the one the placed order was for). */
  member: CartLoyalty | undefined;
  tender: 'cash' | 'card' | 'other' | undefined;
  bill: BillState | undefined;
  cardTip: TipChoice;
  /** The tender taken last (its change). */
  last: PaymentView | undefined;
  /** The paid order's e-receipt link, once the store box has given it. */
  receiptUrl: string | undefined;
  lang: string;
}

const IDLE = (currency: string): CustomerDisplayStateInput => ({
  phase: 'idle',
  currency,
  lines: [],
  discounts: [],
  subtotal: 0,
  taxes: [],
  total: 0,
});

const CLOSED = ['cancelled', 'voided', 'refunded'];

/** Taxes added on top, by name: the placed order's, else the screen's preview. */
function taxesOf(src: DisplaySource): { name: string; amount: number }[] {
  if (src.order) {
    return (src.order.pricing?.taxes ?? [])
      .filter((t) => !t.inclusive && t.amount !== 0)
      .map((t) => ({ name: t.name, amount: t.amount }));
  }
  return (src.priced?.taxes ?? [])
    .filter((t) => !t.inclusive && t.amount !== 0)
    .map((t) => ({ name: localize(t.name, src.lang), amount: t.amount }));
}

export function displayState(src: DisplaySource): CustomerDisplayStateInput {
  const { view, order } = src;
  const currency = view?.currency ?? order?.totals.currency ?? 'USD';
  if (!view || (view.lines.length === 0 && !order) || (order && CLOSED.includes(order.status))) return IDLE(currency);
  const member = src.member && (!order || order.memberId === src.member.memberId) ? src.member : undefined;
  const earns = order ? order.pricing?.loyaltyPoints : src.priced?.loyalty.pointsEarned;
  const state: CustomerDisplayStateInput = {
    phase: 'ticket',
    currency,
    lines: view.lines
      .filter((l) => !l.refunded)
      .map((l) => ({
        id: l.lineId,
        name: l.name,
        quantity: l.quantity,
        modifiers: l.details === '' ? [] : l.details.split(' · '),
        ...(l.amount !== undefined ? { amount: l.amount } : {}),
        discount: l.discount,
      })),
    discounts: view.discounts.filter((d) => d.amount > 0).map((d) => ({ name: d.explanation, amount: d.amount })),
    subtotal: view.subtotal,
    taxes: taxesOf(src),
    total: view.total,
    ...(member
      ? {
          member: {
            ...(member.name !== undefined ? { name: member.name } : {}),
            points: member.points,
            estimate: member.estimate === true,
          },
          ...(earns !== undefined && earns > 0 ? { earns } : {}),
        }
      : {}),
  };
  if (order?.payment === 'paid') {
    const change = src.last?.method === 'cash' && src.last.change ? src.last : undefined;
    return {
      ...state,
      phase: 'thanks',
      thanks: { orderNumber: order.number, ...(src.receiptUrl ? { receiptUrl: src.receiptUrl } : {}) },
      ...(change
        ? {
            payment: {
              method: 'cash',
              due: 0,
              change: change.change,
              ...(change.tendered !== undefined ? { tendered: change.tendered } : {}),
            },
          }
        : {}),
    };
  }
  if (src.tender && order && src.bill) {
    const card = src.tender === 'card';
    const tip = card ? tipAmount(src.cardTip, src.bill.amount) : undefined;
    return {
      ...state,
      phase: 'paying',
      payment: {
        method: src.tender,
        due: src.bill.due,
        ...(tip !== undefined && tip > 0 ? { tip } : {}),
        ...(card
          ? { tipOptions: TIP_PERCENTS.map((p) => ({ label: `${p}%`, amount: tipOf(src.bill?.amount ?? 0, p) })) }
          : {}),
      },
    };
  }
  return state;
}
