import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as IdsModule from './ids.js';

type Ids = typeof IdsModule;

/**
 * uuidv7 keeps the last millisecond and counter in module state, so each test loads a fresh
 * copy of the module: a time used in one test cannot leak into the next.
 */
async function freshIds(): Promise<Ids> {
  vi.resetModules();
  return import('./ids.js');
}

let ids: Ids;
beforeEach(async () => {
  ids = await freshIds();
});

/** RFC 9562 §5.7 layout written out independently of the module's own regex. */
function fields(id: string): { hex: string; version: number; variant: number } {
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const hex = id.replace(/-/g, '');
  return {
    hex,
    version: parseInt(hex.charAt(12), 16), // high nibble of octet 6
    variant: parseInt(hex.charAt(16), 16) >> 2, // top two bits of octet 8
  };
}

describe('uuidv7', () => {
  it('makes a lowercase 8-4-4-4-12 id with version 7 and the RFC 9562 variant (10xx)', () => {
    for (let i = 0; i < 100; i++) {
      const id = ids.uuidv7();
      const f = fields(id);
      expect(f.version).toBe(7);
      expect(f.variant).toBe(0b10);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('stamps the current time in the first 48 bits', () => {
    const before = Date.now();
    const id = ids.uuidv7();
    const after = Date.now();
    expect(ids.uuidv7Time(id)).toBeGreaterThanOrEqual(before);
    expect(ids.uuidv7Time(id)).toBeLessThanOrEqual(after);
  });

  it('makes 10,000 ids in a tight loop that are unique and strictly increasing as strings', () => {
    const made: string[] = [];
    for (let i = 0; i < 10_000; i++) made.push(ids.uuidv7());
    expect(new Set(made).size).toBe(10_000);
    for (let i = 1; i < made.length; i++) {
      const [prev, next] = [made[i - 1] ?? '', made[i] ?? ''];
      if (!(prev < next)) expect.fail(`id ${i} (${next}) does not sort after id ${i - 1} (${prev})`);
    }
  });

  it('keeps increasing when more than 4,096 ids are made in one millisecond, moving to the next one', () => {
    // The 12-bit counter holds 4,096 values, so 5,000 ids at the same clock reading must
    // borrow the next millisecond rather than wrap around.
    const t = Date.UTC(2026, 2, 8, 12, 0, 0);
    const made = Array.from({ length: 5_000 }, () => ids.uuidv7(t));
    expect(new Set(made).size).toBe(5_000);
    expect([...made].sort()).toEqual(made);
    expect(ids.uuidv7Time(made[0] ?? '')).toBe(t);
    expect(ids.uuidv7Time(made[4_999] ?? '')).toBe(t + 1);
  });

  it('never goes backwards when the clock steps back (NTP correction)', () => {
    const t = Date.UTC(2026, 2, 8, 12, 0, 0);
    const first = ids.uuidv7(t);
    const second = ids.uuidv7(t - 60_000);
    expect(second > first).toBe(true);
    expect(ids.uuidv7Time(second)).toBe(t);
  });

  it('is accepted by isUuidV7', () => {
    expect(ids.isUuidV7(ids.uuidv7())).toBe(true);
  });
});

describe('uuidv7Time', () => {
  it('reads back the time an id was made at', () => {
    // 2026-03-08T07:30:00.123Z = 1772955000123 ms
    const t = Date.UTC(2026, 2, 8, 7, 30, 0, 123);
    expect(t).toBe(1772955000123);
    expect(ids.uuidv7Time(ids.uuidv7(t))).toBe(t);
  });

  it('encodes the time big-endian in the first 12 hex digits', () => {
    // 1772955000123 = 0x019CCC5A5D3B → "019ccc5a-5d3b-..."
    const id = ids.uuidv7(1772955000123);
    expect(id.slice(0, 13)).toBe('019ccc5a-5d3b');
  });

  it('property: round-trips any 48-bit time made in increasing order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 48 - 1 }), { minLength: 1, maxLength: 20 }),
        async (times) => {
          const fresh = await freshIds();
          for (const t of [...times].sort((a, b) => a - b)) {
            const id = fresh.uuidv7(t);
            expect(fresh.isUuidV7(id)).toBe(true);
            expect(fresh.uuidv7Time(id)).toBe(t);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isUuidV7', () => {
  it('refuses ids that are not UUIDv7', () => {
    const refused = [
      '550e8400-e29b-41d4-a716-446655440000', // version 4
      '019ccc5c-9d3b-7abc-c123-0123456789ab', // variant 110x (Microsoft), not 10xx
      '019ccc5c9d3b7abc8123012345678 9ab', // no dashes, a space
      '019ccc5c-9d3b-7abc-8123-0123456789a', // one digit short
      '019ccc5c-9d3b-7abc-8123-0123456789abc', // one digit long
      '019ccc5c-9d3b-7abc-8123-0123456789ag', // not hex
      '',
    ];
    for (const id of refused) expect(ids.isUuidV7(id), id).toBe(false);
    expect(ids.isUuidV7('019ccc5c-9d3b-7abc-8123-0123456789ab')).toBe(true);
  });
});
