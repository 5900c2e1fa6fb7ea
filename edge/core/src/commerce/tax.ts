/**
 * Tax on the discounted amount of each line. Every rate of the jurisdiction with a rule
 * covering the line's tax class (and the order type, when the rule names any) applies, stacked: state + county +
 * city. Prices either exclude tax (US sales tax: added on top) or include it (VAT: the tax is
 * the part of the price `net × r / (1 + R)`, R being all rates on the line). Rounding is per
 * line or once over the order (then spread back over the lines by largest remainder), half-up
 * or half-even, as the jurisdiction says; stacked rates round each on its own (`per-rate`) or
 * once as their sum (`combined`: the tax on the combined rate, its breakdown by rate allocated
 * by largest remainder).
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

/** Whether a rate applies to a line of this tax class in an order of this type. */
export function rateApplies(rate: TaxRate, taxClass: TaxClass, orderType: OrderType): boolean {
  return (
    taxClass !== 'exempt' &&
    rate.appliesTo.some(
      (rule) =>
        rule.classes.includes(taxClass) && (rule.orderTypes.length === 0 || rule.orderTypes.includes(orderType)),
    )
  );
}

/** What the rounding functions share: the lines, the rates on each, and where to put amounts. */
interface TaxWork {
  readonly jurisdiction: Jurisdiction;
  readonly lines: readonly TaxableLine[];
  /** Per line: indexes of the rates on it, in the jurisdiction's order. */
  readonly ratesOn: readonly (readonly number[])[];
  /** Per line: the divisor of `net × rate` (1 in ppm with tax on top; 1 + R with VAT). */
  readonly divisor: readonly number[];
  /** [rate][line]: the amount of each rate on each line, filled in. */
  readonly amounts: number[][];
}

const netOf = (w: TaxWork, i: number): number => w.lines[i]?.net ?? 0;

/** Group line indexes by a key, keeping first-seen order (ascending line index within each). */
function groupBy(indexes: readonly number[], key: (i: number) => string | number): number[][] {
  const groups = new Map<string | number, number[]>();
  for (const i of indexes) {
    const k = key(i);
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()];
}

/** Each rate rounds on its own: per line, or once per rate over the order (per divisor with VAT). */
function roundPerRate(w: TaxWork): void {
  const { jurisdiction: j, lines } = w;
  j.rates.forEach((rate, k) => {
    const on = lines.flatMap((_, i) => (w.ratesOn[i]?.includes(k) === true ? [i] : []));
    const out = w.amounts[k] ?? [];
    const numerator = (i: number): number => netOf(w, i) * rate.ratePpm;
    if (j.rounding === 'line') {
      for (const i of on) out[i] = divideRounded(numerator(i), w.divisor[i] ?? PPM, j.roundingMode);
      return;
    }
    for (const group of groupBy(on, (i) => w.divisor[i] ?? PPM)) {
      const weights = group.map(numerator);
      const sum = weights.reduce((s, x) => s + x, 0);
      const total = divideRounded(sum, w.divisor[group[0] ?? 0] ?? PPM, j.roundingMode);
      const shares = allocate(total, weights);
      group.forEach((i, g) => (out[i] = shares[g] ?? 0));
    }
  });
}

/**
 * The rates on a line round as one: the tax on their combined rate R is rounded once (per line,
 * or over the order's lines that carry the same rates), then split over the rates in proportion
 * to their rates by largest remainder, and over the lines in proportion to their amounts. Each
 * rate's share is within one minor unit of rounding it on its own.
 */
function roundCombined(w: TaxWork): void {
  const { jurisdiction: j, lines } = w;
  const taxed = lines.flatMap((_, i) => ((w.ratesOn[i]?.length ?? 0) > 0 ? [i] : []));
  const groups = j.rounding === 'line' ? taxed.map((i) => [i]) : groupBy(taxed, (i) => (w.ratesOn[i] ?? []).join(','));
  for (const group of groups) {
    const first = group[0] ?? 0;
    const rateIndexes = w.ratesOn[first] ?? [];
    const ppms = rateIndexes.map((k) => j.rates[k]?.ratePpm ?? 0);
    const combined = ppms.reduce((s, r) => s + r, 0);
    const nets = group.map((i) => netOf(w, i));
    const base = nets.reduce((s, x) => s + x, 0);
    const total = divideRounded(base * combined, w.divisor[first] ?? PPM, j.roundingMode);
    const byRate = allocate(total, ppms);
    rateIndexes.forEach((k, r) => {
      const out = w.amounts[k] ?? [];
      const shares = group.length === 1 ? [byRate[r] ?? 0] : allocate(byRate[r] ?? 0, nets);
      group.forEach((i, g) => (out[i] = shares[g] ?? 0));
    });
  }
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
  const rates = jurisdiction.rates;
  const ratesOn = lines.map((l) => rates.flatMap((r, k) => (rateApplies(r, l.taxClass, orderType) ? [k] : [])));
  // R per line: the sum of every rate on it (the divisor of an inclusive price is 1 + R).
  const divisor = ratesOn.map((on) => (inclusive ? PPM + on.reduce((s, k) => s + (rates[k]?.ratePpm ?? 0), 0) : PPM));
  const work: TaxWork = {
    jurisdiction,
    lines,
    ratesOn,
    divisor,
    amounts: rates.map(() => new Array<number>(n).fill(0)),
  };
  if (jurisdiction.stackedRates === 'combined') roundCombined(work);
  else roundPerRate(work);

  const lineTaxTotal = new Array<number>(n).fill(0);
  rates.forEach((rate, k) => {
    const on = lines.flatMap((_, i) => (ratesOn[i]?.includes(k) === true ? [i] : []));
    if (on.length === 0) return;
    let amount = 0;
    let taxable = 0;
    for (const i of on) {
      const a = work.amounts[k]?.[i] ?? 0;
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
  });

  if (inclusive) {
    // Taxable is the price without the tax: each line's net less all the tax it holds.
    for (const s of summary) {
      const k = rates.findIndex((r) => r.id === s.rateId);
      s.taxable = 0;
      lines.forEach((l, i) => {
        if (ratesOn[i]?.includes(k) === true) s.taxable += l.net - (lineTaxTotal[i] ?? 0);
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
