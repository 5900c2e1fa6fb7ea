/**
 * The order lifecycle as a state machine over two dimensions: where the order is (`status`)
 * and whether it is paid (`payment`). It is the status table of the order aggregate:
 * `decideOrder` (orders/decide.ts) checks every command against it before anything changes.
 *
 *   placed ─pay→ paid ─fire→ in_kitchen ─ready→ ready ─pick-up→ picked_up
 *     └──────────fire──────────┘   ↑ recall ┘      └─complete→ completed
 *   placed (unpaid) ─cancel→ cancelled      unpaid, not handed over ─void→ voided
 *   paid ─refund (all of it)→ refunded   (a refund of some lines leaves the status alone)
 *
 * A counter order may fire before it is paid; paying later leaves its status alone. A paid
 * order never becomes unpaid again: it can only be refunded.
 *
 * Split tender: a payment that leaves some of the total due makes the order `partially-paid`
 * (its status stays where it is); the tender that pays the rest makes it `paid`. A partly paid
 * order is neither cancelled nor voided while it holds money: its payments are refunded first
 * (a manager's override), which makes it `unpaid` again.
 */
import { TillboxError } from './errors.js';

export const ORDER_STATUSES = [
  'placed',
  'paid',
  'in_kitchen',
  'ready',
  'picked_up',
  'completed',
  'cancelled',
  'voided',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'partially-paid', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const ORDER_COMMANDS = [
  'pay',
  'fire',
  'ready',
  'recall',
  'pick-up',
  'complete',
  'cancel',
  'void',
  'refund',
] as const;
export type LifecycleCommand = (typeof ORDER_COMMANDS)[number];

export const ORDER_EVENT_TYPES = [
  'order.placed',
  'order.paid',
  'order.fired',
  'order.ready',
  'order.recalled',
  'order.picked-up',
  'order.completed',
  'order.cancelled',
  'order.voided',
  'order.refunded',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

export interface OrderState {
  readonly status: OrderStatus;
  readonly payment: PaymentStatus;
}

export interface OrderTransition extends OrderState {
  readonly event: OrderEventType;
}

const OPEN: ReadonlySet<OrderStatus> = new Set(['placed', 'paid', 'in_kitchen', 'ready']);
const FINAL: ReadonlySet<OrderStatus> = new Set(['cancelled', 'voided', 'refunded']);

/** True while the order is still on a kitchen screen or the pickup board. */
export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN.has(status);
}

const HUMAN: Readonly<Record<OrderStatus, string>> = {
  placed: 'placed',
  paid: 'paid and waiting to fire',
  in_kitchen: 'in the kitchen',
  ready: 'ready',
  picked_up: 'picked up',
  completed: 'completed',
  cancelled: 'cancelled',
  voided: 'voided',
  refunded: 'refunded',
};

export function describeStatus(status: OrderStatus): string {
  return HUMAN[status];
}

const PART_PAID = "part of it is paid: refund what was taken first (a manager's override)";

function refuse(command: LifecycleCommand, state: OrderState, why: string): never {
  const payment = state.payment;
  throw new TillboxError(
    'conflict',
    `cannot ${command} an order that is ${HUMAN[state.status]}${why ? ` (${why})` : ''}`,
    {
      details: [{ path: 'status', message: `${state.status}, ${payment}` }],
    },
  );
}

/**
 * The state and event a command leads to, or a `conflict` error that says why the command
 * does not apply (e.g. marking ready an order that is already ready).
 */
export function applyOrderCommand(state: OrderState, command: LifecycleCommand): OrderTransition {
  const { status, payment } = state;
  switch (command) {
    case 'pay':
      if (payment !== 'unpaid' && payment !== 'partially-paid')
        return refuse(command, state, `it is already ${payment}`);
      if (FINAL.has(status)) return refuse(command, state, '');
      return { status: status === 'placed' ? 'paid' : status, payment: 'paid', event: 'order.paid' };
    case 'fire':
      if (status !== 'placed' && status !== 'paid') return refuse(command, state, '');
      return { status: 'in_kitchen', payment, event: 'order.fired' };
    case 'ready':
      if (status !== 'in_kitchen') return refuse(command, state, '');
      return { status: 'ready', payment, event: 'order.ready' };
    case 'recall':
      if (status !== 'ready') return refuse(command, state, 'only a ready order can go back to the kitchen');
      return { status: 'in_kitchen', payment, event: 'order.recalled' };
    case 'pick-up':
      if (status !== 'ready') return refuse(command, state, '');
      return { status: 'picked_up', payment, event: 'order.picked-up' };
    case 'complete':
      if (status !== 'ready') return refuse(command, state, '');
      return { status: 'completed', payment, event: 'order.completed' };
    case 'cancel':
      if (payment === 'partially-paid') return refuse(command, state, PART_PAID);
      if (status !== 'placed' || payment !== 'unpaid') {
        return refuse(
          command,
          state,
          payment === 'paid' ? 'it is paid: refund it instead' : 'it has gone to the kitchen: void it instead',
        );
      }
      return { status: 'cancelled', payment, event: 'order.cancelled' };
    case 'void':
      if (payment === 'partially-paid') return refuse(command, state, PART_PAID);
      if (payment !== 'unpaid') return refuse(command, state, 'it is paid: refund it instead');
      if (!OPEN.has(status)) return refuse(command, state, '');
      return { status: 'voided', payment, event: 'order.voided' };
    case 'refund':
      // A partly paid order's payments all given back: unpaid again, where it was.
      if (payment === 'partially-paid') return { status, payment: 'unpaid', event: 'order.refunded' };
      if (payment !== 'paid')
        return refuse(command, state, payment === 'unpaid' ? 'it is not paid' : 'it is already refunded');
      return { status: 'refunded', payment: 'refunded', event: 'order.refunded' };
  }
}
