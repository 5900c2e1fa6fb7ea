/**
 * The credentials the bench's clients present to the edge: each stream client is a paired
 * device of its own (`Authorization: Bearer`, also on the WebSocket upgrade), and orders come
 * from a counter screen with the demo cashier signed in.
 */
import type { DeviceRole, StaffRole } from '@tillbox/core';
import { demoHeaders } from '../support/credentials.js';

export type RequestHeaders = Record<string, string>;

export function edgeHeaders(url: string, role: DeviceRole, staff?: StaffRole): Promise<RequestHeaders> {
  return demoHeaders(url, role, staff);
}
