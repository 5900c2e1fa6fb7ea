/**
 * Credentials for tests and benchmarks that drive a built demo edge over HTTP: pair a device in
 * one click (`POST /api/v1/pairing/demo`, demo store on localhost) and, for a staff screen, sign
 * a demo staff member in with their PIN.
 */
import type { DeviceRole, StaffRole } from '@tillbox/core';

/** The demo store's staff PINs (edge/server/src/access.ts seeds them). */
export const DEMO_PINS: Readonly<Record<StaffRole, string>> = {
  admin: '1111',
  manager: '2222',
  cashier: '3333',
  kitchen: '4444',
  'shift-lead': '2222',
};

export type Headers = Record<string, string>;

async function json(res: Response, what: string): Promise<unknown> {
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Headers of a freshly paired device (and a demo staff member signed in on it, if a role is given). */
export async function demoHeaders(url: string, role: DeviceRole, staff?: StaffRole): Promise<Headers> {
  const paired = (await json(
    await fetch(`${url}/api/v1/pairing/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    }),
    `pairing a ${role} screen`,
  )) as { credential: string };
  const headers: Headers = { authorization: `Bearer ${paired.credential}`, 'content-type': 'application/json' };
  if (staff) {
    const list = (await json(await fetch(`${url}/api/v1/staff/sign-in`, { headers }), 'the staff list')) as {
      staff: { id: string; role: StaffRole }[];
    };
    const member = list.staff.find((s) => s.role === staff);
    if (!member) throw new Error(`the demo store has no ${staff}`);
    await json(
      await fetch(`${url}/api/v1/staff/sign-in`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ staffId: member.id, pin: DEMO_PINS[staff] }),
      }),
      `signing in the ${staff}`,
    );
  }
  return headers;
}
