/**
 * What the end-of-day screen shows of a report, as rows of words and amounts: one place for the
 * labels, so the on-screen tables and their tests read the same. Amounts stay minor units until
 * they are formatted with the report's currency.
 */
import { formatMoney, type DayReport, type ReportPerson } from '@tillbox/core';

export type Row = readonly [label: string, value: string];

export function money(report: Pick<DayReport, 'currency'>, amount: number): string {
  return formatMoney({ amount, currency: report.currency });
}

const TENDERS: Readonly<Record<string, string>> = { card: 'Card', cash: 'Cash', external: 'Paid elsewhere' };

export function tenderLabel(method: string): string {
  return TENDERS[method] ?? method;
}

/** "07:00–08:00" for hour 7 on the store's clock. */
export function hourLabel(hour: number): string {
  const hh = (h: number): string => String(h % 24).padStart(2, '0');
  return `${hh(hour)}:00–${hh(hour + 1)}:00`;
}

/** A person as the report names them: their name, else their role. */
export function personLabel(p: ReportPerson | undefined): string {
  if (!p) return '';
  return p.name ?? p.role;
}

/** The sales block: what was sold and what went back. */
export function salesRows(report: DayReport): Row[] {
  const s = report.sales;
  return [
    ['Orders paid', String(s.orders)],
    ['Gross sales', money(report, s.gross)],
    ['Discounts', money(report, -s.discounts)],
    ['Tax', money(report, s.tax)],
    ['Total', money(report, s.total)],
    ['Refunds', money(report, -s.refunds)],
    ['Net sales', money(report, s.net)],
  ];
}

/** What the report says of itself: which day, X or Z, and when. */
export function reportTitle(report: DayReport, timeOfDay: (iso: string) => string): string {
  return report.kind === 'z'
    ? `Z report · business day ${report.businessDay} · closed at ${timeOfDay(report.generatedAt)}${report.closedBy ? ` by ${personLabel(report.closedBy)}` : ''}`
    : `X report · business day ${report.businessDay} · at ${timeOfDay(report.generatedAt)}, the day is still open`;
}
