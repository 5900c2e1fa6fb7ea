/**
 * Paired devices and signed-in staff for tests, made through the same services the API uses
 * (a pairing code claimed; a staff member created and signed in with their PIN).
 */
import {
  SYSTEM_CONTEXT,
  actorOf,
  type DevicePrincipal,
  type DeviceRole,
  type StaffPrincipal,
  type StaffRole,
} from '@tillbox/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Edge } from '../app.js';

export interface TestClient {
  device: DevicePrincipal;
  staff: StaffPrincipal | undefined;
  credential: string;
  /** Headers that authenticate as this device: the bearer credential, JSON. */
  headers: Record<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Sign (another) staff member in on this device. */
  signIn(role: StaffRole): Promise<StaffPrincipal>;
}

let made = 0;

/** A new staff member of this role, with a PIN (4 digits from a counter). */
export async function testStaff(edge: Edge, role: StaffRole): Promise<{ staff: StaffPrincipal; pin: string }> {
  made += 1;
  const pin = String(1000 + made).padStart(4, '0');
  const view = await edge.access.staff.create(SYSTEM_CONTEXT, { name: `Test ${role} ${made}`, role, pin });
  return { staff: { id: view.id, name: view.name, role: view.role }, pin };
}

export async function testDevice(edge: Edge, role: DeviceRole, staffRole?: StaffRole): Promise<TestClient> {
  const code = edge.access.devices.createCode(SYSTEM_CONTEXT, { role, name: `Test ${role}` });
  const paired = edge.access.devices.claim(code.code);
  const headers = { authorization: `Bearer ${paired.credential}`, 'content-type': 'application/json' };
  const inject = (options: InjectOptions) =>
    edge.http.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  const client: TestClient = {
    device: paired.device,
    staff: undefined,
    credential: paired.credential,
    headers,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) =>
      inject({ method: 'POST', url, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) }),
    signIn: async (r) => {
      const { staff, pin } = await testStaff(edge, r);
      await edge.access.staff.signIn(
        { actor: actorOf(paired.device), device: paired.device.id },
        { staffId: staff.id, pin },
      );
      client.staff = staff;
      return staff;
    },
  };
  if (staffRole) await client.signIn(staffRole);
  return client;
}
