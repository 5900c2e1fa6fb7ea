/**
 * What a refund of some lines of a placed order gives back, computed by the pricing engine's
 * {@link refundLine} from the line as it was priced (total, net, discount, tax by rate), so the
 * counter's preview and the edge's refund are the same cents.
 */
import { refundLine, type LineRefund } from '../commerce/refund.js';
import type { PriceResult } from '../commerce/types.js';
import type { Order } from './order.js';

export function refundsForLines(order: Pick<Order, 'lines'>, lineIds: readonly string[]): LineRefund[] {
  const lines = order.lines.map((l) => ({
    lineId: l.lineId,
    quantity: l.quantity,
    total: l.total,
    discount: l.discount,
    // Orders placed before lines kept their net and taxes: tax was added on top of the net.
    net: l.net ?? l.total - l.tax,
    tax: l.tax,
    taxes: l.taxes ?? [],
  }));
  // refundLine reads only `lines` of the price result, and of each line only the fields above.
  const priced = { lines } as unknown as PriceResult;
  return lineIds.map((id) => refundLine(priced, id));
}
