/**
 * The edge's cash drawer calls the counter makes: this screen's drawer, opening it with a float,
 * paid in / out and safe drops, no-sale, the blind count and a manager's close — each answer
 * parsed by the core's schema.
 */
import {
  drawerListSchema,
  drawerSessionViewSchema,
  drawerViewSchema,
  type DenominationCount,
  type DrawerList,
  type DrawerMoveBody,
  type DrawerSessionView,
  type DrawerView,
} from '@tillbox/core';
import { api } from '$lib/api.js';

export type Override = { staffId: string; pin: string };
export type MoveKind = DrawerMoveBody['kind'];
export type FloatBody = { count: DenominationCount } | { amount: number };

export interface DrawerCalls {
  list(): Promise<DrawerList>;
  get(drawerId: string): Promise<DrawerView>;
  open(drawerId: string, body: FloatBody): Promise<DrawerSessionView>;
  move(drawerId: string, body: DrawerMoveBody): Promise<DrawerSessionView>;
  noSale(drawerId: string, reason?: string): Promise<DrawerSessionView>;
  count(drawerId: string, count: DenominationCount): Promise<DrawerSessionView>;
  close(drawerId: string, override: Override): Promise<DrawerSessionView>;
}

export const drawerCalls: DrawerCalls = {
  list: () => api.get('/drawers', { schema: drawerListSchema }),
  get: (id) => api.get('/drawers/{id}', { params: { id }, schema: drawerViewSchema }),
  open: (id, body) => api.post('/drawers/{id}/open', { params: { id }, body, schema: drawerSessionViewSchema }),
  move: (id, body) => api.post('/drawers/{id}/moves', { params: { id }, body, schema: drawerSessionViewSchema }),
  noSale: (id, reason) =>
    api.post('/drawers/{id}/no-sale', {
      params: { id },
      body: reason === undefined ? {} : { reason },
      schema: drawerSessionViewSchema,
    }),
  count: (id, count) =>
    api.post('/drawers/{id}/count', { params: { id }, body: { count }, schema: drawerSessionViewSchema }),
  close: (id, override) =>
    api.post('/drawers/{id}/close', { params: { id }, body: { override }, schema: drawerSessionViewSchema }),
};
