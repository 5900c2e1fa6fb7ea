/**
 * Answers as a screen gets them: an order's view names the loyalty member it is for only to the
 * screens that attach customers (the core's `MEMBER_VISIBLE_ROLES`); the kitchen displays, the
 * pickup board and the kiosk get every order view without it. Applied to every route's answer by
 * its response schema, so a route returning order views cannot forget it.
 */
import {
  MEMBER_VISIBLE_ROLES,
  openTicketsSchema,
  orderListSchema,
  orderViewSchema,
  recallListSchema,
  withoutMember,
  type DeviceRole,
  type OpenTickets,
  type OrderList,
  type OrderView,
} from '@tillbox/core';
import type { z } from 'zod';

type RecallList = z.infer<typeof recallListSchema>;

/** Each response schema that holds order views, and how to take the member out of its answer. */
const WITHOUT_MEMBER = new Map<z.ZodType, (body: never) => unknown>([
  [orderViewSchema, (b: OrderView) => withoutMember(b)],
  [orderListSchema, (b: OrderList) => ({ ...b, orders: b.orders.map(withoutMember) })],
  [openTicketsSchema, (b: OpenTickets) => ({ ...b, orders: b.orders.map(withoutMember) })],
  [
    recallListSchema,
    (b: RecallList) => ({ ...b, tickets: b.tickets.map((t) => ({ ...t, order: withoutMember(t.order) })) }),
  ],
]);

/** The response schemas {@link forScreen} takes members out of (for the test that no route is missed). */
export const SCREEN_VIEW_SCHEMAS: ReadonlySet<z.ZodType> = new Set(WITHOUT_MEMBER.keys());

/** `body`, an answer of `response`, as a screen of `role` gets it. */
export function forScreen(response: z.ZodType, body: unknown, role: DeviceRole | undefined): unknown {
  if (role === undefined || MEMBER_VISIBLE_ROLES.includes(role) || body === null || typeof body !== 'object')
    return body;
  const strip = WITHOUT_MEMBER.get(response);
  return strip ? strip(body as never) : body;
}
