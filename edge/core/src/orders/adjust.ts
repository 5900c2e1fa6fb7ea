/**
 * Staff's discounts, comps and price overrides on an order that is not yet paid or handed over.
 * The order is priced again through the same engine path it was placed with — its own cart and
 * context (its moment included), with the new adjustment added — so the counter's preview, the
 * edge's decision and any later re-pricing give the same cents. A discount past the store's
 * limit, any comp and every price override need a manager's approval on the same request.
 */
import { APPROVER_ROLES } from '../auth/permissions.js';
import type { CommandContext } from '../auth/actors.js';
import type { ManualAdjustment } from '../commerce/cart-schema.js';
import { PPM, formatPpm } from '../commerce/common.js';
import type { PricingEngine } from '../commerce/compile.js';
import { formatAmount } from '../commerce/explain.js';
import { priceWithEngine } from '../commerce/price.js';
import type { PriceResult } from '../commerce/types.js';
import { TillboxError } from '../errors.js';
import type { OrderPriceInput } from '../events/catalogue.js';
import { describeStatus } from '../order-lifecycle.js';
import type { OrderEnv } from './decide.js';
import type { Order, OrderEvent } from './order.js';
import { lineAmounts, pricingOf, totalsOf } from './placement.js';

/** Past these a discount needs a manager's PIN: a share of what is left (whole percent), or an amount (minor units). */
export interface DiscountApprovalLimits {
  percent: number;
  amount: number;
}

/** The settings' defaults (`security.discountApprovalPercent`, `security.discountApprovalAmount`). */
export const DEFAULT_DISCOUNT_APPROVAL: DiscountApprovalLimits = { percent: 20, amount: 1000 };

/** A discount or comp as staff ask for it; the order gives it its id. */
export type DiscountRequest = Omit<ManualAdjustment, 'id'>;

/** What pricing an order again needs: who asks (and who approved), ids, the store's current engine and limits. */
export type RepricingEnv = Pick<OrderEnv, 'cmd' | 'newId' | 'engine' | 'config'>;

const NEEDS_APPROVAL = "needs a manager's approval";

function approved(cmd: CommandContext): boolean {
  const by = cmd.actor.approvedBy;
  return by !== undefined && APPROVER_ROLES.includes(by.role);
}

function needApproval(why: string): TillboxError {
  return new TillboxError('forbidden', `${why}: it ${NEEDS_APPROVAL}`, {
    details: [{ path: 'override', message: "a manager's staff id and PIN" }],
  });
}

/** The order's priced input and the engine, once sure that pricing it again gives what it was placed at. */
export function repricing(order: Order, env: RepricingEnv): { engine: PricingEngine; input: OrderPriceInput } {
  if (env.cmd.actor.kind !== 'staff') throw new TillboxError('forbidden', 'only staff change the price of an order');
  if (order.payment !== 'unpaid')
    throw new TillboxError('conflict', `order ${order.number} is ${order.payment}: its price can no longer change`, {
      details: [{ path: 'status', message: 'refund it instead' }],
    });
  if (!['placed', 'in_kitchen', 'ready'].includes(order.status))
    throw new TillboxError(
      'conflict',
      `order ${order.number} is ${describeStatus(order.status)}: its price can no longer change`,
    );
  const engine = env.engine;
  if (!engine) throw new TillboxError('internal', 'pricing an order again needs the pricing engine');
  const input = order.priceInput;
  if (!input)
    throw new TillboxError(
      'conflict',
      `order ${order.number} was placed before orders kept their cart: void it and place it again`,
    );
  if (order.catalogVersion !== undefined && order.catalogVersion !== engine.catalog.version)
    throw new TillboxError(
      'conflict',
      `order ${order.number} was priced with menu version ${order.catalogVersion}; the menu is now version ${engine.catalog.version}: void it and place it again`,
    );
  const again = priceWithEngine(engine, input.cart, input.context);
  const same =
    again.totals.total === order.totals.total &&
    again.lines.every((l) => order.lines.find((o) => o.lineId === l.lineId)?.total === l.total);
  if (!same)
    throw new TillboxError(
      'conflict',
      `the prices or promotions changed since order ${order.number} was placed: void it and place it again`,
    );
  return { engine, input };
}

/** What pricing again changes, as an event payload. */
function repricedData(priced: PriceResult) {
  return { lines: priced.lines.map(lineAmounts), totals: totalsOf(priced), pricing: pricingOf(priced) };
}

/**
 * Why the last of `manual` (the order's discounts, as priced in `priced`) needs a manager's
 * approval, or undefined when staff may give it alone: any comp; a percentage over the limit;
 * an amount over the limit or over the limit's share of what its lines had left; or the order's
 * discounts (comps aside: each was approved) together over either limit.
 */
export function discountApprovalReason(
  priced: PriceResult,
  manual: readonly ManualAdjustment[],
  limits: DiscountApprovalLimits,
): string | undefined {
  const adjustment = manual[manual.length - 1];
  if (!adjustment) return undefined;
  if (adjustment.kind === 'comp') return 'A comp';
  const money = (n: number): string => formatAmount(n, priced.currency);
  const percent = `${limits.percent}%`;
  const mine = priced.applied.find((a) => a.source === 'manual' && a.promotionId === adjustment.id);
  const amount = mine?.amount ?? 0;
  const base = mine?.base ?? 0;
  const value = adjustment.value ?? 0;
  if (adjustment.kind === 'percent' && value * 100 > limits.percent * PPM)
    return `A discount of ${formatPpm(value)} is more than ${percent}`;
  if (amount > limits.amount) return `A discount of ${money(amount)} is more than ${money(limits.amount)}`;
  if (adjustment.kind === 'amount' && amount * 100 > limits.percent * base)
    return `A discount of ${money(amount)} is more than ${percent} of the ${money(base)} it comes off`;
  const discounts = new Set(manual.filter((m) => m.kind !== 'comp').map((m) => m.id));
  const together = priced.applied
    .filter((a) => a.source === 'manual' && discounts.has(a.promotionId))
    .reduce((s, a) => s + a.amount, 0);
  const before =
    priced.totals.subtotal - priced.applied.filter((a) => a.source !== 'manual').reduce((s, a) => s + a.amount, 0);
  if (together > limits.amount)
    return `The order's discounts come to ${money(together)}, more than ${money(limits.amount)}`;
  if (together * 100 > limits.percent * before)
    return `The order's discounts come to ${money(together)}, more than ${percent} of ${money(before)}`;
  return undefined;
}

/** `order.discounted`: a discount or comp on the order or a line, approved when past the limits. */
export function decideDiscount(order: Order, request: DiscountRequest, env: RepricingEnv): OrderEvent {
  const { engine, input } = repricing(order, env);
  const adjustment: ManualAdjustment = { ...request, id: env.newId() };
  const context = { ...input.context, manual: [...input.context.manual, adjustment] };
  const priced = priceWithEngine(engine, input.cart, context);
  const applied = priced.applied.find((a) => a.source === 'manual' && a.promotionId === adjustment.id);
  if (!applied) {
    const what = adjustment.scope === 'order' ? `order ${order.number}` : 'that line';
    throw new TillboxError('conflict', `nothing is left to take off ${what}`);
  }
  const why = discountApprovalReason(priced, context.manual, env.config.discountApproval ?? DEFAULT_DISCOUNT_APPROVAL);
  if (why !== undefined && !approved(env.cmd)) throw needApproval(why);
  return {
    type: 'order.discounted',
    data: { orderId: order.id, adjustment, amount: applied.amount, ...repricedData(priced) },
  };
}

/** `order.price-overridden`: a manager's price for one unit of a line (modifiers still add). */
export function decidePriceOverride(
  order: Order,
  request: { lineId: string; unitPrice: number; reason: string },
  env: RepricingEnv,
): OrderEvent {
  const { engine, input } = repricing(order, env);
  const { lineId, unitPrice } = request;
  const reason = request.reason.trim();
  const line = input.cart.lines.find((l) => l.lineId === lineId);
  if (!line) throw new TillboxError('not-found', `order ${order.number} has no line ${lineId}`);
  if (!approved(env.cmd)) throw needApproval('A price override');
  const lines = input.cart.lines.map((l) =>
    l.lineId === lineId ? { ...l, unitPriceOverride: { unitPrice, reason } } : l,
  );
  const priced = priceWithEngine(engine, { lines }, input.context);
  const from = line.unitPriceOverride?.unitPrice ?? priced.lines.find((l) => l.lineId === lineId)?.priceOverride?.from;
  if (from === undefined) throw new TillboxError('internal', `line ${lineId} was priced without its override`);
  if (from === unitPrice)
    throw new TillboxError('validation', `that line already costs ${formatAmount(unitPrice, priced.currency)} a unit`, {
      details: [{ path: 'unitPrice', message: 'a different price' }],
    });
  return {
    type: 'order.price-overridden',
    data: { orderId: order.id, lineId, from, to: unitPrice, reason, ...repricedData(priced) },
  };
}
