/**
 * The admin screen's calls: devices and pairing codes, staff, the audit log, and today's orders
 * with manager-approved voids and refunds. Typed from the OpenAPI document; each answer is parsed
 * by the core's schema.
 */
import {
  auditPageSchema,
  auditVerificationSchema,
  deviceListSchema,
  deviceViewSchema,
  loadOrderSnapshot,
  orderListSchema,
  orderViewSchema,
  pairingCodeViewSchema,
  staffListSchema,
  staffViewSchema,
  type AuditAction,
  type AuditPage,
  type AuditVerification,
  type DeviceRole,
  type DeviceView,
  type OrderList,
  type OrderStatus,
  type OrderView,
  type Override,
  type PairingCodeView,
  type StaffRole,
  type StaffView,
} from '@tillbox/core';
import type { z } from 'zod';
import { api, apiPost, apiUrl } from '$lib/api.js';

export type DeviceList = z.infer<typeof deviceListSchema>;

export const adminCalls = {
  makePairingCode: (role: DeviceRole, name: string): Promise<PairingCodeView> =>
    api.post('/pairing/codes', { body: { role, name }, schema: pairingCodeViewSchema }),
  devices: (): Promise<DeviceList> => api.get('/devices', { schema: deviceListSchema }),
  revokeDevice: (deviceId: string): Promise<DeviceView> =>
    api.post('/devices/{id}/revoke', { params: { id: deviceId }, schema: deviceViewSchema }),

  staff: async (): Promise<StaffView[]> => (await api.get('/staff', { schema: staffListSchema })).staff,
  addStaff: (body: { name: string; role: StaffRole; pin: string }): Promise<StaffView> =>
    api.post('/staff', { body, schema: staffViewSchema }),
  updateStaff: (staffId: string, changes: { name?: string; role?: StaffRole; active?: boolean }): Promise<StaffView> =>
    api.post('/staff/{id}', { params: { id: staffId }, body: changes, schema: staffViewSchema }),
  resetPin: (staffId: string, pin: string): Promise<StaffView> =>
    api.post('/staff/{id}/pin', { params: { id: staffId }, body: { pin }, schema: staffViewSchema }),
  /** Who can approve an override here: the staff who can sign in (names and roles). */
  signInList: async (): Promise<StaffView[]> => (await api.get('/staff/sign-in', { schema: staffListSchema })).staff,

  audit: (query: { limit?: number; beforeSeq?: number; action?: AuditAction }): Promise<AuditPage> =>
    api.get('/audit', { query, schema: auditPageSchema }),
  verifyAudit: (): Promise<AuditVerification> => api.get('/audit/verify', { schema: auditVerificationSchema }),

  /** Every page of the orders with this status (today's, for a closed status). */
  orders: (status: 'open' | OrderStatus): Promise<OrderList> =>
    loadOrderSnapshot((query) => api.get('/orders', { query, schema: orderListSchema }), { status }),
  // Voids and refunds are not in the generated document yet: the untyped helper, same parsing.
  voidOrder: (orderId: string, body: { reason: string; override: Override }): Promise<OrderView> =>
    apiPost(apiUrl('/orders/{id}/void', { id: orderId }), body, orderViewSchema),
  refundOrder: (orderId: string, body: { reason: string; override: Override; lines?: string[] }): Promise<OrderView> =>
    apiPost(apiUrl('/orders/{id}/refund', { id: orderId }), body, orderViewSchema),
};

export type AdminCalls = typeof adminCalls;
