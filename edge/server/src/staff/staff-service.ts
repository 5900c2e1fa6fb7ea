/**
 * Staff: accounts with roles, PIN sign-in on a paired device (argon2id; lockout after repeated
 * failures per staff member and per device), one signed-in staff member per device until
 * sign-out or idle, and manager approval of overrides with a second PIN on the same screen.
 */
import { hash, verify } from '@node-rs/argon2';
import {
  approversOf,
  SYSTEM_CONTEXT,
  TillboxError,
  uuidv7,
  type Approver,
  type CommandContext,
  type Permission,
  type StaffPrincipal,
  type StaffRole,
  type StaffView,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit-service.js';
import type { Tx } from '../db/database.js';
import type { EventLog } from '../events/event-log.js';
import type { StaffRepository, StaffRow } from './staff-repository.js';

export interface StaffServiceContext {
  repository: StaffRepository;
  events: EventLog;
  audit: AuditService;
  log: Logger;
  settings: { staffIdleMinutes: number; pinMaxFailures: number; pinLockoutMinutes: number };
  now?: () => number;
}

interface Session {
  id: string;
  staff: StaffPrincipal;
  lastActiveAt: number;
  persistedAt: number;
}

/** How often a session's last activity is written (kept in memory between writes). */
const PERSIST_EVERY_MS = 30_000;

const WRONG_PIN = 'Wrong PIN, or that staff member cannot sign in here';

export function staffView(row: StaffRow): StaffView {
  return { id: row.id, name: row.name, role: row.role as StaffRole, active: row.active };
}

export class StaffService {
  private readonly now: () => number;
  /** Open sessions by device id. */
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly ctx: StaffServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  start(): void {
    for (const s of this.ctx.repository.openSessions()) {
      const row = this.ctx.repository.byId(s.staffId);
      if (!row) continue;
      this.sessions.set(s.deviceId, {
        id: s.id,
        staff: { id: row.id, name: row.name, role: row.role as StaffRole },
        lastActiveAt: s.lastActiveAt,
        persistedAt: s.lastActiveAt,
      });
    }
  }

  stop(): void {
    for (const s of this.sessions.values()) this.ctx.repository.touchSession(s.id, s.lastActiveAt);
    this.sessions.clear();
  }

  get idleMinutes(): number {
    return this.ctx.settings.staffIdleMinutes;
  }

  /**
   * The staff member signed in on a device, if any. A request counts as activity; past the
   * idle time the session ends (audited) and nobody is signed in.
   */
  signedIn(deviceId: string): StaffPrincipal | undefined {
    const s = this.sessions.get(deviceId);
    if (!s) return undefined;
    const at = this.now();
    if (at - s.lastActiveAt > this.ctx.settings.staffIdleMinutes * 60_000) {
      this.end(deviceId, 'idle');
      return undefined;
    }
    s.lastActiveAt = at;
    if (at - s.persistedAt > PERSIST_EVERY_MS) {
      s.persistedAt = at;
      try {
        this.ctx.repository.touchSession(s.id, at);
      } catch (err) {
        // The session's activity is kept in memory; writing it is bookkeeping a full disk may skip.
        this.ctx.log.warn({ err, session: s.id }, 'could not record staff activity');
      }
    }
    return s.staff;
  }

  /** Staff who can sign in, for a screen's sign-in list (names and roles only). */
  signInList(): StaffView[] {
    return this.ctx.repository
      .list()
      .filter((s) => s.active)
      .map(staffView);
  }

  async signIn(cmd: CommandContext, input: { staffId: string; pin: string }): Promise<StaffPrincipal> {
    const deviceId = cmd.device;
    if (!deviceId) throw new TillboxError('forbidden', 'staff sign in on a paired screen');
    const row = await this.checkPin(cmd, input.staffId, input.pin, 'sign-in');
    const staff: StaffPrincipal = { id: row.id, name: row.name, role: row.role as StaffRole };
    const at = this.now();
    this.end(deviceId, 'replaced');
    const id = uuidv7(at);
    const actor = { kind: 'staff' as const, id: staff.id, role: staff.role, name: staff.name };
    this.ctx.events.transact({ actor, device: deviceId }, (tx, append) => {
      this.ctx.repository.startSession(tx, {
        id,
        deviceId,
        staffId: staff.id,
        startedAt: at,
        lastActiveAt: at,
        endedAt: null,
        endReason: null,
      });
      append({ type: 'staff.signed-in', subject: staff.id, data: { staffId: staff.id, deviceId } });
      this.ctx.audit.record(tx, {
        action: 'staff.signed-in',
        actor,
        device: deviceId,
        subject: staff.id,
        detail: { name: staff.name, role: staff.role },
      });
    });
    this.sessions.set(deviceId, { id, staff, lastActiveAt: at, persistedAt: at });
    return staff;
  }

  signOut(cmd: CommandContext): void {
    if (!cmd.device || !this.sessions.has(cmd.device)) {
      throw new TillboxError('conflict', 'nobody is signed in on this screen');
    }
    this.end(cmd.device, 'sign-out');
  }

  /** End the session on a device (sign-out, idle, another sign-in, deactivation), with its event and audit row. */
  end(deviceId: string, reason: 'sign-out' | 'idle' | 'replaced' | 'deactivated'): void {
    const s = this.sessions.get(deviceId);
    if (!s) return;
    this.sessions.delete(deviceId);
    const at = this.now();
    const actor = { kind: 'staff' as const, id: s.staff.id, role: s.staff.role, name: s.staff.name };
    this.ctx.events.transact({ actor, device: deviceId }, (tx, append) => {
      this.ctx.repository.endSession(tx, s.id, at, s.lastActiveAt, reason);
      append({
        type: 'staff.signed-out',
        subject: s.staff.id,
        data: { staffId: s.staff.id, deviceId, reason: reason === 'deactivated' ? 'replaced' : reason },
      });
      this.ctx.audit.record(tx, {
        action: 'staff.signed-out',
        actor,
        device: deviceId,
        subject: s.staff.id,
        detail: { reason },
      });
    });
  }

  /**
   * A manager's approval of an override, given with their PIN on the requesting screen. The
   * caller records `override.approved` in the transaction of the change it approves.
   */
  async approve(
    cmd: CommandContext,
    permission: Permission,
    input: { staffId: string; pin: string },
  ): Promise<Approver> {
    const allowed = approversOf(permission);
    if (!allowed) throw new TillboxError('internal', `${permission} is not an override`);
    const row = await this.checkPin(cmd, input.staffId, input.pin, 'override');
    const role = row.role as StaffRole;
    if (!allowed.includes(role)) {
      this.ctx.audit.recordAlone({
        action: 'override.refused',
        actor: cmd.actor,
        device: cmd.device,
        subject: row.id,
        detail: { permission, approverRole: role, reason: 'role may not approve' },
      });
      throw new TillboxError(
        'forbidden',
        `${row.name} (${role}) cannot approve this: ask a ${allowed[0] ?? 'manager'}`,
      );
    }
    return { kind: 'staff', id: row.id, role, name: row.name };
  }

  /** Check a PIN with lockout per staff member and per device; failures are counted and audited. */
  private async checkPin(
    cmd: CommandContext,
    staffId: string,
    pin: string,
    purpose: 'sign-in' | 'override',
  ): Promise<StaffRow> {
    const at = this.now();
    const scopes = [`staff:${staffId}`, ...(cmd.device ? [`device:${cmd.device}`] : [])];
    for (const scope of scopes) {
      const f = this.ctx.repository.failures(scope);
      if (f?.lockedUntil && f.lockedUntil > at) {
        const until = new Date(f.lockedUntil).toISOString().slice(11, 16);
        this.ctx.audit.recordAlone({
          action: 'permission.refused',
          actor: cmd.actor,
          device: cmd.device,
          subject: staffId,
          detail: { reason: `${scope.split(':')[0] ?? 'scope'} locked out`, purpose },
        });
        throw new TillboxError(
          'forbidden',
          `Too many wrong PINs: ${scope.startsWith('staff') ? 'this staff member' : 'this screen'} is locked until ${until} UTC. A manager can help.`,
        );
      }
    }
    const row = this.ctx.repository.byId(staffId);
    const ok = row !== undefined && row.active && (await verify(row.pinHash, pin));
    if (ok) {
      this.ctx.events.transact(SYSTEM_CONTEXT, (tx) => {
        for (const scope of scopes) this.ctx.repository.clearFailures(tx, scope);
      });
      return row;
    }
    this.ctx.events.transact(SYSTEM_CONTEXT, (tx) => this.countFailure(tx, cmd, staffId, scopes, purpose));
    throw new TillboxError('unauthenticated', WRONG_PIN);
  }

  private countFailure(tx: Tx, cmd: CommandContext, staffId: string, scopes: string[], purpose: string): void {
    const at = this.now();
    const window = this.ctx.settings.pinLockoutMinutes * 60_000;
    this.ctx.audit.record(tx, {
      action: 'staff.pin-failed',
      actor: cmd.actor,
      device: cmd.device,
      subject: staffId,
      detail: { purpose },
    });
    for (const scope of scopes) {
      const prev = this.ctx.repository.failures(scope, tx);
      const fresh = !prev || at - prev.firstAt > window || (prev.lockedUntil !== null && prev.lockedUntil <= at);
      const failures = fresh ? 1 : prev.failures + 1;
      const locked = failures >= this.ctx.settings.pinMaxFailures;
      this.ctx.repository.setFailures(tx, {
        scope,
        failures: locked ? 0 : failures,
        firstAt: fresh ? at : prev.firstAt,
        lockedUntil: locked ? at + window : null,
      });
      if (locked) {
        this.ctx.audit.record(tx, {
          action: 'staff.locked-out',
          actor: cmd.actor,
          device: cmd.device,
          subject: scope,
          detail: { failures, minutes: this.ctx.settings.pinLockoutMinutes },
        });
        this.ctx.log.warn({ scope }, 'PIN lockout');
      }
    }
  }

  list(): StaffView[] {
    return this.ctx.repository.list().map(staffView);
  }

  /** The first admin of a new store, made from the admin screen before anyone can sign in. */
  async bootstrap(cmd: CommandContext, input: { name: string; pin: string }): Promise<StaffView> {
    if (this.ctx.repository.count() > 0) {
      throw new TillboxError('conflict', 'this store already has staff: sign in as an admin to add more');
    }
    return this.create(cmd, { ...input, role: 'admin' });
  }

  async create(cmd: CommandContext, input: { name: string; role: StaffRole; pin: string }): Promise<StaffView> {
    const pinHash = await hash(input.pin);
    const at = this.now();
    const row: StaffRow = {
      id: uuidv7(at),
      name: input.name,
      role: input.role,
      pinHash,
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    this.ctx.events.transact(cmd, (tx, append) => {
      this.ctx.repository.insert(tx, row);
      append({ type: 'staff.created', subject: row.id, data: { staffId: row.id, name: row.name, role: input.role } });
      this.ctx.audit.record(tx, {
        action: 'staff.created',
        actor: cmd.actor,
        device: cmd.device,
        subject: row.id,
        detail: { name: row.name, role: input.role },
      });
    });
    return staffView(row);
  }

  update(cmd: CommandContext, id: string, changes: { name?: string; role?: StaffRole; active?: boolean }): StaffView {
    const at = this.now();
    const updated = this.ctx.events.transact(cmd, (tx, append) => {
      const row = this.ctx.repository.byId(id, tx);
      if (!row) throw new TillboxError('not-found', `no staff member ${id}`);
      if (id === cmd.actor.id && (changes.active === false || (changes.role && changes.role !== row.role))) {
        throw new TillboxError('conflict', 'you cannot deactivate yourself or change your own role');
      }
      this.ctx.repository.update(tx, id, { ...changes, updatedAt: at });
      append({ type: 'staff.updated', subject: id, data: { staffId: id, changes } });
      this.ctx.audit.record(tx, {
        action: changes.active === false ? 'staff.deactivated' : 'staff.updated',
        actor: cmd.actor,
        device: cmd.device,
        subject: id,
        detail: { changes, before: { name: row.name, role: row.role, active: row.active } },
      });
      return { ...row, ...changes };
    });
    if (changes.active === false || changes.role) {
      for (const [deviceId, s] of this.sessions) if (s.staff.id === id) this.end(deviceId, 'deactivated');
    }
    return staffView(updated);
  }

  async resetPin(cmd: CommandContext, id: string, pin: string): Promise<StaffView> {
    const pinHash = await hash(pin);
    const at = this.now();
    return this.ctx.events.transact(cmd, (tx, append) => {
      const row = this.ctx.repository.byId(id, tx);
      if (!row) throw new TillboxError('not-found', `no staff member ${id}`);
      this.ctx.repository.update(tx, id, { pinHash, updatedAt: at });
      this.ctx.repository.clearFailures(tx, `staff:${id}`);
      append({ type: 'staff.updated', subject: id, data: { staffId: id, changes: { pinReset: true } } });
      this.ctx.audit.record(tx, {
        action: 'staff.pin-reset',
        actor: cmd.actor,
        device: cmd.device,
        subject: id,
        detail: {},
      });
      return staffView(row);
    });
  }
}
