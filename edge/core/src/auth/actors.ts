/**
 * Who did something and from where. Every command runs with a {@link CommandContext}; every
 * event and audit row carries its actor and device. A manager override carries both people:
 * the actor who asked and the manager in `approvedBy`.
 */
import { z } from 'zod';

/**
 * Roles of paired devices. `relay` is the cloud relay's credential (the only one that brings in paid orders);
 * `display` is a counter's customer display (it only follows the counter it is linked to).
 */
export const DEVICE_ROLES = ['kiosk', 'kds', 'pickup', 'counter', 'admin', 'relay', 'display'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** Roles of staff accounts, from the least to the most trusted (kitchen is its own track). */
export const STAFF_ROLES = ['kitchen', 'cashier', 'shift-lead', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTOR_KINDS = ['staff', 'device', 'guest', 'cloud', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const approverSchema = z.object({
  kind: z.literal('staff'),
  id: z.string().min(1).max(64),
  role: z.enum(STAFF_ROLES),
  name: z.string().max(80).optional(),
});
export type Approver = z.infer<typeof approverSchema>;

export const actorSchema = z.object({
  kind: z.enum(ACTOR_KINDS),
  id: z.string().min(1).max(64).describe('Staff id, device id, or `edge` for the system'),
  role: z.string().min(1).max(32).describe('Staff role, device role, or `system`'),
  name: z.string().max(80).optional(),
  approvedBy: approverSchema.optional().describe('The manager who approved an override'),
});
export type Actor = z.infer<typeof actorSchema>;

/** The edge's own work (scheduled firing, expiry): no person, no device. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'edge', role: 'system' };

/** What a command runs with: who, from which paired device (none for the system). */
export interface CommandContext {
  readonly actor: Actor;
  readonly device: string | null;
}

export const SYSTEM_CONTEXT: CommandContext = { actor: SYSTEM_ACTOR, device: null };

/** A paired device as a request sees it. */
export interface DevicePrincipal {
  id: string;
  name: string;
  role: DeviceRole;
}

/** A signed-in staff member as a request sees it. */
export interface StaffPrincipal {
  id: string;
  name: string;
  role: StaffRole;
}

/** The actor of a request: the signed-in staff member, else the device (a kiosk's guest, the relay's cloud). */
export function actorOf(device: DevicePrincipal, staff?: StaffPrincipal): Actor {
  if (staff) return { kind: 'staff', id: staff.id, role: staff.role, name: staff.name };
  if (device.role === 'kiosk') return { kind: 'guest', id: device.id, role: 'kiosk' };
  if (device.role === 'relay') return { kind: 'cloud', id: device.id, role: 'relay' };
  return { kind: 'device', id: device.id, role: device.role, name: device.name };
}

/** The command context of an override: the same actor, approved by a manager. */
export function withApproval(cmd: CommandContext, approver: Approver): CommandContext {
  return { ...cmd, actor: { ...cmd.actor, approvedBy: approver } };
}
