import { describe, expect, it } from 'vitest';
import {
  AUDIT_DETAIL_MAX_CHARS,
  auditEntrySchema,
  auditHashInput,
  canonicalJson,
  type AuditHashFields,
} from './audit.js';

const row: AuditHashFields = {
  seq: 3,
  id: '019a0000-0000-7000-8000-000000000003',
  at: Date.parse('2026-11-27T15:00:00Z'),
  action: 'order.refunded',
  actor: { kind: 'staff', id: 's-1', role: 'cashier', approvedBy: { kind: 'staff', id: 's-9', role: 'manager' } },
  device: 'd-1',
  subject: 'o-1',
  detail: { amount: 450, reason: 'cold', lines: [{ id: 'l-1', quantity: 1 }] },
};

describe('auditHashInput', () => {
  it('gives the same text whatever order the stored JSON came back in', () => {
    const reordered: AuditHashFields = {
      ...row,
      actor: { approvedBy: { role: 'manager', id: 's-9', kind: 'staff' }, role: 'cashier', id: 's-1', kind: 'staff' },
      detail: { lines: [{ quantity: 1, id: 'l-1' }], reason: 'cold', amount: 450 },
    };
    expect(auditHashInput(reordered, 'a'.repeat(64))).toBe(auditHashInput(row, 'a'.repeat(64)));
  });

  it('changes with every field and with the previous hash', () => {
    const base = auditHashInput(row, 'a'.repeat(64));
    const variants: AuditHashFields[] = [
      { ...row, seq: 4 },
      { ...row, id: '019a0000-0000-7000-8000-000000000004' },
      { ...row, at: row.at + 1 },
      { ...row, action: 'order.voided' },
      { ...row, actor: { kind: 'staff', id: 's-2', role: 'cashier' } },
      { ...row, device: null },
      { ...row, subject: null },
      { ...row, detail: { amount: 451, reason: 'cold', lines: [{ id: 'l-1', quantity: 1 }] } },
    ];
    for (const v of variants) expect(auditHashInput(v, 'a'.repeat(64))).not.toBe(base);
    expect(auditHashInput(row, 'b'.repeat(64))).not.toBe(base);
  });

  it('is the stored JSON of the row in a fixed key order', () => {
    expect(JSON.parse(auditHashInput(row, 'a'.repeat(64)))).toEqual({ ...row, prevHash: 'a'.repeat(64) });
    expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: 'x' }] })).toBe('{"a":[null,{"c":"x"}],"b":1}');
  });
});

describe('auditEntrySchema', () => {
  const entry = { action: 'staff.signed-in', actor: { kind: 'staff', id: 's-1', role: 'cashier' }, device: 'd-1' };

  it('takes a plain entry and defaults the detail', () => {
    expect(auditEntrySchema.parse(entry).detail).toEqual({});
    expect(auditEntrySchema.safeParse({ ...entry, detail: { name: undefined } }).success).toBe(true);
  });

  it('refuses unknown actions, oversized details and values that are not JSON', () => {
    expect(auditEntrySchema.safeParse({ ...entry, action: 'staff.teleported' }).success).toBe(false);
    const big = { note: 'x'.repeat(AUDIT_DETAIL_MAX_CHARS) };
    expect(auditEntrySchema.safeParse({ ...entry, detail: big }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...entry, detail: { at: new Date() } }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...entry, subject: 'x'.repeat(129) }).success).toBe(false);
  });
});
