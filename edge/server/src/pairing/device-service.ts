/**
 * Device pairing: an admin makes a one-time code for a role, the screen claims it once and keeps
 * a credential (an HttpOnly cookie for browsers, a bearer token for programs), stored hashed and
 * revocable. Every request is authenticated here.
 */
import {
  SYSTEM_ACTOR,
  SYSTEM_CONTEXT,
  TillboxError,
  uuidv7,
  type CommandContext,
  type DevicePrincipal,
  type DeviceRole,
  type DeviceView,
  type Paired,
  type PairingCodeView,
} from '@tillbox/core';
import type { Logger } from 'pino';
import type { AuditService } from '../audit/audit-service.js';
import type { EventLog } from '../events/event-log.js';
import { newCredential, newPairingCode, normalizePairingCode, sha256 } from './credentials.js';
import type { DeviceRepository, DeviceRow } from './device-repository.js';

export interface DeviceServiceContext {
  repository: DeviceRepository;
  events: EventLog;
  audit: AuditService;
  log: Logger;
  settings: { demo: boolean; pairingCodeMinutes: number; bootstrapPairingCode: string };
  now?: () => number;
}

/** How often a device's last-seen time is written (it is kept in memory between writes). */
const TOUCH_EVERY_MS = 60_000;

const iso = (ms: number | null): string | undefined => (ms === null ? undefined : new Date(ms).toISOString());

export function deviceView(row: DeviceRow): DeviceView {
  const v: DeviceView = {
    id: row.id,
    name: row.name,
    role: row.role as DeviceRole,
    pairedAt: new Date(row.pairedAt).toISOString(),
    pairedBy: row.pairedBy,
  };
  const seen = iso(row.lastSeenAt);
  if (seen) v.lastSeenAt = seen;
  const revoked = iso(row.revokedAt);
  if (revoked) v.revokedAt = revoked;
  return v;
}

export class DeviceService {
  private readonly now: () => number;
  /** Credential hash → device (or null: known not to be one), so a request costs no query. */
  private readonly cache = new Map<string, { device: DevicePrincipal; touchedAt: number } | null>();

  constructor(private readonly ctx: DeviceServiceContext) {
    this.now = ctx.now ?? Date.now;
  }

  /** True in the demo store (one-click pairing from the box itself). */
  get demo(): boolean {
    return this.ctx.settings.demo;
  }

  /** While no admin screen is paired, make sure there is a code to pair the first one, and say it. */
  start(): void {
    if (this.ctx.repository.activeOfRole('admin').length > 0) return;
    const configured = normalizePairingCode(this.ctx.settings.bootstrapPairingCode);
    const code = configured ?? newPairingCode();
    const at = this.now();
    this.ctx.events.transact(SYSTEM_CONTEXT, (tx) => {
      if (this.ctx.repository.code(tx, sha256(code))) return;
      this.ctx.repository.insertCode(tx, {
        codeHash: sha256(code),
        role: 'admin',
        name: 'Admin screen',
        createdBy: 'bootstrap',
        createdAt: at,
        expiresAt: at + 24 * 3600_000,
        usedAt: null,
        deviceId: null,
      });
    });
    this.ctx.log.warn(
      configured ? { code: 'security.bootstrapPairingCode' } : { code },
      'no admin screen is paired yet: open /pair on a screen and enter this pairing code to make it the admin screen',
    );
  }

  stop(): void {
    this.cache.clear();
  }

  /** The device a credential belongs to, or undefined (unknown or revoked). */
  authenticate(credential: string): DevicePrincipal | undefined {
    const hash = sha256(credential);
    let hit = this.cache.get(hash);
    if (hit === undefined) {
      const row = this.ctx.repository.byCredential(hash);
      hit =
        row && row.revokedAt === null
          ? { device: { id: row.id, name: row.name, role: row.role as DeviceRole }, touchedAt: 0 }
          : null;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, hit);
    }
    if (!hit) return undefined;
    const at = this.now();
    if (at - hit.touchedAt > TOUCH_EVERY_MS) {
      hit.touchedAt = at;
      try {
        this.ctx.repository.touch(hit.device.id, at);
      } catch (err) {
        // Last-seen is bookkeeping: a full disk must not refuse the request it rides on.
        this.ctx.log.warn({ err, device: hit.device.id }, 'could not record when the device was last seen');
      }
    }
    return hit.device;
  }

  /** A one-time code an admin shows (or prints as a QR) for a new screen. */
  createCode(cmd: CommandContext, input: { role: DeviceRole; name: string }): PairingCodeView {
    const code = newPairingCode();
    const at = this.now();
    const expiresAt = at + this.ctx.settings.pairingCodeMinutes * 60_000;
    this.ctx.events.transact(cmd, (tx, append) => {
      this.ctx.repository.insertCode(tx, {
        codeHash: sha256(code),
        role: input.role,
        name: input.name,
        createdBy: cmd.actor.id,
        createdAt: at,
        expiresAt,
        usedAt: null,
        deviceId: null,
      });
      const expires = new Date(expiresAt).toISOString();
      append({
        type: 'pairing.code-created',
        subject: input.role,
        data: { role: input.role, name: input.name, expiresAt: expires },
      });
      this.ctx.audit.record(tx, {
        action: 'pairing.code-created',
        actor: cmd.actor,
        device: cmd.device,
        subject: input.role,
        detail: { role: input.role, name: input.name, expiresAt: expires },
      });
    });
    return {
      code,
      role: input.role,
      name: input.name,
      expiresAt: new Date(expiresAt).toISOString(),
      pairUrl: `/pair?code=${encodeURIComponent(code)}`,
    };
  }

  /** A screen claims its code once and gets its credential. */
  claim(typed: string): Paired {
    const code = normalizePairingCode(typed);
    const refused = new TillboxError(
      'forbidden',
      'That pairing code is not valid: it may be mistyped, used already or expired. Ask an admin for a new one.',
    );
    if (!code) throw refused;
    const at = this.now();
    const row = this.ctx.events.transact(SYSTEM_CONTEXT, (tx) => this.ctx.repository.code(tx, sha256(code)));
    if (!row || row.usedAt !== null || row.expiresAt <= at) {
      this.ctx.audit.recordAlone({
        action: 'permission.refused',
        actor: SYSTEM_ACTOR,
        device: null,
        subject: 'pairing',
        detail: { reason: !row ? 'unknown pairing code' : row.usedAt !== null ? 'code already used' : 'code expired' },
      });
      throw refused;
    }
    return this.pair(row.role as DeviceRole, row.name, row.createdBy, sha256(code));
  }

  /** The demo launcher: pair this browser for a screen in one click (demo store, from this machine only). */
  pairDemo(role: DeviceRole, fromLoopback: boolean): Paired {
    if (!this.ctx.settings.demo) {
      throw new TillboxError(
        'not-found',
        'One-click pairing is only for the demo store: pair with a code from an admin',
      );
    }
    if (!fromLoopback) {
      throw new TillboxError('forbidden', 'One-click pairing works only on the store box itself (localhost)');
    }
    return this.pair(role, `Demo ${role}`, 'demo');
  }

  private pair(role: DeviceRole, name: string, pairedBy: string, codeHash?: string): Paired {
    const credential = newCredential();
    const at = this.now();
    const id = uuidv7(at);
    const cmd: CommandContext = { actor: { kind: 'device', id, role, name }, device: id };
    this.ctx.events.transact(cmd, (tx, append) => {
      this.ctx.repository.insert(tx, {
        id,
        name,
        role,
        credentialHash: sha256(credential),
        pairedAt: at,
        pairedBy,
        lastSeenAt: at,
        revokedAt: null,
      });
      if (codeHash) this.ctx.repository.useCode(tx, codeHash, id, at);
      append({ type: 'device.paired', subject: id, data: { deviceId: id, name, role } });
      this.ctx.audit.record(tx, {
        action: 'device.paired',
        actor: cmd.actor,
        device: id,
        subject: id,
        detail: { name, role, pairedBy },
      });
    });
    return { device: { id, name, role }, credential };
  }

  revoke(cmd: CommandContext, id: string): DeviceView {
    const at = this.now();
    const row = this.ctx.events.transact(cmd, (tx, append) => {
      const found = this.ctx.repository.byId(id, tx);
      if (!found) throw new TillboxError('not-found', `no device ${id}`);
      if (found.revokedAt !== null) throw new TillboxError('conflict', `${found.name} is already revoked`);
      if (id === cmd.device) throw new TillboxError('conflict', 'this screen cannot revoke itself');
      this.ctx.repository.revoke(tx, id, at);
      append({ type: 'device.revoked', subject: id, data: { deviceId: id } });
      this.ctx.audit.record(tx, {
        action: 'device.revoked',
        actor: cmd.actor,
        device: cmd.device,
        subject: id,
        detail: { name: found.name, role: found.role },
      });
      return { ...found, revokedAt: at };
    });
    this.cache.clear();
    return deviceView(row);
  }

  list(): { devices: DeviceView[]; openCodes: { role: DeviceRole; name: string; expiresAt: string }[] } {
    return {
      devices: this.ctx.repository.list().map(deviceView),
      openCodes: this.ctx.repository.openCodes(this.now()).map((c) => ({
        role: c.role as DeviceRole,
        name: c.name,
        expiresAt: new Date(c.expiresAt).toISOString(),
      })),
    };
  }
}
