/**
 * Tax on the discounted amount of each line. Every rate of the jurisdiction with a rule
 * covering the line's tax class (and the order type, when the rule names any) applies, stacked: state + county +
 * city. Prices either exclude tax (US sales tax: added on top) or include it (VAT: the tax is
 * the part of the price `net × r / (1 + R)`, R being all rates on the line). Rounding is per
 * line or once per rate over the order (then spread back over the lines by largest
 * remainder), half-up or half-even, as the jurisdiction says.
 */
import { localize } from '../i18n.js';
import { allocate, divideRounded } from '../money.js';
import { PPM, formatPpm } from './common.js';
import type { TaxClass } from './catalog-schema.js';
import type { Jurisdiction, TaxRate } from './rules-schema.js';
import type { LineTax, OrderType, TaxSummary } from './types.js';

export interface TaxableLine {
  readonly taxClass: TaxClass;
  /** Amount after discounts, minor units. */
  readonly net: number;
}

export interface TaxOutcome {
  /** Per line: each rate's amount (rates with nothing to charge are left out). */
  perLine: LineTax[][];
  /** Per line: tax removed from an inclusive price for an exempt guest (0 otherwise). */
  exemption: number[];
  summary: TaxSummary[];
}

function applies(rate: TaxRate, taxClass: TaxClass, orderType: OrderType): boolean {
  return (
    taxClass !== 'exempt' &&
    rate.appliesTo.some(
      (rule) =>
        rule.classes.includes(taxClass) && (rule.orderTypes.length === 0 || rule.orderTypes.includes(orderType)),
    )
  );
}

/** Compute taxes for lines (any fixed order; ties spread to earlier lines first). */
export function computeTax(
  jurisdiction: Jurisdiction,
  lines: readonly TaxableLine[],
  orderType: OrderType,
  taxExempt: boolean,
): TaxOutcome {
  const n = lines.length;
  const perLine: LineTax[][] = lines.map(() => []);
  const exemption = new Array<number>(n).fill(0);
  const summary: TaxSummary[] = [];
  const inclusive = jurisdiction.pricesIncludeTax;
  if (taxExempt && !inclusive) return { perLine, exemption, summary };
  const mode = jurisdiction.roundingMode;
  const rates = jurisdiction.rates;
  // R per line: the sum of every rate on it (the divisor of an inclusive price is 1 + R).
  const combined = lines.map((l) => rates.reduce((s, r) => (applies(r, l.taxClass, orderType) ? s + r.ratePpm : s), 0));
  const lineTaxTotal = new Array<number>(n).fill(0);

  for (const rate of rates) {
    const on: number[] = [];
    lines.forEach((l, i) => {
      if (applies(rate, l.taxClass, orderType)) on.push(i);
    });
    if (on.length === 0) continue;
    const amounts = new Array<number>(n).fill(0);
    const numerator = (i: number): number => (lines[i]?.net ?? 0) * rate.ratePpm;
    const denominator = (i: number): number => (inclusive ? PPM + (combined[i] ?? 0) : PPM);
    if (jurisdiction.rounding === 'line') {
      for (const i of on) amounts[i] = divideRounded(numerator(i), denominator(i), mode);
    } else {
      // One rounding per rate (per combined divisor, when inclusive rates stack unevenly).
      const byDivisor = new Map<number, number[]>();
      for (const i of on) {
        const d = denominator(i);
        const group = byDivisor.get(d);
        if (group) group.push(i);
        else byDivisor.set(d, [i]);
      }
      for (const [d, group] of byDivisor) {
        const weights = group.map(numerator);
        const total = divideRounded(
          weights.reduce((s, w) => s + w, 0),
          d,
          mode,
        );
        const shares = allocate(total, weights);
        group.forEach((i, k) => (amounts[i] = shares[k] ?? 0));
      }
    }
    let amount = 0;
    let taxable = 0;
    for (const i of on) {
      const a = amounts[i] ?? 0;
      amount += a;
      taxable += lines[i]?.net ?? 0;
      lineTaxTotal[i] = (lineTaxTotal[i] ?? 0) + a;
      if (a !== 0) perLine[i]?.push({ rateId: rate.id, amount: a });
    }
    summary.push({
      rateId: rate.id,
      name: rate.name,
      ratePpm: rate.ratePpm,
      rate: formatPpm(rate.ratePpm),
      inclusive,
      taxable,
      amount,
    });
  }

  if (inclusive) {
    // Taxable is the price without the tax: each line's net less all the tax it holds.
    for (const s of summary) {
      const rate = rates.find((r) => r.id === s.rateId);
      s.taxable = 0;
      lines.forEach((l, i) => {
        if (rate && applies(rate, l.taxClass, orderType)) s.taxable += l.net - (lineTaxTotal[i] ?? 0);
      });
    }
    if (taxExempt) {
      lineTaxTotal.forEach((t, i) => (exemption[i] = t));
      return { perLine: lines.map(() => []), exemption, summary: [] };
    }
  }
  return { perLine, exemption, summary };
}

/** "NY State 4%" — a tax's receipt label in a language. */
export function taxLabel(s: TaxSummary, lang: string): string {
  return `${localize(s.name, lang)} ${s.rate}`;
}
