/**
 * Who the fuzzer speaks as, and the real ids it aims at. Actors are paired devices (with staff
 * signed in where the role allows); a fuzzed request may sign them out or sign someone else in,
 * so `repair()` puts each back before the next case. The pool holds orders in several states
 * with their tickets and lines, staff members with their PINs and spare devices, so requests
 * reach the rules instead of stopping at "not found".
 */
import { SYSTEM_CONTEXT, placeOrderBodySchema, type DeviceRole, type StaffRole } from '@tillbox/core';
import type { Edge } from '../../../edge/server/src/app.js';
import { cashierAtCounter } from '../../../edge/server/src/testing/contexts.js';
import { latteOrder } from '../../../edge/server/src/testing/order-factory.js';
import { testDevice, testStaff, type TestClient } from '../../../edge/server/src/testing/test-actors.js';

export const ACTORS = [
  { name: 'admin+admin', role: 'admin', staff: 'admin' },
  { name: 'counter+manager', role: 'counter', staff: 'manager' },
  { name: 'counter+cashier', role: 'counter', staff: 'cashier' },
  { name: 'counter', role: 'counter', staff: undefined },
  { name: 'kiosk', role: 'kiosk', staff: undefined },
  { name: 'kds', role: 'kds', staff: undefined },
  { name: 'pickup', role: 'pickup', staff: undefined },
  { name: 'relay', role: 'relay', staff: undefined },
] as const satisfies readonly { name: string; role: DeviceRole; staff: StaffRole | undefined }[];
export type ActorName = (typeof ACTORS)[number]['name'] | 'anonymous';

export class FuzzActors {
  private readonly clients = new Map<string, TestClient>();
  readonly pool = {
    orders: [] as string[],
    tickets: [] as string[],
    lines: [] as string[],
    staff: [] as { id: string; pin: string; role: StaffRole }[],
    devices: [] as string[],
    stations: [] as string[],
  };

  constructor(private readonly edge: Edge) {}

  async start(): Promise<void> {
    for (const a of ACTORS) this.clients.set(a.name, await testDevice(this.edge, a.role, a.staff));
    for (const role of ['manager', 'cashier', 'kitchen'] as const) {
      const { staff, pin } = await testStaff(this.edge, role);
      this.pool.staff.push({ id: staff.id, pin, role });
    }
    for (const role of ['kiosk', 'kds'] as const) this.pool.devices.push((await testDevice(this.edge, role)).device.id);
    this.pool.stations.push(...this.edge.caps.kitchen.config.stations.map((s) => s.id), 'expo');
    await this.topUp();
  }

  /** Orders in several states (unpaid, paid, in the kitchen, a ticket bumped, cancelled) for the pool. */
  async topUp(): Promise<void> {
    const { orders, payments, kitchen } = this.edge.caps;
    const place = (input: Parameters<typeof latteOrder>[0] = {}) =>
      orders.place(cashierAtCounter, placeOrderBodySchema.parse(latteOrder(input))).order;
    const unpaid = place({ channel: 'kiosk' });
    const fired = place();
    const paid = await payments.pay(cashierAtCounter, place({ channel: 'kiosk' }).id, {
      method: 'cash',
      tendered: 100_000,
    });
    const cancelled = orders.command(SYSTEM_CONTEXT, place({ channel: 'kiosk' }).id, 'cancel');
    const bumped = orders.get(SYSTEM_CONTEXT, place().id);
    for (const t of bumped.tickets) kitchen.ticketCommand(SYSTEM_CONTEXT, t.id, 'bump');
    for (const o of [unpaid, fired, paid, cancelled, bumped]) {
      this.pool.orders.push(o.id);
      this.pool.lines.push(...o.lines.map((l) => l.lineId));
      this.pool.tickets.push(...o.tickets.map((t) => t.id));
    }
    // Keep the pool small enough that every id comes up often.
    for (const list of [this.pool.orders, this.pool.lines, this.pool.tickets])
      list.splice(0, Math.max(0, list.length - 40));
  }

  client(name: ActorName): TestClient | undefined {
    return name === 'anonymous' ? undefined : this.clients.get(name);
  }

  /** Put every actor back as it was (paired, its staff member signed in), making new ones if need be. */
  async repair(): Promise<number> {
    let replaced = 0;
    for (const a of ACTORS) {
      const c = this.clients.get(a.name);
      const paired = c && this.edge.access.devices.authenticate(c.credential);
      const staffOk = !a.staff || (c?.staff && this.edge.access.staff.signedIn(c.device.id)?.id === c.staff.id);
      if (paired && staffOk) continue;
      this.clients.set(a.name, await testDevice(this.edge, a.role, a.staff));
      replaced += 1;
    }
    return replaced;
  }
}
