import { describe, expect, it } from 'vitest';
import { actorLabel, detailSummary } from './audit.js';

describe('audit wording', () => {
  it('names people once with their role, and says what a nameless actor is', () => {
    expect(actorLabel({ kind: 'staff', role: 'manager', name: 'Morgan' })).toBe('Morgan (manager)');
    expect(actorLabel({ kind: 'staff', role: 'admin', name: 'Robin (admin)' })).toBe('Robin (admin)');
    expect(actorLabel({ kind: 'guest', role: 'kiosk' })).toBe('guest · kiosk');
    expect(actorLabel({ kind: 'system', role: 'system' })).toBe('the store box');
  });

  it('shows plain details and leaves nested ones out', () => {
    expect(detailSummary({ reason: 'guest left', number: 12, lines: ['a'], extra: { x: 1 }, none: null })).toBe(
      'reason: guest left · number: 12',
    );
  });
});
