/**
 * A guest's receipt as printable blocks: the kitchen ticket's blocks (every text block one
 * printed line that already fits the paper) plus a QR code of the e-receipt's address. Built
 * from the order as the screens see it, so the receipt says what the screen said: each line
 * with its choices, each discount by its explanation, each tax by name and rate, the totals,
 * every tender with the change and the tip, and the loyalty points the order earned.
 */
import { isValidTimeZone } from '../business-day.js';
import { TillboxError } from '../errors.js';
import { localize } from '../i18n.js';
import {
  ticketDateTime,
  printableTicketText,
  ticketColumns,
  ticketDisplayWidth,
  wrapTicketText,
  type TicketAlign,
  type TicketBlock,
  type TicketTextSize,
} from '../kitchen/ticket-document.js';
import { formatMoney } from '../money.js';
import type { OrderView, PaymentView } from '../wire/api.js';

/** A QR code, centred, with `data` in it (the printer draws it: GS ( k on ESC/POS). */
export interface ReceiptQrBlock {
  readonly kind: 'qr';
  readonly data: string;
}
export type ReceiptBlock = TicketBlock | ReceiptQrBlock;

export interface ReceiptDocument {
  readonly width: number;
  readonly blocks: readonly ReceiptBlock[];
}

export interface ReceiptLabels {
  readonly subtotal: string;
  readonly tax: string;
  readonly taxIncluded: string;
  readonly total: string;
  readonly card: (last4: string | undefined) => string;
  readonly cash: string;
  readonly change: string;
  readonly external: string;
  readonly tip: string;
  readonly refund: string;
  readonly loyalty: (points: number) => string;
  readonly eReceipt: string;
  readonly reprint: string;
  readonly guest: string;
  readonly table: string;
  readonly channel: Readonly<Record<OrderView['channel'], string>>;
  readonly orderType: Readonly<Record<OrderView['orderType'], string>>;
}

export const DEFAULT_RECEIPT_LABELS: ReceiptLabels = {
  subtotal: 'Subtotal',
  tax: 'Tax',
  taxIncluded: 'incl.',
  total: 'TOTAL',
  card: (last4) => (last4 ? `Card ending ${last4}` : 'Card'),
  cash: 'Cash',
  change: 'Change',
  external: 'Paid in app',
  tip: 'Tip',
  refund: 'Refund',
  loyalty: (points) => `Loyalty points earned: ${points}`,
  eReceipt: 'Your receipt online',
  reprint: '*** COPY ***',
  guest: 'Guest',
  table: 'Table',
  channel: { kiosk: 'Kiosk', counter: 'Counter', app: 'App', online: 'Online', marketplace: 'Marketplace' },
  orderType: { 'dine-in': 'Dine in', takeout: 'Takeout', pickup: 'Pickup', delivery: 'Delivery' },
};

export interface ReceiptInput {
  readonly order: OrderView;
  readonly storeName: string;
  /** Lines under the store name: address, phone, tax number. */
  readonly header?: readonly string[];
  readonly footer?: readonly string[];
  /** IANA zone of the store; the receipt's time is shown in it. */
  readonly timeZone: string;
  /** The e-receipt's address (on the store box's LAN page); its QR code is printed when given. */
  readonly eReceiptUrl?: string;
  /** A copy printed again on request: says so at the top. */
  readonly reprint?: boolean;
  /** Language of item names; English by default. */
  readonly lang?: string;
}

export interface ReceiptOptions {
  /** Characters per line at normal size. */
  readonly width: number;
  readonly labels?: Partial<ReceiptLabels>;
}

interface Style {
  readonly align?: TicketAlign;
  readonly size?: TicketTextSize;
  readonly bold?: boolean;
  readonly invert?: boolean;
}

/** The receipt of a paid (or refunded) order. */
export function receiptDocument(input: ReceiptInput, options: ReceiptOptions): ReceiptDocument {
  const { order } = input;
  const width = options.width;
  if (!Number.isInteger(width) || width < 24 || width > 80)
    throw new TillboxError('validation', 'A receipt is 24 to 80 characters wide', {
      details: [{ path: 'width', message: 'must be a whole number from 24 to 80' }],
    });
  if (!isValidTimeZone(input.timeZone))
    throw new TillboxError('validation', `"${input.timeZone}" is not a time zone`, {
      details: [{ path: 'timeZone', message: 'not an IANA time zone' }],
    });
  const labels: ReceiptLabels = { ...DEFAULT_RECEIPT_LABELS, ...options.labels };
  const lang = input.lang ?? 'en';
  const currency = order.totals.currency;
  const money = (amount: number): string => formatMoney({ amount, currency });
  const blocks: ReceiptBlock[] = [];

  const text = (raw: string, style: Style = {}, first = 0, hang = first): void => {
    const clean = printableTicketText(raw);
    if (clean === '') return;
    const size = style.size ?? 'normal';
    for (const line of wrapTicketText(clean, ticketColumns(width, size), first, hang))
      blocks.push({
        kind: 'text',
        text: line,
        align: style.align ?? 'left',
        size,
        bold: style.bold ?? false,
        invert: style.invert ?? false,
      });
  };
  /** `left` wrapped with `indent`, and `right` at the end of its first line. */
  const amountLine = (left: string, right: string, style: Style = {}, indent = 0): void => {
    const size = style.size ?? 'normal';
    const cells = ticketColumns(width, size);
    const r = printableTicketText(right);
    const rw = ticketDisplayWidth(r);
    const [first = '', ...rest] = wrapTicketText(printableTicketText(left), cells - rw - 1, indent, indent + 2);
    const pad = cells - ticketDisplayWidth(first) - rw;
    const line = { align: 'left', size, bold: style.bold ?? false, invert: false } as const;
    blocks.push({ kind: 'text', text: first + ' '.repeat(Math.max(1, pad)) + r, ...line });
    for (const more of rest) blocks.push({ kind: 'text', text: more, ...line });
  };
  const rule = (char: '-' | '='): void => void blocks.push({ kind: 'rule', char });

  // The store, and whose order it is: the number large.
  text(input.storeName, { align: 'center', size: 'double-height', bold: true });
  for (const line of input.header ?? []) text(line, { align: 'center' });
  if (input.reprint) text(labels.reprint, { align: 'center', bold: true });
  rule('=');
  text(`#${order.number}`, { align: 'center', size: 'double', bold: true });
  text(`${labels.channel[order.channel]} / ${labels.orderType[order.orderType]}`, { align: 'center' });
  if (order.table) text(`${labels.table} ${order.table}`, { align: 'center' });
  if (order.guestName) text(`${labels.guest}: ${order.guestName}`, { align: 'center' });
  const when = ticketDateTime(new Date(order.paidAt ?? order.placedAt), input.timeZone);
  text(`${when.date} ${when.time}`, { align: 'center' });
  rule('-');

  // Lines: "2x Latte (Large)   $9.00", then each choice (with its price when it costs more).
  for (const line of order.lines) {
    const name = localize(line.name, lang);
    const variant = line.variantName ? ` (${localize(line.variantName, lang)})` : '';
    amountLine(`${line.quantity}x ${name}${variant}`, money(line.lineTotal));
    for (const m of line.modifiers) {
      if (m.default === true && m.price === 0) continue;
      const label = `+ ${localize(m.name, lang)}`;
      if (m.price > 0) amountLine(label, money(m.price * line.quantity), {}, 3);
      else text(label, {}, 3, 5);
    }
    if (line.note) text(line.note, {}, 3, 3);
  }
  rule('-');

  // Totals: subtotal, each discount explained, each tax by name and rate, the total.
  amountLine(labels.subtotal, money(order.totals.subtotal));
  const discounts = order.pricing?.discounts ?? [];
  for (const d of discounts) amountLine(d.explanation, money(-d.amount));
  if (discounts.length === 0 && order.totals.discount > 0) amountLine('Discount', money(-order.totals.discount));
  const taxes = order.pricing?.taxes ?? [];
  for (const t of taxes)
    amountLine(`${labels.tax}: ${t.name} ${t.rate}${t.inclusive ? ` (${labels.taxIncluded})` : ''}`, money(t.amount));
  if (taxes.length === 0 && order.totals.tax > 0) amountLine(labels.tax, money(order.totals.tax));
  rule('=');
  amountLine(labels.total, money(order.totals.total), { size: 'double-height', bold: true });
  rule('-');

  // Tenders, in the order they were taken: cash with its change, cards with the tip.
  for (const p of order.payments) tenderLines(p);
  if (order.payments.length > 0) rule('-');

  const points = order.pricing?.loyaltyPoints ?? 0;
  if (points > 0) text(labels.loyalty(points), { align: 'center' });
  if (input.eReceiptUrl) {
    text(labels.eReceipt, { align: 'center' });
    blocks.push({ kind: 'qr', data: input.eReceiptUrl });
  }
  for (const line of input.footer ?? []) text(line, { align: 'center' });
  blocks.push({ kind: 'cut' });
  return { width, blocks };

  function tenderLines(p: PaymentView): void {
    const what = p.method === 'card' ? labels.card(p.cardLast4) : p.method === 'cash' ? labels.cash : labels.external;
    if (p.amount < 0 || p.refundOf !== undefined) {
      amountLine(`${labels.refund}: ${what}`, money(p.amount));
      if (p.tip) amountLine(labels.tip, money(p.tip), {}, 2);
      return;
    }
    if (p.method === 'cash' && p.tendered !== undefined) {
      amountLine(what, money(p.tendered));
      if (p.change) amountLine(labels.change, money(p.change), {}, 2);
    } else amountLine(what, money(p.amount + (p.tip ?? 0)));
    if (p.tip) amountLine(labels.tip, money(p.tip), {}, 2);
  }
}

/** The receipt as plain text, as it prints (the QR as a line naming what it holds). */
export function receiptText(doc: ReceiptDocument): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      const cells = ticketColumns(doc.width, b.size);
      const pad = Math.max(0, cells - ticketDisplayWidth(b.text));
      lines.push(
        (b.align === 'center' ? ' '.repeat(Math.floor(pad / 2)) : b.align === 'right' ? ' '.repeat(pad) : '') + b.text,
      );
    } else if (b.kind === 'rule') lines.push(b.char.repeat(doc.width));
    else if (b.kind === 'feed') for (let i = 0; i < b.lines; i++) lines.push('');
    else if (b.kind === 'qr') lines.push(`[QR ${b.data}]`);
  }
  return lines.join('\n');
}
