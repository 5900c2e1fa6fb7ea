import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay, isValidTimeZone, localHour, nextCalendarDay, openBusinessDay } from './business-day.js';

const NY = 'America/New_York';
const SEOUL = 'Asia/Seoul';
const HOUR = 3_600_000;

describe('businessDay in New York with the day starting at 04:00', () => {
  it('keeps a 23:00 order in its own evening', () => {
    // 2026-03-06 23:00 EST (UTC−5) = 2026-03-07 04:00Z
    expect(businessDay(Date.UTC(2026, 2, 7, 4, 0), NY, 4)).toBe('2026-03-06');
  });

  it('puts a 00:00 (midnight) order in the previous business day', () => {
    // 2026-03-07 00:00 EST = 05:00Z; a formatter reporting hour "24" would get this wrong.
    expect(businessDay(Date.UTC(2026, 2, 7, 5, 0), NY, 4)).toBe('2026-03-06');
  });

  it('on the spring-forward day, 03:30 EDT still belongs to the day before', () => {
    // Clocks jump 02:00 EST → 03:00 EDT on 2026-03-08. 03:30 EDT (UTC−4) = 07:30Z.
    expect(businessDay(Date.UTC(2026, 2, 8, 7, 30), NY, 4)).toBe('2026-03-07');
    // 01:59 EST (UTC−5), before the jump = 06:59Z
    expect(businessDay(Date.UTC(2026, 2, 8, 6, 59), NY, 4)).toBe('2026-03-07');
    // 03:59 EDT = 07:59Z
    expect(businessDay(Date.UTC(2026, 2, 8, 7, 59), NY, 4)).toBe('2026-03-07');
  });

  it('on the spring-forward day, 04:00 EDT starts the new day', () => {
    // 04:00 EDT (UTC−4) = 08:00Z; with the old offset (UTC−5) it would wrongly be 03:00.
    expect(businessDay(Date.UTC(2026, 2, 8, 8, 0), NY, 4)).toBe('2026-03-08');
  });

  it('on the fall-back day, both 01:30s and 03:59 belong to the day before; 04:00 starts the new day', () => {
    // Clocks fall 02:00 EDT → 01:00 EST on 2026-11-01.
    // First 01:30 (EDT, UTC−4) = 05:30Z; second 01:30 (EST, UTC−5) = 06:30Z.
    expect(businessDay(Date.UTC(2026, 10, 1, 5, 30), NY, 4)).toBe('2026-10-31');
    expect(businessDay(Date.UTC(2026, 10, 1, 6, 30), NY, 4)).toBe('2026-10-31');
    // 03:59 EST = 08:59Z
    expect(businessDay(Date.UTC(2026, 10, 1, 8, 59), NY, 4)).toBe('2026-10-31');
    // 04:00 EST = 09:00Z; with the summer offset (UTC−4) 09:00Z would read 05:00, same answer,
    // so also check 08:30Z = 03:30 EST (04:30 under the wrong offset) stays in the old day.
    expect(businessDay(Date.UTC(2026, 10, 1, 9, 0), NY, 4)).toBe('2026-11-01');
    expect(businessDay(Date.UTC(2026, 10, 1, 8, 30), NY, 4)).toBe('2026-10-31');
  });

  it('uses 04:00 as the default start of day', () => {
    // 2026-03-08 03:30 EDT = 07:30Z, as above
    expect(businessDay(Date.UTC(2026, 2, 8, 7, 30), NY)).toBe('2026-03-07');
  });

  it('with the day starting at 00:00 gives the calendar date', () => {
    // 2026-03-08 00:00 EST = 05:00Z; 2026-03-07 23:59 EST = 04:59Z
    expect(businessDay(Date.UTC(2026, 2, 8, 5, 0), NY, 0)).toBe('2026-03-08');
    expect(businessDay(Date.UTC(2026, 2, 8, 4, 59), NY, 0)).toBe('2026-03-07');
  });
});

describe('businessDay elsewhere', () => {
  it('in Seoul (UTC+9) steps back across the new year', () => {
    // 2026-01-01 03:59 KST = 2025-12-31 18:59Z → still 2025-12-31
    expect(businessDay(Date.UTC(2025, 11, 31, 18, 59), SEOUL, 4)).toBe('2025-12-31');
    // 2026-01-01 04:00 KST = 2025-12-31 19:00Z → 2026-01-01
    expect(businessDay(Date.UTC(2025, 11, 31, 19, 0), SEOUL, 4)).toBe('2026-01-01');
  });

  it('in Kolkata (UTC+5:30) respects the half-hour offset', () => {
    // 2026-06-15 03:59 IST = 2026-06-14 22:29Z; 04:00 IST = 22:30Z
    expect(businessDay(Date.UTC(2026, 5, 14, 22, 29), 'Asia/Kolkata', 4)).toBe('2026-06-14');
    expect(businessDay(Date.UTC(2026, 5, 14, 22, 30), 'Asia/Kolkata', 4)).toBe('2026-06-15');
  });

  it('steps back across month ends, including 29 February', () => {
    // 2028 is a leap year: 2028-03-01 02:00Z → 2028-02-29
    expect(businessDay(Date.UTC(2028, 2, 1, 2, 0), 'UTC', 4)).toBe('2028-02-29');
    // 2026 is not: 2026-03-01 02:00Z → 2026-02-28
    expect(businessDay(Date.UTC(2026, 2, 1, 2, 0), 'UTC', 4)).toBe('2026-02-28');
  });

  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
  const startHour = fc.integer({ min: 0, max: 23 });
  const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

  it('property: in UTC, the business day is the calendar date of the time minus the start hour', () => {
    fc.assert(
      fc.property(instant, startHour, (at, h) => {
        expect(businessDay(at, 'UTC', h)).toBe(isoDay(at - h * HOUR));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: asked again within a minute, in any order of zones and start hours, the answer is the same as asked fresh', () => {
    // The answer is kept per zone and start hour for the minute it was asked in.
    const fresh = (at: number, zone: string, h: number): string =>
      zone === 'UTC' ? isoDay(at - h * HOUR) : isoDay(at + 9 * HOUR - h * HOUR);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 60_000 }), fc.constantFrom('UTC', SEOUL), startHour), {
          minLength: 1,
          maxLength: 30,
        }),
        instant,
        (asks, base) => {
          for (const [offset, zone, h] of asks)
            expect(businessDay(base + offset, zone, h)).toBe(fresh(base + offset, zone, h));
        },
      ),
      { numRuns: 500 },
    );
    // The minute before and the minute of a day's start, asked one after the other, both ways.
    const start = Date.UTC(2026, 2, 9, 8, 0); // 2026-03-09 04:00 EDT
    for (const order of [
      [start - 1, start, start + 59_999, start - 60_000],
      [start + 30_000, start - 30_000, start, start - 1],
    ]) {
      for (const at of order) expect(businessDay(at, NY, 4)).toBe(at >= start ? '2026-03-09' : '2026-03-08');
    }
  });

  it('property: in Seoul (fixed UTC+9 since 1988), it is the date of the time +9 h minus the start hour', () => {
    fc.assert(
      fc.property(instant, startHour, (at, h) => {
        expect(businessDay(at, SEOUL, h)).toBe(isoDay(at + 9 * HOUR - h * HOUR));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isValidTimeZone', () => {
  it('knows real IANA zones', () => {
    for (const tz of [NY, SEOUL, 'UTC', 'Europe/Madrid', 'Asia/Kolkata']) expect(isValidTimeZone(tz), tz).toBe(true);
  });

  it('refuses made-up zones', () => {
    for (const tz of ['Mars/Base', 'America/Gotham', 'not a zone', 'UTC+25']) {
      expect(isValidTimeZone(tz), tz).toBe(false);
    }
  });
});

describe('the open business day after a Z report', () => {
  // 2026-11-27 22:00 EST = 2026-11-28 03:00Z
  const lateFriday = Date.UTC(2026, 10, 28, 3, 0);

  it('is the clock’s day while nothing is closed', () => {
    expect(openBusinessDay(lateFriday, NY, 4)).toBe('2026-11-27');
  });

  it('moves to the next day once the clock’s day is closed, though the clock is still in it', () => {
    expect(openBusinessDay(lateFriday, NY, 4, '2026-11-27')).toBe('2026-11-28');
  });

  it('follows the clock again once it passes the closed day', () => {
    expect(openBusinessDay(lateFriday, NY, 4, '2026-11-20')).toBe('2026-11-27');
  });

  it('steps over month and year ends', () => {
    expect(nextCalendarDay('2026-12-31')).toBe('2027-01-01');
    expect(nextCalendarDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('localHour', () => {
  it('reads the store clock’s hour, midnight as 0', () => {
    expect(localHour(Date.UTC(2026, 10, 27, 15, 30), NY)).toBe(10);
    expect(localHour(Date.UTC(2026, 10, 28, 5, 0), NY)).toBe(0);
    expect(localHour(Date.UTC(2026, 10, 27, 15, 30), SEOUL)).toBe(0);
  });
});
