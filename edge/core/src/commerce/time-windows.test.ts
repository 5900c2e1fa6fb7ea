import { describe, expect, it } from 'vitest';
import { inWindow, localMoment, weeklyWindowSchema } from './time-windows.js';

const happyHour = weeklyWindowSchema.parse({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '14:00', end: '17:00' });
const ny = (iso: string) => localMoment(Date.parse(iso), 'America/New_York');

describe('local time in the store zone', () => {
  it('reads the wall clock on both sides of the spring-forward change (America/New_York, 9 Mar 2025)', () => {
    // Friday 7 Mar is EST (UTC−5): 21:30Z = 16:30 local.
    expect(ny('2025-03-07T21:30:00Z')).toMatchObject({ date: '2025-03-07', weekday: 'fri', minute: 16 * 60 + 30 });
    // Monday 10 Mar is EDT (UTC−4): 21:30Z = 17:30 local.
    expect(ny('2025-03-10T21:30:00Z')).toMatchObject({ date: '2025-03-10', weekday: 'mon', minute: 17 * 60 + 30 });
  });

  it('keeps happy hour at 14:00–17:00 local across the change', () => {
    expect(inWindow(ny('2025-03-07T21:30:00Z'), happyHour)).toBe(true); // Fri 16:30 EST
    expect(inWindow(ny('2025-03-10T21:30:00Z'), happyHour)).toBe(false); // Mon 17:30 EDT (a fixed −5 would say 16:30)
    expect(inWindow(ny('2025-03-10T18:30:00Z'), happyHour)).toBe(true); // Mon 14:30 EDT (a fixed −5 would say 13:30)
    expect(inWindow(ny('2025-03-08T19:00:00Z'), happyHour)).toBe(false); // Saturday
    // Fall back, Sunday 2 Nov 2025: Monday 3 Nov is EST again, 18:30Z = 13:30 local.
    expect(inWindow(ny('2025-11-03T18:30:00Z'), happyHour)).toBe(false);
    expect(inWindow(ny('2025-11-03T19:00:00Z'), happyHour)).toBe(true);
  });

  it('treats the start as inside and the end as outside', () => {
    expect(inWindow(ny('2025-03-10T18:00:00Z'), happyHour)).toBe(true); // 14:00 EDT
    expect(inWindow(ny('2025-03-10T21:00:00Z'), happyHour)).toBe(false); // 17:00 EDT
  });

  it('refuses a window that ends before it starts', () => {
    const r = weeklyWindowSchema.safeParse({ days: ['mon'], start: '14:00', end: '13:00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      'window ends (13:00) before it starts (14:00); split an overnight window in two',
    );
    expect(weeklyWindowSchema.safeParse({ days: ['mon'], start: '22:00', end: '24:00' }).success).toBe(true);
    expect(weeklyWindowSchema.safeParse({ days: ['mon'], start: '25:00', end: '26:00' }).success).toBe(false);
  });
});
