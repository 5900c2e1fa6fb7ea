/**
 * Who may do what, composed: the audit log, paired devices, staff and the guard every request
 * passes. Constructing does no work; `start()` loads open sessions, makes sure a first admin
 * screen can be paired, and (demo store only) seeds the demo staff.
 */
import { SYSTEM_CONTEXT, type StaffRole } from '@tillbox/core';
import type { Logger } from 'pino';
import { Guard } from './api/guard.js';
import { AuditRepository } from './audit/audit-repository.js';
import { AuditService } from './audit/audit-service.js';
import type { Settings } from './config/settings.js';
import type { Db } from './db/database.js';
import { DeviceRepository } from './pairing/device-repository.js';
import { DeviceService } from './pairing/device-service.js';
import type { EventLog } from './events/event-log.js';
import { StaffRepository } from './staff/staff-repository.js';
import { StaffService } from './staff/staff-service.js';

export interface AccessContext {
  db: Db;
  events: EventLog;
  settings: Settings;
  log: Logger;
  now?: () => number;
}

/** The demo store's staff and their PINs (README lists them). Seeded only with `demo` on. */
export const DEMO_STAFF: readonly { name: string; role: StaffRole; pin: string }[] = [
  { name: 'Robin (admin)', role: 'admin', pin: '1111' },
  { name: 'Morgan (manager)', role: 'manager', pin: '2222' },
  { name: 'Casey (cashier)', role: 'cashier', pin: '3333' },
  { name: 'Sam (kitchen)', role: 'kitchen', pin: '4444' },
];

export class Access {
  readonly audit: AuditService;
  readonly devices: DeviceService;
  readonly staff: StaffService;
  readonly guard: Guard;

  constructor(private readonly ctx: AccessContext) {
    const { db, events, settings, log } = ctx;
    const clock = ctx.now ? { now: ctx.now } : {};
    this.audit = new AuditService({ repository: new AuditRepository(db), ...clock });
    events.onAppend((tx, event) => this.audit.fromEvent(tx, event));
    this.devices = new DeviceService({
      repository: new DeviceRepository(db),
      events,
      audit: this.audit,
      log: log.child({ module: 'devices' }),
      settings: { demo: settings.demo, ...settings.security },
      ...clock,
    });
    this.staff = new StaffService({
      repository: new StaffRepository(db),
      events,
      audit: this.audit,
      log: log.child({ module: 'staff' }),
      settings: settings.security,
      ...clock,
    });
    this.guard = new Guard({
      devices: this.devices,
      staff: this.staff,
      audit: this.audit,
      allowedHosts: settings.security.allowedHosts,
      ...clock,
    });
  }

  async start(): Promise<void> {
    this.staff.start();
    if (this.ctx.settings.demo) {
      if (this.staff.list().length === 0) {
        for (const s of DEMO_STAFF) await this.staff.create(SYSTEM_CONTEXT, s);
      }
    } else {
      this.devices.start();
    }
  }

  stop(): void {
    this.staff.stop();
    this.devices.stop();
  }
}
