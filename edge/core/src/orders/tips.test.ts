import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../auth/actors.js';
import { TillboxError } from '../errors.js';
import { validateEvent } from '../events/catalogue.js';
import { kiosk, staff } from './fixtures.test-support.js';
import { decideTipDeclaration } from './tips.js';

const lead: CommandContext = {
  actor: { kind: 'staff', id: 'staff-lee', role: 'shift-lead', name: 'Lee' },
  device: 'c',
};
const at = { declarationId: 'd1', currency: 'USD', businessDay: '2026-11-27' };

function refusal(fn: () => unknown): TillboxError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TillboxError);
    return e as TillboxError;
  }
  throw new Error('expected a refusal');
}

describe('declaring cash tips', () => {
  it('is the cashier’s own, or a shift lead’s for someone else', () => {
    const own = decideTipDeclaration(staff, { amount: 1250 }, at);
    expect(own).toEqual({
      type: 'tips.declared',
      data: { declarationId: 'd1', staffId: 'staff-ana', amount: 1250, currency: 'USD', businessDay: '2026-11-27' },
    });
    validateEvent(own.type, own.data);
    expect(decideTipDeclaration(lead, { staffId: 'staff-ana', amount: 500 }, at).data.staffId).toBe('staff-ana');
    expect(refusal(() => decideTipDeclaration(staff, { staffId: 'staff-lee', amount: 500 }, at)).message).toMatch(
      /declares their own tips/,
    );
  });

  it('refuses nothing, negative or fractional amounts, and a kiosk', () => {
    for (const amount of [0, -5, 2.5])
      expect(refusal(() => decideTipDeclaration(staff, { amount }, at)).code).toBe('validation');
    expect(refusal(() => decideTipDeclaration(kiosk, { amount: 100 }, at)).code).toBe('forbidden');
  });
});
