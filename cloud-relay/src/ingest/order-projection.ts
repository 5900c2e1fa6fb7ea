/**
 * The chain's view of an order, from its store's order events. Each event becomes a change
 * stamped with its seq; the changes of one order are folded together, and the database keeps
 * a field only from the change of highest seq that sets it. So the projection comes out the
 * same whatever order the events arrive in, however often.
 */
import {
  EVENT_CATALOGUE,
  isEventType,
  type EventType,
  type OrderStatus,
  type PaymentStatus,
  type Totals,
} from '@tillbox/core';
import type { z } from 'zod';

/** A stored event, as the projection reads it. */
export interface ProjectedEvent {
  storeId: string;
  seq: number;
  type: string;
  at: Date;
  data: unknown;
}

export interface Stamped<T> {
  value: T;
  seq: number;
}

/** What a batch of events changes in one order. */
export interface OrderChange {
  orderId: string;
  storeId: string;
  placed?: {
    number: number;
    businessDay: string;
    channel: string;
    orderType: string;
    placedAt: Date;
  };
  /** Where the order is (placed, in the kitchen, ready, ...): the status of highest seq. */
  status?: Stamped<OrderStatus>;
  /**
   * Paid in full. `paid` is a status only in place of `placed`: a counter order fired before it
   * was paid stays in the kitchen when it is paid (the core's lifecycle), whatever the arrival order.
   */
  paid?: true;
  payment?: Stamped<PaymentStatus>;
  totals?: Stamped<Totals>;
  /** First time each happened (a recall and a second round keep the first). */
  paidAt?: Date;
  firedAt?: Date;
  readyAt?: Date;
  pickedUpAt?: Date;
}

type Step = Omit<OrderChange, 'orderId' | 'storeId'>;

const status = (value: OrderStatus, seq: number): Step['status'] => ({ value, seq });

/**
 * The fields of its data the projection reads, per event type it projects. Only they are checked,
 * by the catalogue's own rules for them: an order's lines and pricing (most of an `order.placed`)
 * are not read here, and checking them was most of the projection's cost.
 */
const READS: Partial<Record<EventType, readonly string[]>> = {
  'order.placed': ['id', 'number', 'businessDay', 'channel', 'orderType', 'totals'],
  'order.paid': ['orderId'],
  'order.payment-taken': ['orderId'],
  'order.fired': ['orderId'],
  'order.ready': ['orderId'],
  'order.recalled': ['orderId'],
  'order.picked-up': ['orderId'],
  'order.completed': ['orderId'],
  'order.cancelled': ['orderId'],
  'order.voided': ['orderId'],
  'order.refunded': ['orderId', 'full'],
  'order.discounted': ['orderId', 'totals'],
  'order.price-overridden': ['orderId', 'totals'],
  'order.lines-added': ['orderId', 'totals'],
};
const readers = new Map<EventType, z.ZodType>();

/** The catalogue's schema of a type narrowed to the fields the projection reads (the whole schema if it cannot be). */
function readerOf(type: EventType, fields: readonly string[]): z.ZodType {
  let reader = readers.get(type);
  if (!reader) {
    const schema = EVENT_CATALOGUE[type].schema as z.ZodType & {
      shape?: Record<string, unknown>;
      pick?: (mask: Record<string, true>) => z.ZodType;
    };
    try {
      const known = schema.shape !== undefined && fields.every((f) => f in schema.shape!);
      reader = known && schema.pick ? schema.pick(Object.fromEntries(fields.map((f) => [f, true]))) : schema;
    } catch {
      reader = schema; // a schema with refinements cannot be narrowed
    }
    readers.set(type, reader);
  }
  return reader;
}

/** What one event changes in its order, or `undefined` for an event that is not about an order's state. */
function stepOf(event: ProjectedEvent): { orderId: string; step: Step } | undefined {
  if (!isEventType(event.type)) return undefined;
  const fields = READS[event.type];
  if (!fields) return undefined;
  const parsed = readerOf(event.type, fields).safeParse(event.data);
  if (!parsed.success) return undefined;
  const { seq, at } = event;
  const d = parsed.data as Record<string, unknown>;
  switch (event.type) {
    case 'order.placed': {
      const p = d as Pick<
        z.infer<(typeof EVENT_CATALOGUE)['order.placed']['schema']>,
        'id' | 'number' | 'businessDay' | 'channel' | 'orderType' | 'totals'
      >;
      return {
        orderId: p.id,
        step: {
          placed: {
            number: p.number,
            businessDay: p.businessDay,
            channel: p.channel,
            orderType: p.orderType,
            placedAt: at,
          },
          status: status('placed', seq),
          totals: { value: p.totals, seq },
        },
      };
    }
    case 'order.paid':
      return {
        orderId: String(d.orderId),
        step: { paid: true, payment: { value: 'paid', seq }, paidAt: at },
      };
    case 'order.payment-taken':
      return { orderId: String(d.orderId), step: { payment: { value: 'partially-paid', seq } } };
    case 'order.fired':
      return { orderId: String(d.orderId), step: { status: status('in_kitchen', seq), firedAt: at } };
    case 'order.ready':
      return { orderId: String(d.orderId), step: { status: status('ready', seq), readyAt: at } };
    case 'order.recalled':
      return { orderId: String(d.orderId), step: { status: status('in_kitchen', seq) } };
    case 'order.picked-up':
      return { orderId: String(d.orderId), step: { status: status('picked_up', seq), pickedUpAt: at } };
    case 'order.completed':
      return { orderId: String(d.orderId), step: { status: status('completed', seq) } };
    case 'order.cancelled':
      return { orderId: String(d.orderId), step: { status: status('cancelled', seq) } };
    case 'order.voided':
      return { orderId: String(d.orderId), step: { status: status('voided', seq) } };
    case 'order.refunded': {
      const r = d as Pick<z.infer<(typeof EVENT_CATALOGUE)['order.refunded']['schema']>, 'orderId' | 'full'>;
      return {
        orderId: r.orderId,
        step: r.full ? { status: status('refunded', seq), payment: { value: 'refunded', seq } } : {},
      };
    }
    case 'order.discounted':
    case 'order.price-overridden':
    case 'order.lines-added':
      return { orderId: String(d.orderId), step: { totals: { value: d.totals as Totals, seq } } };
    default:
      return undefined;
  }
}

const later = <T extends { seq: number }>(a: T | undefined, b: T | undefined): T | undefined =>
  a === undefined ? b : b === undefined ? a : b.seq > a.seq ? b : a;

const earlier = (a: Date | undefined, b: Date | undefined): Date | undefined =>
  a === undefined ? b : b === undefined ? a : b < a ? b : a;

/** The status a projection shows: `paid` in place of `placed` once the order is paid. */
export function shownStatus(status: OrderStatus | undefined, paid: boolean): OrderStatus | undefined {
  return paid && (status === undefined || status === 'placed') ? 'paid' : status;
}

/** The changes a batch of events makes, one per order, folded in any order. */
export function orderChanges(events: readonly ProjectedEvent[]): OrderChange[] {
  const byOrder = new Map<string, OrderChange>();
  for (const event of events) {
    const found = stepOf(event);
    if (!found) continue;
    const { orderId, step } = found;
    const c = byOrder.get(orderId) ?? { orderId, storeId: event.storeId };
    const merged: OrderChange = {
      orderId,
      storeId: event.storeId,
      placed: c.placed ?? step.placed,
      status: later(c.status, step.status),
      paid: c.paid ?? step.paid,
      payment: later(c.payment, step.payment),
      totals: later(c.totals, step.totals),
      paidAt: earlier(c.paidAt, step.paidAt),
      firedAt: earlier(c.firedAt, step.firedAt),
      readyAt: earlier(c.readyAt, step.readyAt),
      pickedUpAt: earlier(c.pickedUpAt, step.pickedUpAt),
    };
    byOrder.set(orderId, merged);
  }
  return [...byOrder.values()];
}
