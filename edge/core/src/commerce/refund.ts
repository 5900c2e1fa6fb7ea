/**
 * Refunds that give back exactly what a line carried. A line's total, net and discount are
 * split over its units by the one allocation helper (so units differ by at most a cent), and
 * each unit's tax is split over the line's rates in turn, so that refunding a line one unit
 * at a time, or all at once, returns the same cents per rate, and refunding every line
 * returns the order total.
 */
import { TillboxError } from '../errors.js';
import { allocate } from '../money.js';
import type { LineTax, PriceResult, PricedCommerceLine } from './types.js';

export interface LineRefund {
  lineId: string;
  quantity: number;
  /** What goes back to the guest: the units' share of the line total. */
  amount: number;
  /** The units' share of the line's discount (information for reports). */
  discount: number;
  /** The units' share of the line's net (with VAT, the tax is inside it). */
  net: number;
  /** The units' share of each tax (added on top, or contained with VAT). */
  taxes: LineTax[];
  tax: number;
}

interface UnitShare {
  amount: number;
  discount: number;
  net: number;
  taxes: number[];
}

/** Every unit's share of the line, unit 0 first. */
function unitShares(line: PricedCommerceLine): UnitShare[] {
  const ones = new Array<number>(line.quantity).fill(1);
  const amounts = allocate(line.total, ones);
  const nets = allocate(line.net, ones);
  const discounts = allocate(line.discount, ones);
  // With tax on top, a unit's tax is what its amount holds beyond its net (never negative:
  // both are even splits and total ≥ net). With VAT, the tax inside is split on its own.
  const taxOnTop = line.total !== line.net;
  const unitTaxes = taxOnTop ? amounts.map((a, u) => a - (nets[u] ?? 0)) : allocate(line.tax, ones);
  const left = line.taxes.map((t) => t.amount);
  return amounts.map((amount, u) => {
    const unitTax = unitTaxes[u] ?? 0;
    const leftTotal = left.reduce((s, x) => s + x, 0);
    const taxes = unitTax === 0 || leftTotal === 0 ? left.map(() => 0) : allocate(unitTax, left);
    taxes.forEach((t, k) => (left[k] = (left[k] ?? 0) - t));
    return { amount, discount: discounts[u] ?? 0, net: nets[u] ?? 0, taxes };
  });
}

/**
 * The refund for `quantity` units of a line (all that remain by default), of which
 * `alreadyRefunded` units went back before. Throws `not-found` for an unknown line and
 * `validation` for more units than remain.
 */
export function refundLine(result: PriceResult, lineId: string, quantity?: number, alreadyRefunded = 0): LineRefund {
  const line = result.lines.find((l) => l.lineId === lineId);
  if (!line) throw new TillboxError('not-found', `the order has no line "${lineId}"`);
  const count = quantity ?? line.quantity - alreadyRefunded;
  if (
    !Number.isSafeInteger(count) ||
    !Number.isSafeInteger(alreadyRefunded) ||
    count < 0 ||
    alreadyRefunded < 0 ||
    alreadyRefunded + count > line.quantity
  ) {
    throw new TillboxError(
      'validation',
      `line "${lineId}" has ${line.quantity} unit(s), ${alreadyRefunded} refunded; cannot refund ${count} more`,
    );
  }
  const units = unitShares(line).slice(alreadyRefunded, alreadyRefunded + count);
  const total = (pick: (u: UnitShare) => number): number => units.reduce((s, u) => s + pick(u), 0);
  const taxes = line.taxes.map((t, k) => ({ rateId: t.rateId, amount: total((u) => u.taxes[k] ?? 0) }));
  return {
    lineId,
    quantity: count,
    amount: total((u) => u.amount),
    discount: total((u) => u.discount),
    net: total((u) => u.net),
    taxes,
    tax: taxes.reduce((s, t) => s + t.amount, 0),
  };
}

/** What each line of the order nets, by lineId: the amount a full refund of it returns. */
export function lineNets(result: PriceResult): Map<string, number> {
  return new Map(result.lines.map((l) => [l.lineId, l.total]));
}
