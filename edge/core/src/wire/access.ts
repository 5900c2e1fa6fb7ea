/** Bodies of pairing, sign-in, staff management and manager overrides. */
import { z } from 'zod';
import { DEVICE_ROLES, STAFF_ROLES } from '../auth/actors.js';
import { freeText } from '../privacy/card-numbers.js';

/** Screens a pairing code can be made for (the relay is paired the same way). */
export const deviceRoleSchema = z.enum(DEVICE_ROLES);
export const staffRoleSchema = z.enum(STAFF_ROLES);

export const pinSchema = z
  .string()
  .regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
  .describe('Staff PIN, 4–8 digits; never stored or logged, only its argon2id hash');

const name = freeText(60).min(1);
const id = z.string().min(1).max(64);

export const pairingCodeBodySchema = z.object({
  role: deviceRoleSchema,
  name: name.describe('What the screen is, e.g. "Kiosk 2" or "Bar KDS"'),
});
export const pairingCodeViewSchema = z.object({
  code: z.string().describe('Shown once: type it on the screen to pair (e.g. ABCD-EF23)'),
  role: deviceRoleSchema,
  name: z.string(),
  expiresAt: z.string(),
  pairUrl: z.string().describe('Path of the pairing page with the code filled in, for a QR'),
});
export type PairingCodeView = z.infer<typeof pairingCodeViewSchema>;

export const pairingModeSchema = z.object({
  demo: z.boolean().describe('The demo store'),
  oneClick: z.boolean().describe('This browser can pair in one click (demo store, on the box itself)'),
});

export const pairingClaimBodySchema = z.object({
  code: z.string().min(1).max(20).describe('The pairing code from the admin screen'),
});
export const pairingDemoBodySchema = z.object({ role: deviceRoleSchema.exclude(['relay']) });

export const deviceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: deviceRoleSchema,
  pairedAt: z.string(),
  pairedBy: z.string(),
  lastSeenAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;
export const deviceListSchema = z.object({
  devices: z.array(deviceViewSchema),
  openCodes: z.array(z.object({ role: deviceRoleSchema, name: z.string(), expiresAt: z.string() })),
});

export const pairedSchema = z.object({
  device: z.object({ id: z.string(), name: z.string(), role: deviceRoleSchema }),
  credential: z
    .string()
    .describe('The device credential (also set as an HttpOnly cookie); send as `Authorization: Bearer`'),
});
export type Paired = z.infer<typeof pairedSchema>;

export const staffViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
});
export type StaffView = z.infer<typeof staffViewSchema>;
export const staffListSchema = z.object({ staff: z.array(staffViewSchema) });

export const sessionViewSchema = z.object({
  device: z.object({ id: z.string(), name: z.string(), role: deviceRoleSchema }),
  staff: z.object({ id: z.string(), name: z.string(), role: staffRoleSchema }).optional(),
  idleMinutes: z.int().describe('Minutes without a request before a signed-in staff member is signed out'),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const signInBodySchema = z.object({ staffId: id, pin: pinSchema });
export const staffCreateBodySchema = z.object({ name, role: staffRoleSchema, pin: pinSchema });
export const staffUpdateBodySchema = z
  .object({ name: name.optional(), role: staffRoleSchema.optional(), active: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, 'change at least one of name, role, active');
export const staffPinBodySchema = z.object({ pin: pinSchema });
export const staffIdParamsSchema = z.object({ id });
export const deviceIdParamsSchema = z.object({ id });

/** A manager's approval given on the same screen: who, and their PIN. */
export const overrideSchema = z.object({
  staffId: id.describe('The approving manager'),
  pin: pinSchema,
});
export type Override = z.infer<typeof overrideSchema>;

/** Why a manager voided, refunded or cancelled: free text, so card numbers in it are masked. */
export const reasonSchema = freeText(200).min(3, 'say why, in a few words');

export const voidBodySchema = z.object({ reason: reasonSchema, override: overrideSchema });
export const refundBodySchema = z.object({
  reason: reasonSchema,
  override: overrideSchema,
  lines: z.array(id).min(1).max(200).optional().describe('Lines to refund; the whole order when absent'),
  to: z
    .array(z.object({ paymentId: id, amount: z.int().min(1).max(100_000_000) }))
    .min(1)
    .max(20)
    .optional()
    .describe(
      'Which of its payments the money goes back to, and how much to each (they add up to the refund); by default the lines’ own part of a split bill first, then in the order taken',
    ),
});
export const cancelPaidBodySchema = z.object({ reason: reasonSchema, override: overrideSchema });
