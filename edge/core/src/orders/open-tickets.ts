/**
 * Open tickets: a counter order not yet paid, held by a staff member (parked, on no counter),
 * recalled onto a counter, handed to another staff member, and added to. Added lines are priced
 * with the rest of the order through the placement path — the order's own cart and context, the
 * store's engine, its kitchen routing — so the order costs what placing it whole would have; if
 * the order had gone to the kitchen, they go as another round.
 */
import type { CommandContext } from '../auth/actors.js';
import type { PricingCartLine } from '../commerce/cart-schema.js';
import { priceWithEngine } from '../commerce/price.js';
import { TillboxError } from '../errors.js';
import { lineStations } from '../kitchen/line-stations.js';
import { describeStatus, isOpenStatus } from '../order-lifecycle.js';
import { repricing } from './adjust.js';
import type { OrderEnv } from './decide.js';
import type { Order, OrderEvent, StaffRef } from './order.js';
import { lineAmounts, placementOf, pricingOf, totalsOf } from './placement.js';

/** The most lines an order holds. */
export const MAX_ORDER_LINES = 100;

function staffOnly(cmd: CommandContext, what: string): StaffRef {
  const { actor } = cmd;
  if (actor.kind !== 'staff') throw new TillboxError('forbidden', `only staff ${what}`);
  return actor.name ? { staffId: actor.id, name: actor.name } : { staffId: actor.id };
}

/** A counter order that can still take payment: the only kind kept as an open ticket. */
function checkOpenTicket(order: Order, what: string): void {
  if (order.channel !== 'counter')
    throw new TillboxError(
      'conflict',
      `order ${order.number} is a ${order.channel} order: only counter orders ${what}`,
    );
  if (order.payment !== 'unpaid' && order.payment !== 'partially-paid')
    throw new TillboxError('conflict', `order ${order.number} is ${order.payment}: it is no open ticket`);
  if (order.status === 'cancelled' || order.status === 'voided' || order.status === 'refunded')
    throw new TillboxError('conflict', `order ${order.number} is ${describeStatus(order.status)}`);
}

/** `order.held`: park it as an open ticket, owned by whoever owns it already, else by the staff member holding it. */
export function decideHold(order: Order, cmd: CommandContext): OrderEvent {
  const holder = staffOnly(cmd, 'hold open tickets');
  checkOpenTicket(order, 'are held as open tickets');
  if (order.heldAt !== undefined) throw new TillboxError('conflict', `order ${order.number} is already held`);
  return { type: 'order.held', data: { orderId: order.id, owner: order.owner ?? holder } };
}

/** `order.resumed`: a held ticket recalled onto a counter (its owner stays). */
export function decideResume(order: Order, cmd: CommandContext): OrderEvent {
  staffOnly(cmd, 'recall open tickets');
  if (order.heldAt === undefined)
    throw new TillboxError('conflict', `order ${order.number} is not held: it is already on a counter`);
  return { type: 'order.resumed', data: { orderId: order.id } };
}

/** `order.transferred`: the open ticket is now another staff member's (audited). */
export function decideTransfer(
  order: Order,
  to: StaffRef,
  reason: string | undefined,
  cmd: CommandContext,
): OrderEvent {
  staffOnly(cmd, 'hand open tickets over');
  checkOpenTicket(order, 'are handed over as open tickets');
  if (order.owner?.staffId === to.staffId)
    throw new TillboxError(
      'conflict',
      `order ${order.number} is already ${order.owner.name ?? to.name ?? to.staffId}'s`,
    );
  const r = reason?.trim();
  const data: Extract<OrderEvent, { type: 'order.transferred' }>['data'] = { orderId: order.id, to };
  if (order.owner) data.from = order.owner;
  if (r) data.reason = r.slice(0, 200);
  return { type: 'order.transferred', data };
}

/**
 * `order.lines-added`: new lines on a placed, unpaid, open order, priced with its other lines
 * (the same engine, cart and moment it was placed with), routed to their stations. Line ids are
 * the screen's; none may be the order's already.
 */
export function decideAddLines(
  order: Order,
  lines: readonly (PricingCartLine & { lineId: string })[],
  env: OrderEnv,
): OrderEvent {
  if (lines.length === 0) throw new TillboxError('validation', 'add at least one line');
  if (!isOpenStatus(order.status))
    throw new TillboxError(
      'conflict',
      `order ${order.number} is ${describeStatus(order.status)}: nothing can be added`,
    );
  const { engine, input } = repricing(order, env);
  const routing = env.config.routing;
  if (!routing) throw new TillboxError('internal', 'adding lines needs the kitchen routing');
  if (input.cart.lines.length + lines.length > MAX_ORDER_LINES)
    throw new TillboxError('validation', `an order holds at most ${MAX_ORDER_LINES} lines`);
  const ids = new Set(input.cart.lines.map((l) => l.lineId));
  for (const [i, l] of lines.entries()) {
    if (ids.has(l.lineId))
      throw new TillboxError('validation', `line id ${l.lineId} is already on order ${order.number}`, {
        details: [{ path: `lines.${i}.lineId`, message: 'make a new line id' }],
      });
    ids.add(l.lineId);
  }
  const cart = { lines: [...input.cart.lines, ...lines] };
  const priced = priceWithEngine(engine, cart, input.context);
  const placed = placementOf(priced, engine, routing);
  const added = new Set(lines.map((l) => l.lineId));
  const data: Extract<OrderEvent, { type: 'order.lines-added' }>['data'] = {
    orderId: order.id,
    added: placed.lines.filter((l) => added.has(l.lineId)),
    cart: [...lines],
    lines: priced.lines.map(lineAmounts),
    totals: totalsOf(priced),
    pricing: pricingOf(priced),
  };
  if (order.split?.kind === 'lines') data.splitDropped = true;
  return { type: 'order.lines-added', data };
}

/**
 * The tickets of another round: each new line on its station's ticket (a combo's on each of its
 * slot items' stations), opened again, or a new
 * one, numbered after the rounds before it. Undefined when the order has not gone to the kitchen
 * (the lines go with the rest when it does).
 */
export function nextRound(
  order: Order,
  lineIds: readonly string[],
  newId: () => string,
): { round: number; tickets: { id: string; station: string; lineIds: string[] }[] } | undefined {
  if (order.tickets.length === 0) return undefined;
  const byStation = new Map<string, string[]>();
  for (const l of order.lines) {
    if (!lineIds.includes(l.lineId)) continue;
    for (const station of lineStations(l)) byStation.set(station, [...(byStation.get(station) ?? []), l.lineId]);
  }
  const round = Math.max(1, ...order.lines.map((l) => l.round ?? 1)) + 1;
  const tickets = [...byStation.keys()].sort().map((station) => ({
    id: order.tickets.find((t) => t.station === station)?.id ?? newId(),
    station,
    lineIds: byStation.get(station) ?? [],
  }));
  return { round, tickets };
}
