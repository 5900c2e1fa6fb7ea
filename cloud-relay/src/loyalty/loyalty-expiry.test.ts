/**
 * Against a running relay on a real PGlite database and a real broker (aedes): a store's refund
 * of some lines takes back those lines' points in the ledger once, however often its event is
 * delivered; points expire after `loyalty.expiryMonths` without activity — once per quiet spell,
 * however often (and on however many instances) the job runs — and the expiry is in the member's
 * ledger with its reason; a member active since keeps everything.
 */
import { uuidv7, type RelayEvent } from '@tillbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { CloudRelay } from '../app.js';
import { FakeStore, eventually, startBroker, startRelay, type TestBroker } from '../testing/harness.js';
import { relayEvent } from '../testing/store-events.js';
import { LoyaltyExpiry, monthsBefore } from './loyalty-expiry.js';

let broker: TestBroker;
let relay: CloudRelay;
let store: FakeStore;
let api: string;
let seq = 0;
/** The relay's clock. */
let now = new Date('2025-03-11T12:00:00Z');

type Entry = { kind: string; points: number; origin: string; reason?: string; orderId?: string };
type Account = { account: { points: number }; entries: Entry[] };
type Found = Partial<Account>;

const request = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
  const res = await fetch(`${api}/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};
const account = async (memberId: string) =>
  (await request('GET', `/admin/loyalty/accounts/${memberId}`)).body as Account;
const runExpiry = async () =>
  (await request('POST', '/admin/loyalty/expiry/run')) as {
    status: number;
    body: { expired: { memberId: string; points: number }[] };
  };

/** The store's next loyalty event, at `at`, delivered `times` times. */
async function storeEvent(
  type: 'loyalty.accrued' | 'loyalty.reversed',
  data: { memberId: string },
  at: string,
  times = 1,
) {
  const event: RelayEvent = { ...relayEvent('brooklyn', ++seq, type, data, data.memberId), at };
  for (let i = 0; i < times; i++) await store.publish('events', event);
}

const pointsOf = (memberId: string, points: number) =>
  eventually(async () => (((await account(memberId)) as Found).account?.points === points ? true : undefined));

beforeAll(async () => {
  broker = await startBroker();
  relay = await startRelay(broker.url, { overrides: { 'loyalty.expiryMonths': 12 }, now: () => now });
  api = relay.url;
  store = new FakeStore('brooklyn', broker.url);
  await store.connect();
});
afterAll(async () => {
  await store?.close();
  await relay?.stop();
  await broker?.stop();
});

describe('a refund of some lines in the ledger', () => {
  it("takes back those lines' points once, however often the store's event is delivered", async () => {
    const orderId = uuidv7();
    const at = '2026-06-01T10:00:00Z';
    await storeEvent('loyalty.accrued', { memberId: 'm-lin', orderId, points: 15 } as { memberId: string }, at);
    const reversed = { memberId: 'm-lin', orderId, accrual: 3, redemption: 0, reason: 'refunded', lineIds: ['l1'] };
    await storeEvent('loyalty.reversed', reversed, at, 3);
    await pointsOf('m-lin', 12);
    const entries = (await account('m-lin')).entries;
    expect(entries.filter((e) => e.kind === 'adjustment')).toEqual([
      expect.objectContaining({ points: -3, orderId, reason: '1 line refunded: 3 points earned taken back' }),
    ]);
  });
});

describe('points expiry', () => {
  it('expires the balance of a member inactive for the set months, once, in their ledger', async () => {
    // Ada earned in March 2025; Bo in March 2026.
    await storeEvent(
      'loyalty.accrued',
      { memberId: 'm-ada', orderId: uuidv7(), points: 80 } as { memberId: string },
      '2025-03-10T15:00:00Z',
    );
    await storeEvent(
      'loyalty.accrued',
      { memberId: 'm-bo', orderId: uuidv7(), points: 40 } as { memberId: string },
      '2026-03-10T15:00:00Z',
    );
    await pointsOf('m-ada', 80);
    await pointsOf('m-bo', 40);

    now = new Date('2026-03-09T12:00:00Z'); // a day short of a year: nothing yet
    expect((await runExpiry()).body.expired).toEqual([]);

    now = new Date('2026-04-01T12:00:00Z');
    // Two instances running the job at the same moment write one entry.
    const [a, b] = await Promise.all([runExpiry(), runExpiry()]);
    expect([...a.body.expired, ...b.body.expired]).toEqual([{ memberId: 'm-ada', points: 80 }]);
    expect((await runExpiry()).body.expired).toEqual([]);
    const ada = await account('m-ada');
    expect(ada.account.points).toBe(0);
    expect(ada.entries.filter((e) => e.kind === 'expiry')).toEqual([
      expect.objectContaining({
        points: -80,
        origin: 'expiry:m-ada:2025-03-10T15:00:00.000Z',
        reason:
          '80 points expired: no points earned or spent since 2025-03-10 (points expire after 12 months without activity)',
      }),
    ]);
    expect((await account('m-bo')).account.points).toBe(40);
  });

  it('expires again only after a new quiet spell', async () => {
    await storeEvent(
      'loyalty.accrued',
      { memberId: 'm-ada', orderId: uuidv7(), points: 25 } as { memberId: string },
      '2026-04-02T09:00:00Z',
    );
    await pointsOf('m-ada', 25);
    now = new Date('2027-03-15T12:00:00Z');
    expect((await runExpiry()).body.expired).toEqual([{ memberId: 'm-bo', points: 40 }]);
    now = new Date('2027-04-03T12:00:00Z');
    expect((await runExpiry()).body.expired).toEqual([{ memberId: 'm-ada', points: 25 }]);
    const expiries = (await account('m-ada')).entries.filter((e) => e.kind === 'expiry');
    expect(expiries.map((e) => e.points)).toEqual([-25, -80]);
  });

  it('never expires with the setting at 0, and counts months by the calendar', async () => {
    const off = new LoyaltyExpiry({
      repository: undefined as never, // never read: the job does nothing when off
      months: 0,
      checkMinutes: 60,
      log: pino({ level: 'silent' }),
    });
    expect(off.enabled).toBe(false);
    expect((await off.run()).expired).toEqual([]);
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 12).toISOString()).toBe('2025-01-15T00:00:00.000Z');
  });
});
