/**
 * What an order does to its member's points, decided from the order and the events a command
 * made: a placed order that redeems rewards spends their points; an order paid in full earns the
 * points its pricing says; a cancel or void gives back what it spent; a whole refund also takes
 * back what it earned. The member is the pricing input's customer (`priceInput.context.customer.id`):
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
  const reverse = (reason: LoyaltyReversedData['reason'], accrual: number): void => {
    if (accrual <= 0 && spent <= 0) return;
    out.push({
      type: 'loyalty.reversed',
      subject: memberId,
      data: { memberId, orderId: order.id, accrual: Math.max(0, accrual), redemption: spent, reason },
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
      case 'order.refunded':
        // Only a whole refund of an order paid in full (it earned when it was paid) undoes its points.
        if (event.data.full && order.paidAt !== undefined) reverse('refunded', earned);
        break;
      default:
        break;
    }
  }
  return out;
}
