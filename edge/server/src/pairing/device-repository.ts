/** Paired devices and pairing codes: the only code touching their tables. */
import type { DeviceRole } from '@tillbox/core';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { devices, pairingCodes } from '../db/schema.js';

export type DeviceRow = typeof devices.$inferSelect;
export type PairingCodeRow = typeof pairingCodes.$inferSelect;

export class DeviceRepository {
  constructor(private readonly db: Db) {}

  byCredential(credentialHash: string): DeviceRow | undefined {
    return this.db.select().from(devices).where(eq(devices.credentialHash, credentialHash)).get();
  }

  byId(id: string, tx: Tx | Db = this.db): DeviceRow | undefined {
    return tx.select().from(devices).where(eq(devices.id, id)).get();
  }

  list(): DeviceRow[] {
    return this.db.select().from(devices).orderBy(desc(devices.pairedAt)).all();
  }

  insert(tx: Tx, row: DeviceRow): void {
    tx.insert(devices).values(row).run();
  }

  revoke(tx: Tx, id: string, at: number): void {
    tx.update(devices).set({ revokedAt: at }).where(eq(devices.id, id)).run();
  }

  touch(id: string, at: number): void {
    this.db.update(devices).set({ lastSeenAt: at }).where(eq(devices.id, id)).run();
  }

  /** Active (not revoked) devices of a role. */
  activeOfRole(role: DeviceRole): DeviceRow[] {
    return this.db
      .select()
      .from(devices)
      .where(and(eq(devices.role, role), isNull(devices.revokedAt)))
      .all();
  }

  insertCode(tx: Tx, row: PairingCodeRow): void {
    tx.insert(pairingCodes).values(row).run();
  }

  code(tx: Tx, codeHash: string): PairingCodeRow | undefined {
    return tx.select().from(pairingCodes).where(eq(pairingCodes.codeHash, codeHash)).get();
  }

  useCode(tx: Tx, codeHash: string, deviceId: string, at: number): void {
    tx.update(pairingCodes).set({ usedAt: at, deviceId }).where(eq(pairingCodes.codeHash, codeHash)).run();
  }

  /** Unused codes that have not expired, newest first. */
  openCodes(at: number): PairingCodeRow[] {
    return this.db
      .select()
      .from(pairingCodes)
      .where(and(isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, at)))
      .orderBy(desc(pairingCodes.createdAt))
      .all();
  }
}
