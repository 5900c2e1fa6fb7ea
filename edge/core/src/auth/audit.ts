/**
 * The audit log: who signed in, who was refused, who approved an override, who voided or
 * refunded what, which devices were paired, which settings changed. The edge appends one row
 * in the same transaction as the change it records, and each row's hash covers the previous
 * row's hash, so a changed, removed or reordered row breaks the chain at that row.
 *
 * Never put a PIN, a credential, a card number or any other card data in `detail` (nor in
 * `subject`): the audit log is read by managers and exported. Record *that* a PIN failed, not
 * the PIN; the last four digits a terminal reports are the most a payment row may carry.
 *
 * This module is pure: it states what is hashed ({@link auditHashInput}); the edge hashes it
 * (SHA-256, hex).
 */
import { z } from 'zod';
import { actorSchema } from './actors.js';

export const AUDIT_ACTIONS = [
  'staff.signed-in',
  'staff.signed-out',
  'staff.pin-failed',
  'staff.locked-out',
  'staff.created',
  'staff.updated',
  'staff.pin-reset',
  'staff.deactivated',
  'device.paired',
  'device.revoked',
  'device.linked',
  'pairing.code-created',
  'override.approved',
  'override.refused',
  'order.voided',
  'order.refunded',
  'order.cancelled',
  'order.discounted',
  'order.price-overridden',
  'order.transferred',
  'tips.declared',
  'drawer.cash-moved',
  'drawer.no-sale',
  'drawer.closed',
  'day.closed',
  'stock.received',
  'stock.wasted',
  'stock.counted',
  'stock.untracked',
  'stock.86d',
  'stock.un86d',
  'settings.changed',
  'permission.refused',
  'log.restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The `prev_hash` of the first row: 64 zeros. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** At most this many keys and this many characters of JSON in one row's `detail`. */
export const AUDIT_DETAIL_MAX_KEYS = 32;
export const AUDIT_DETAIL_MAX_CHARS = 4096;

/** Plain JSON; a member left `undefined` is dropped, as JSON does. */
export const auditDetailSchema = z
  .record(z.string().min(1).max(64), z.json().optional())
  .refine((d) => Object.keys(d).length <= AUDIT_DETAIL_MAX_KEYS, {
    message: `detail may have at most ${AUDIT_DETAIL_MAX_KEYS} keys`,
  })
  .refine((d) => JSON.stringify(d).length <= AUDIT_DETAIL_MAX_CHARS, {
    message: `detail may be at most ${AUDIT_DETAIL_MAX_CHARS} characters of JSON`,
  })
  .describe('What happened, as plain JSON (never a PIN, credential or card data)');
export type AuditDetail = z.infer<typeof auditDetailSchema>;

/** What a capability records; the edge adds the id, time, seq and hashes. */
export const auditEntrySchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  actor: actorSchema,
  device: z.string().min(1).max(64).nullable().describe('The paired device it happened on; null for the system'),
  subject: z.string().min(1).max(128).optional().describe('What it was done to: an order, staff or device id'),
  detail: auditDetailSchema.default({}),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditEntryInput = z.input<typeof auditEntrySchema>;

export const auditRowViewSchema = z.object({
  seq: z.int().describe('Position in the chain, from 1 without gaps'),
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  action: z.enum(AUDIT_ACTIONS),
  actor: actorSchema,
  device: z.string().nullable(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.json()),
  hash: z.string().describe('SHA-256 (hex) of this row and the previous row’s hash'),
});
export type AuditRowView = z.infer<typeof auditRowViewSchema>;

export const AUDIT_PAGE_MAX = 200;

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const auditQuerySchema = z.object({
  afterSeq: seqParam.optional().describe('Only rows after this seq (to pick up new rows)'),
  beforeSeq: seqParam.optional().describe('Only rows before this seq (the next page back: the last seq you got)'),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  action: z.enum(AUDIT_ACTIONS).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  rows: z.array(auditRowViewSchema).describe('Newest first'),
  more: z.boolean().describe('More rows match: ask again with beforeSeq = the last row’s seq'),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditBreakSchema = z.object({
  seq: z.int(),
  id: z.string(),
  reason: z.string(),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;

export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    rows: z.int().describe('Rows in the chain, all intact'),
    lastHash: z.string().describe('The last row’s hash (64 zeros when the log is empty); note it to detect a cut tail'),
  }),
  z.object({
    ok: z.literal(false),
    rows: z.int().describe('Rows found intact before the first broken one'),
    broken: auditBreakSchema.describe('The first broken row'),
  }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** The fields of a stored row that its hash covers (`at` in epoch milliseconds, as stored). */
export interface AuditHashFields {
  seq: number;
  id: string;
  at: number;
  action: string;
  /** An actor ({@link actorSchema}) as stored; whatever JSON is in the row when verifying. */
  actor: unknown;
  device: string | null;
  subject: string | null;
  detail: unknown;
}

/** JSON with every object's keys sorted (by UTF-16 code unit), at every depth; `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The exact text hashed for a row: a JSON object with the keys seq, id, at, action, actor,
 * device, subject, detail, prevHash in that order, nested objects with sorted keys. The same
 * row and previous hash always give the same text, whatever order its JSON was stored in.
 */
export function auditHashInput(row: AuditHashFields, prevHash: string): string {
  const fields: [string, unknown][] = [
    ['seq', row.seq],
    ['id', row.id],
    ['at', row.at],
    ['action', row.action],
    ['actor', row.actor],
    ['device', row.device],
    ['subject', row.subject],
    ['detail', row.detail],
    ['prevHash', prevHash],
  ];
  return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
