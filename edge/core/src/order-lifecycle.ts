/**
 * The order lifecycle as a state machine. The edge enforces it: a command is applied only if
 * this table allows it from the order's current status, and each applied command appends the
 * named event in the same transaction as the status change.
 */
import { TillboxError } from './errors.js';

export const ORDER_STATUSES = ['placed', 'in_kitchen', 'ready', 'picked_up'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_COMMANDS = ['fire', 'bump', 'pick-up'] as const;
export type OrderCommand = (typeof ORDER_COMMANDS)[number];

export type OrderEventType = 'order.placed' | 'order.fired' | 'order.bumped' | 'order.picked-up';

interface Transition {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly event: OrderEventType;
}

const TRANSITIONS: Readonly<Record<OrderCommand, Transition>> = {
  fire: { from: 'placed', to: 'in_kitchen', event: 'order.fired' },
  bump: { from: 'in_kitchen', to: 'ready', event: 'order.bumped' },
  'pick-up': { from: 'ready', to: 'picked_up', event: 'order.picked-up' },
};

const OPEN: ReadonlySet<OrderStatus> = new Set(['placed', 'in_kitchen', 'ready']);

/** True while the order is still on a kitchen screen or the pickup board. */
export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN.has(status);
}

const HUMAN: Readonly<Record<OrderStatus, string>> = {
  placed: 'placed',
  in_kitchen: 'in the kitchen',
  ready: 'ready',
  picked_up: 'picked up',
};

/**
 * The status and event a command leads to from `status`, or a `conflict` error that says why
 * the command does not apply (e.g. bumping an order that is already ready).
 */
export function applyOrderCommand(
  status: OrderStatus,
  command: OrderCommand,
): { status: OrderStatus; event: OrderEventType } {
  const t = TRANSITIONS[command];
  if (t.from !== status) {
    throw new TillboxError('conflict', `cannot ${command} an order that is ${HUMAN[status]}`, {
      details: [{ path: 'status', message: `expected ${HUMAN[t.from]}` }],
    });
  }
  return { status: t.to, event: t.event };
}
