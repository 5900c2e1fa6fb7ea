/**
 * An X or Z report as a printable document: the kitchen ticket's blocks (every text block one
 * printed line that already fits the paper), so the edge renders it to ESC/POS with the ticket
 * renderer and a screen shows the same lines as text ({@link dayReportText}).
 */
import { isValidTimeZone } from '../business-day.js';
import { TillboxError } from '../errors.js';
import {
  kitchenTicketText,
  printableTicketText,
  TICKET_MAX_WIDTH,
  ticketDisplayWidth,
  wrapTicketText,
  type TicketBlock,
  type TicketDocument,
} from '../kitchen/ticket-document.js';
import { formatMoney } from '../money.js';
import type { DayReport, ReportPerson, SalesFigures } from './day-report-schema.js';

/** The narrowest paper a report prints on (58 mm paper holds 32 characters). */
export const REPORT_MIN_WIDTH = 32;

const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  kiosk: 'Kiosk',
  counter: 'Counter',
  app: 'App',
  online: 'Online',
  marketplace: 'Marketplace',
};
const TENDER_NAMES: Readonly<Record<string, string>> = { card: 'Card', cash: 'Cash', external: 'Paid elsewhere' };

function clip(text: string, cells: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = ticketDisplayWidth(ch);
    if (used + w > cells) break;
    out += ch;
    used += w;
  }
  return out;
}

class Builder {
  readonly blocks: TicketBlock[] = [];
  constructor(
    readonly width: number,
    private readonly currency: string,
  ) {}

  money(amount: number): string {
    return formatMoney({ amount, currency: this.currency });
  }
  text(
    text: string,
    style: { align?: 'left' | 'center'; bold?: boolean; size?: 'normal' | 'double'; indent?: number } = {},
  ): void {
    const size = style.size ?? 'normal';
    const cells = size === 'double' ? Math.floor(this.width / 2) : this.width;
    const indent = style.indent ?? 0;
    for (const line of wrapTicketText(printableTicketText(text), cells, indent, indent)) {
      this.blocks.push({
        kind: 'text',
        text: line,
        align: style.align ?? 'left',
        size,
        bold: style.bold ?? false,
        invert: false,
      });
    }
  }
  /** A label on the left and a value on the right of one line (the label clipped to fit). */
  row(label: string, value: string, indent = 0): void {
    const right = printableTicketText(value);
    const room = Math.max(1, this.width - ticketDisplayWidth(right) - 1 - indent);
    const left = ' '.repeat(indent) + clip(printableTicketText(label), room);
    const pad = Math.max(1, this.width - ticketDisplayWidth(left) - ticketDisplayWidth(right));
    this.blocks.push({
      kind: 'text',
      text: left + ' '.repeat(pad) + right,
      align: 'left',
      size: 'normal',
      bold: false,
      invert: false,
    });
  }
  heading(title: string): void {
    this.blocks.push({ kind: 'rule', char: '-' });
    this.text(title.toUpperCase(), { bold: true });
  }
}

function who(p: ReportPerson): string {
  return p.name ?? `${p.role} ${p.id.slice(-6)}`;
}

function sales(b: Builder, f: SalesFigures): void {
  b.row('Orders paid', String(f.orders));
  b.row('Gross sales', b.money(f.gross));
  b.row('Discounts', b.money(-f.discounts));
  b.row('Tax', b.money(f.tax));
  b.row('Total', b.money(f.total));
  b.row('Refunds', b.money(-f.refunds));
  b.row('Net', b.money(f.net));
}

/** The report as printed: sections in the order of the screen, with every figure the value holds. */
export function dayReportDocument(report: DayReport, options: { width?: number } = {}): TicketDocument {
  const width = options.width ?? 42;
  if (!Number.isInteger(width) || width < REPORT_MIN_WIDTH || width > TICKET_MAX_WIDTH)
    throw new TillboxError('validation', `a report prints ${REPORT_MIN_WIDTH} to ${TICKET_MAX_WIDTH} characters wide`, {
      details: [{ path: 'width', message: `${REPORT_MIN_WIDTH} to ${TICKET_MAX_WIDTH}` }],
    });
  const zone = isValidTimeZone(report.timeZone) ? report.timeZone : 'UTC';
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = (iso: string): string => clock.format(new Date(iso));
  const b = new Builder(width, report.currency);

  b.text(report.kind === 'z' ? 'Z REPORT' : 'X REPORT', { align: 'center', bold: true, size: 'double' });
  b.text(`Business day ${report.businessDay}`, { align: 'center', bold: true });
  b.text(
    report.kind === 'z'
      ? `Closed ${time(report.generatedAt)}${report.closedBy ? ` by ${who(report.closedBy)}` : ''}`
      : `Mid-shift, ${time(report.generatedAt)}: the day is still open`,
    { align: 'center' },
  );
  b.text(`Events ${report.fromSeq}-${report.throughSeq} (${report.timeZone})`, { align: 'center' });
  if (report.orderDays.some((d) => d !== report.businessDay))
    b.text(`Orders of ${report.orderDays.join(', ')}`, { align: 'center' });
  b.blocks.push({ kind: 'rule', char: '=' });

  b.text('SALES', { bold: true });
  sales(b, report.sales);

  b.heading('By channel');
  for (const c of report.byChannel.filter((x) => x.orders > 0 || x.refunds > 0)) {
    b.row(`${CHANNEL_NAMES[c.channel] ?? c.channel} (${c.orders})`, b.money(c.total));
    if (c.refunds > 0) b.row('refunds', b.money(-c.refunds), 2);
  }

  b.heading('By tender');
  for (const t of report.tenders) {
    b.row(`${TENDER_NAMES[t.method] ?? t.method} (${t.payments})`, b.money(t.amount));
    if (t.tips > 0) b.row('tips', b.money(t.tips), 2);
    if (t.refunds > 0) b.row(`refunded (${t.refunds})`, b.money(-t.refunded - t.tipsRefunded), 2);
    b.row('net', b.money(t.net), 2);
  }

  b.heading('By hour');
  for (const h of report.byHour) b.row(`${String(h.hour).padStart(2, '0')}:00 (${h.orders})`, b.money(h.total));

  b.heading('Taxes');
  for (const t of report.taxes) {
    b.row(`${t.name} ${t.rate}${t.inclusive ? ' incl.' : ''}`, b.money(t.net));
    if (t.refunded > 0) b.row(`${b.money(t.collected)} less ${b.money(t.refunded)} back`, '', 2);
  }

  b.heading('Discounts');
  for (const d of report.discounts) b.row(`${d.label} (${d.orders})`, b.money(-d.amount));

  b.heading(`Refunds (${report.refunds.length})`);
  for (const r of report.refunds) {
    const order = r.number === undefined ? r.orderId.slice(-6) : `#${r.number}`;
    b.row(`${time(r.at)} ${order}${r.lines > 0 ? ` ${r.lines} line(s)` : ''}`, b.money(-(r.amount + r.tip)));
    b.text(`${r.reason}: ${who(r.by)}${r.approvedBy ? `, approved by ${who(r.approvedBy)}` : ''}`, { indent: 2 });
  }

  b.heading(`Voids (${report.voids.length})`);
  for (const v of report.voids) {
    b.row(`${time(v.at)} ${v.number === undefined ? v.orderId.slice(-6) : `#${v.number}`}`, b.money(v.amount));
    b.text(`${v.reason}: ${who(v.by)}${v.approvedBy ? `, approved by ${who(v.approvedBy)}` : ''}`, { indent: 2 });
  }
  if (report.cancelled.orders > 0)
    b.row(`Cancelled unpaid (${report.cancelled.orders})`, b.money(report.cancelled.amount));

  b.heading('Tips');
  for (const t of report.tips.staff) {
    b.row(t.name ?? t.staffId.slice(-6), b.money(t.total));
    if (t.card !== 0 && t.declared !== 0) b.row(`card ${b.money(t.card)}, cash ${b.money(t.declared)}`, '', 2);
  }
  if (report.tips.unattributed !== 0) b.row('No staff (kiosk)', b.money(report.tips.unattributed));
  b.row('Total tips', b.money(report.tips.total));

  b.heading('Cash drawers');
  for (const d of report.drawers.closed) {
    b.row(`${d.name ?? d.drawerId.slice(-6)} ${time(d.closedAt)}`, '');
    b.row('expected', b.money(d.expected), 2);
    b.row('counted', b.money(d.counted), 2);
    b.row(d.variance < 0 ? 'short' : d.variance > 0 ? 'over' : 'variance', b.money(d.variance), 2);
    if (d.approvedBy) b.text(`approved by ${who(d.approvedBy)}`, { indent: 2 });
  }
  for (const d of report.drawers.open)
    b.row(`${d.name ?? d.drawerId.slice(-6)}`, d.status === 'open' ? 'still open' : 'waits for a manager');
  b.row('Total variance', b.money(report.drawers.variance));

  b.heading(`Pending card payments (${report.pendingCardPayments.length})`);
  for (const p of report.pendingCardPayments)
    b.row(`${p.orderNumber === undefined ? p.orderId.slice(-6) : `#${p.orderNumber}`} ${p.status}`, b.money(p.amount));

  b.heading('Loyalty');
  b.row('Points issued', String(report.loyalty.pointsIssued));
  b.row('Points redeemed', String(report.loyalty.pointsRedeemed));
  if (report.loyalty.pointsTakenBack > 0) b.row('Points taken back', String(report.loyalty.pointsTakenBack));
  if (report.loyalty.pointsGivenBack > 0) b.row('Points given back', String(report.loyalty.pointsGivenBack));

  if (report.openOrders.orders > 0) {
    b.heading('Open orders');
    b.row(`Unpaid (${report.openOrders.orders})`, b.money(report.openOrders.total));
    if (report.openOrders.paid > 0) b.row('taken so far', b.money(report.openOrders.paid), 2);
  }
  if (report.damagedEvents > 0) {
    b.blocks.push({ kind: 'rule', char: '=' });
    b.text(`${report.damagedEvents} event(s) could not be read: see the store box health`, { bold: true });
  }
  b.blocks.push({ kind: 'rule', char: '=' }, { kind: 'feed', lines: 1 }, { kind: 'cut' });
  return { width, blocks: b.blocks };
}

/** The report as the paper shows it, one printed line per line (a screen's printable view). */
export function dayReportText(report: DayReport, options: { width?: number } = {}): string {
  return kitchenTicketText(dayReportDocument(report, options));
}
