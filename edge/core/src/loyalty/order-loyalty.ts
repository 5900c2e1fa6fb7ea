/**
 * What an order does to its member's points, decided from the order and the events a command
 * made: a placed order that redeems rewards spends their points; an order paid in full earns the
 * points its pricing says; a cancel or void gives back what it spent; a whole refund also takes
 * back what it earned; a refund of some lines takes back the points those lines earned
 * ({@link pointsOfLines}). The member is the pricing input's customer (`priceInput.context.customer.id`):
 * the order is priced for them, so it earns and spends as they do.
 */
import type { LoyaltyAccruedData, LoyaltyRedeemedData, LoyaltyReversedData } from './events.js';
import type { Order, OrderEvent } from '../orders/order.js';

export type LoyaltyEventDraft =
  | { type: 'loyalty.accrued'; subject: string; data: LoyaltyAccruedData }
  | { type: 'loyalty.redeemed'; subject: string; data: LoyaltyRedeemedData }
  | { type: 'loyalty.reversed'; subject: string; data: LoyaltyReversedData };

/** The loyalty member an order is for, if any. */
export function memberOf(order: Pick<Order, 'priceInput'>): string | undefined {
  return order.priceInput?.context.customer?.id;
}

/**
 * The points of an order's `earned` that a set of its lines stands for: their share of the
 * order's net (each line's amount after discounts, before tax added on top), rounded down, so a
 * guest keeps a fraction of a point until the last line goes. Taken back as the difference of two
 * cumulative shares (the lines refunded so far with and without this refund), refunds of every
 * line add up to exactly `earned`, whatever their order, and a later whole refund takes back what
 * is left. Lines the loyalty rules exclude count by their net like any other: a share of the
 * net, not a second run of the engine.
 */
export function pointsOfLines(order: Pick<Order, 'lines'>, earned: number, lineIds: ReadonlySet<string>): number {
  if (earned <= 0 || lineIds.size === 0) return 0;
  let all = 0;
  let part = 0;
  for (const l of order.lines) {
    const net = Math.max(0, l.net ?? l.total - l.tax);
    all += net;
    if (lineIds.has(l.lineId)) part += net;
  }
  if (all <= 0) return 0;
  return part >= all ? earned : Number((BigInt(earned) * BigInt(part)) / BigInt(all));
}

/** The redemption of a just-placed order (undefined when it redeems nothing). */
export function redemptionOf(
  order: Pick<Order, 'id' | 'businessDay' | 'pricing' | 'priceInput'>,
  offline: boolean,
): LoyaltyEventDraft | undefined {
  const memberId = memberOf(order);
  const points = order.pricing?.loyaltyPointsRedeemed ?? 0;
  const rewardIds = order.priceInput?.context.rewards ?? [];
  if (memberId === undefined || points <= 0 || rewardIds.length === 0) return undefined;
  return {
    type: 'loyalty.redeemed',
    subject: memberId,
    data: { memberId, orderId: order.id, points, rewardIds: [...rewardIds], businessDay: order.businessDay, offline },
  };
}

/**
 * The loyalty events that follow a command's order events: an accrual when it was paid in full,
 * a reversal when it was cancelled, voided or refunded whole. `order` is the state after them.
 */
export function loyaltyEventsOf(order: Order, events: readonly OrderEvent[]): LoyaltyEventDraft[] {
  const memberId = memberOf(order);
  if (memberId === undefined) return [];
  const earned = order.pricing?.loyaltyPoints ?? 0;
  const spent = order.pricing?.loyaltyPointsRedeemed ?? 0;
  const out: LoyaltyEventDraft[] = [];
  const reverse = (reason: LoyaltyReversedData['reason'], accrual: number, lineIds?: string[]): void => {
    if (accrual <= 0 && spent <= 0) return;
    out.push({
      type: 'loyalty.reversed',
      subject: memberId,
      data: {
        memberId,
        orderId: order.id,
        accrual: Math.max(0, accrual),
        redemption: spent,
        reason,
        ...(lineIds && lineIds.length > 0 ? { lineIds } : {}),
      },
    });
  };
  for (const event of events) {
    switch (event.type) {
      case 'order.paid':
        if (earned > 0)
          out.push({
            type: 'loyalty.accrued',
            subject: memberId,
            data: { memberId, orderId: order.id, points: earned },
          });
        break;
      case 'order.cancelled':
        reverse('cancelled', 0);
        break;
      case 'order.voided':
        reverse('voided', 0);
        break;
      case 'order.refunded': {
        // Only an order paid in full earned (when it was paid): its refunds take back what they stand for.
        if (order.paidAt === undefined) break;
        const lineIds = [...new Set(event.data.refunds.flatMap((r) => r.lineIds ?? []))];
        const these = new Set(lineIds);
        // Lines refunded before this one (`order` is the state after it: its lines are marked too).
        const before = new Set(
          order.lines.filter((l) => l.refundedAt !== undefined && !these.has(l.lineId)).map((l) => l.lineId),
        );
        const takenBefore = pointsOfLines(order, earned, before);
        if (event.data.full) {
          // The last of the order given back: the rest of what it earned, and what it spent.
          reverse('refunded', earned - takenBefore, lineIds);
          break;
        }
        const now = pointsOfLines(order, earned, new Set([...before, ...these])) - takenBefore;
        if (now > 0)
          out.push({
            type: 'loyalty.reversed',
            subject: memberId,
            data: { memberId, orderId: order.id, accrual: now, redemption: 0, reason: 'refunded', lineIds },
          });
        break;
      }
      default:
        break;
    }
  }
  return out;
}
