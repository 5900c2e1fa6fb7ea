/**
 * Print jobs end to end on a real SQLite file and real TCP sockets: orders placed and paid through
 * the services have their jobs recorded from the log just after their commit (the print cursor's
 * consumer); the jobs are sent to virtual printers
 * (raw TCP servers on 127.0.0.1 answering DLE EOT), and what came out is decoded from the bytes.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { placeOrderBodySchema, uuidv7, type CommandContext } from '@tillbox/core';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { printJobs } from '../db/schema.js';
import { PRINT_JOBS_CURSOR } from '../events/cursor-repository.js';
import { RECORD_CHUNK } from './print-service.js';
import { cashierAtCounter, guestAtKiosk } from '../testing/contexts.js';
import { DEMO_PRINTERS, printingStore, until, virtualPrinter, type PrintingStore } from '../testing/device-hub.js';
import { latteOrder } from '../testing/order-factory.js';
import type { DecodedPrintout } from '../kitchen/escpos-decode.js';

/** When a migration was made (its journal's `when`, the `created_at` drizzle records it applied with). */
function migrationTime(tag: string): number {
  const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const entry = journal.entries.find((e) => e.tag === tag);
  if (!entry) throw new Error(`no migration ${tag} in the journal`);
  return entry.when;
}

let s: PrintingStore | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const texts = (out: DecodedPrintout) => out.lines.map((l) => l.text);
function printed(store: PrintingStore, id: string): DecodedPrintout[] {
  const twin = store.devices.hub.virtualPrinter(id);
  if (!twin) throw new Error(`no virtual printer ${id}`);
  return twin.printouts.map((p) => twin.decode(p));
}
/** The print cursor's row. */
const printCursorRow = (store: PrintingStore) =>
  store.db.sqlite.prepare('SELECT seq FROM log_cursors WHERE name = ?').get(PRINT_JOBS_CURSOR) as
    { seq: number } | undefined;
const printCursor = (store: PrintingStore): number => printCursorRow(store)?.seq ?? 0;
const count = (store: PrintingStore, id: string) => store.devices.hub.virtualPrinter(id)?.printed ?? -1;

function placeAtCounter(store: PrintingStore, cmd: CommandContext = cashierAtCounter) {
  return store.caps.orders.place(cmd, placeOrderBodySchema.parse(latteOrder())).order;
}

describe('print jobs', () => {
  it('prints each station its ticket when a counter order fires, and the receipt when it is paid in cash', async () => {
    s = await printingStore();
    const order = placeAtCounter(s);
    await until(() => count(s!, 'bar-printer') === 1 && count(s!, 'kitchen-printer') === 1, 5000, 'the tickets');
    const [bar] = printed(s, 'bar-printer');
    const [kitchen] = printed(s, 'kitchen-printer');
    expect(texts(bar!)).toEqual(
      expect.arrayContaining(['BAR', `#${order.number}`, '2x Caffè Latte (Medium)', '   - Oat milk']),
    );
    expect(texts(bar!).at(-1)).toMatch(/^PLACED 10:00 +TICKET 1\/2$/);
    expect(texts(bar!).some((t) => t.includes('Croissant'))).toBe(false);
    expect(texts(kitchen!)).toEqual(expect.arrayContaining(['KITCHEN', `#${order.number}`]));
    expect(texts(kitchen!).at(-1)).toMatch(/TICKET 2\/2$/);
    expect(texts(kitchen!).some((t) => t.includes('Croissant'))).toBe(true);
    expect(count(s, 'receipt')).toBe(0);

    await s.caps.payments.pay(cashierAtCounter, order.id, { method: 'cash', tendered: 5000 });
    await until(() => count(s!, 'receipt') === 1, 5000, 'the receipt');
    const [receipt] = printed(s, 'receipt');
    const lines = texts(receipt!);
    expect(lines).toContain(`#${order.number}`);
    expect(lines).toContain('12 Main St');
    expect(lines.find((l) => l.startsWith('Cash'))).toMatch(/\$50\.00$/);
    expect(lines.find((l) => l.includes('Change'))).toBeDefined();
    expect(receipt!.events.some((e) => e.kind === 'graphic' && e.command === 'GS ( k')).toBe(true);
    expect(receipt!.cuts).toHaveLength(1);
    expect(receipt!.warnings).toEqual([]);
    // Marked printed once the printer's run is over, just after its bytes arrive.
    await until(
      () => s!.devices.prints.list({ limit: 10 }).every((j) => j.state === 'printed'),
      5000,
      'the jobs marked printed',
    );
    const jobs = s.devices.prints.list({ limit: 10 });
    expect(jobs.map((j) => [j.kind, j.state, j.deviceId]).sort()).toEqual([
      ['receipt', 'printed', 'receipt'],
      ['ticket', 'printed', 'bar-printer'],
      ['ticket', 'printed', 'kitchen-printer'],
    ]);
    // Nothing more comes out later.
    await new Promise((r) => setTimeout(r, 100));
    expect([count(s, 'receipt'), count(s, 'bar-printer'), count(s, 'kitchen-printer')]).toEqual([1, 1, 1]);
  });

  it('prints soon after the commit however often the service is woken meanwhile (a wake never puts a due run off)', async () => {
    s = await printingStore();
    const store = s;
    // Every commit wakes the service; in a rush they come faster than PRINT_AFTER_MS.
    const waking = setInterval(() => store.devices.prints.wake(), 1);
    try {
      placeAtCounter(store);
      await until(
        () => count(store, 'bar-printer') === 1 && count(store, 'kitchen-printer') === 1,
        3000,
        'the tickets while woken every millisecond',
      );
    } finally {
      clearInterval(waking);
    }
  });

  it('records a command’s jobs from the log after its commit, with the cursor past its events; one that rolls back makes none', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    expect(() =>
      s!.caps.events.transact(cashierAtCounter, (_tx, append) => {
        append({
          type: 'order.fired',
          subject: uuidv7(),
          data: { orderId: uuidv7(), tickets: [{ id: uuidv7(), station: 'bar', lineIds: [uuidv7()] }] },
        });
        throw new Error('the command fails after appending');
      }),
    ).toThrow('the command fails');
    const order = placeAtCounter(s);
    // The order's own transaction wrote no print job: they come from the log just after.
    expect(s.devices.prints.list({ limit: 10 })).toEqual([]);
    await until(() => s!.devices.prints.list({ limit: 10 }).length === 2, 5000, 'the tickets recorded');
    await new Promise((r) => setTimeout(r, 50));
    const jobs = s.devices.prints.list({ limit: 10 });
    expect(jobs.map((j) => [j.kind, j.state, j.orderId, j.deviceId]).sort()).toEqual([
      ['ticket', 'queued', order.id, 'bar-printer'],
      ['ticket', 'queued', order.id, 'kitchen-printer'],
    ]);
    const fired = s.heard.find((e) => e.type === 'order.fired');
    expect(jobs.every((j) => j.eventSeq === fired?.seq)).toBe(true);
    expect(printCursor(s)).toBe(s.caps.events.lastSeq);
  });

  it('records a backlog a chunk of events per commit, the cursor past each chunk as it is recorded', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    const repository = s.devices.repository;
    const recordAll = repository.recordAll.bind(repository);
    const commits: { jobs: number; cursor: number }[] = [];
    repository.recordAll = (jobs, alongside) => {
      const n = recordAll(jobs, alongside);
      commits.push({ jobs: jobs.length, cursor: printCursor(s!) });
      return n;
    };
    // More orders in one turn of the event loop than one commit records (each fires two tickets).
    const orders = Array.from({ length: RECORD_CHUNK * 2 + 10 }, () => placeAtCounter(s!));
    await until(() => printCursor(s!) === s!.caps.events.lastSeq, 5000, 'the backlog recorded');
    expect(commits.map((c) => c.jobs)).toEqual([RECORD_CHUNK * 2, RECORD_CHUNK * 2, 20]);
    const fired = s.heard.filter((e) => e.type === 'order.fired');
    expect(fired).toHaveLength(orders.length);
    // Each commit moved the cursor to its last event, the last one past everything handed over.
    expect(commits.map((c) => c.cursor)).toEqual([
      fired[RECORD_CHUNK - 1]!.seq,
      fired[RECORD_CHUNK * 2 - 1]!.seq,
      s.caps.events.lastSeq,
    ]);
    const jobs = s.db.db.select().from(printJobs).all();
    expect(jobs).toHaveLength(orders.length * 2);
    expect(new Set(jobs.map((j) => j.orderId))).toEqual(new Set(orders.map((o) => o.id)));
  });

  it('leaves out an event that cannot be written at a chunk’s end as soon as the next chunk is recorded', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    const repository = s.devices.repository;
    const recordAll = repository.recordAll.bind(repository);
    let poison = '';
    repository.recordAll = (jobs, alongside) => {
      if (jobs.some((j) => j.orderId === poison)) throw new Error('refused by the test');
      return recordAll(jobs, alongside);
    };
    const orders = Array.from({ length: RECORD_CHUNK + 5 }, () => placeAtCounter(s!));
    poison = orders[RECORD_CHUNK - 1]!.id; // the last event of the first chunk
    const started = Date.now();
    await until(() => printCursor(s!) === s!.caps.events.lastSeq, 5000, 'the rest recorded');
    // Not after a failed pass's retry (200 ms): the next chunk went on at once.
    expect(Date.now() - started).toBeLessThan(150);
    const recorded = new Set(
      s.db.db
        .select()
        .from(printJobs)
        .all()
        .map((j) => j.orderId),
    );
    expect(recorded.has(poison)).toBe(false);
    expect(recorded.size).toBe(orders.length - 1);
  });

  it('records new orders soon after the storage takes them again, not when a long retry comes', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    const repository = s.devices.repository;
    const recordAll = repository.recordAll.bind(repository);
    let refusals = 0;
    let refuse = true;
    repository.recordAll = (jobs, alongside) => {
      if (refuse) {
        refusals += 1;
        throw new Error('refused by the test');
      }
      return recordAll(jobs, alongside);
    };
    const waiting = placeAtCounter(s);
    // Refused at 5 ms, then after 200, 400 and 800 ms: the next retry is 1.6 s away.
    await until(() => refusals >= 4, 5000, 'four refused passes');
    refuse = false;
    const started = Date.now();
    const next = placeAtCounter(s);
    await until(() => s!.devices.prints.list({ orderId: next.id, limit: 5 }).length === 2, 5000, 'the new order');
    expect(Date.now() - started).toBeLessThan(500);
    expect(s.devices.prints.list({ orderId: waiting.id, limit: 5 })).toHaveLength(2);
    expect(printCursor(s)).toBe(s.caps.events.lastSeq);
  });

  it('records the jobs of orders placed while a run is being printed, before that run is over', async () => {
    s = await printingStore();
    const bar = s.devices.hub.printer('bar-printer')!;
    const send = bar.printRun.bind(bar);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    bar.printRun = async (jobs, hooks) => {
      await held; // the bar printer takes its time (paper out, a slow USB link)
      return send(jobs, hooks);
    };
    try {
      const first = placeAtCounter(s);
      await until(
        () => s!.devices.prints.list({ orderId: first.id, limit: 5 }).some((j) => j.state === 'printing'),
        5000,
        'the first run',
      );
      const second = placeAtCounter(s);
      await until(
        () => s!.devices.prints.list({ orderId: second.id, limit: 5 }).length === 2,
        5000,
        'the second order recorded',
      );
      expect(printCursor(s)).toBe(s.caps.events.lastSeq);
      expect(count(s, 'bar-printer')).toBe(0);
    } finally {
      release(); // a stop waits for the run: never leave it held
    }
    await until(
      () => count(s!, 'bar-printer') === 2 && count(s!, 'kitchen-printer') === 2,
      5000,
      'both orders printed',
    );
  });

  it('records the jobs again after a power cut lost them with the cursor, and never twice', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    placeAtCounter(s);
    await until(() => s!.devices.prints.list({ limit: 10 }).length === 2, 5000, 'the tickets recorded');
    const head = s.caps.events.lastSeq;
    expect(printCursor(s)).toBe(head);
    // The recording commit does not wait for the disk: a power cut may lose it, cursor and all.
    s.db.sqlite.exec(`DELETE FROM print_jobs; UPDATE log_cursors SET seq = 0 WHERE name = 'print-jobs'`);
    await s.restartDevices();
    await until(() => count(s!, 'bar-printer') === 1 && count(s!, 'kitchen-printer') === 1, 5000, 'the tickets');
    expect(printCursor(s)).toBe(head);
    // A cursor lost alone (the jobs kept): the same events are handed over again, and make no new job.
    s.db.sqlite.exec(`UPDATE log_cursors SET seq = 0 WHERE name = 'print-jobs'`);
    await s.restartDevices();
    await until(() => printCursor(s!) === head, 5000, 'the cursor back at the head');
    await new Promise((r) => setTimeout(r, 100));
    expect(s.devices.prints.list({ limit: 10 })).toHaveLength(2);
    expect(count(s, 'bar-printer') + count(s, 'kitchen-printer')).toBe(0); // new virtual printers: nothing sent again
  });

  it('prints nothing at a station whose printTickets is off', async () => {
    s = await printingStore(DEMO_PRINTERS, {
      overrides: {
        'kitchen.stations': [
          { id: 'bar', name: 'Bar', printTickets: false },
          { id: 'kitchen', name: 'Kitchen', printTickets: true },
        ],
      },
    });
    placeAtCounter(s);
    await until(() => count(s!, 'kitchen-printer') === 1, 5000, 'the kitchen ticket');
    await new Promise((r) => setTimeout(r, 100));
    expect(count(s, 'bar-printer')).toBe(0);
    expect(s.devices.prints.list({ limit: 10 }).map((j) => j.station)).toEqual(['kitchen']);
  });

  it('holds a job while the printer is off and prints it exactly once when it comes back', async () => {
    s = await printingStore(DEMO_PRINTERS, { overrides: { 'devices.rerouteAfterFailures': 100 } });
    const bar = s.devices.hub.virtualPrinter('bar-printer')!;
    await bar.setState('off');
    placeAtCounter(s);
    await until(() => s!.devices.prints.list({ deviceId: 'bar-printer', limit: 5 })[0]?.lastError, 5000, 'a failure');
    const waiting = s.devices.prints.list({ deviceId: 'bar-printer', limit: 5 })[0]!;
    expect(waiting).toMatchObject({ state: 'queued', deviceId: 'bar-printer' });
    expect(waiting.lastError).toMatch(/Cannot reach the printer at tcp:127\.0\.0\.1:\d+/);
    expect(s.devices.hub.printer('bar-printer')?.status.state).toBe('offline');
    await bar.setState('ready');
    await until(() => count(s!, 'bar-printer') === 1, 5000, 'the ticket after the printer came back');
    await new Promise((r) => setTimeout(r, 300));
    expect(count(s, 'bar-printer')).toBe(1);
    expect(s.devices.prints.get(waiting.id)?.state).toBe('printed');
  });

  it('sends nothing while the cover is open (the printer would print it on closing) and prints once after', async () => {
    s = await printingStore(DEMO_PRINTERS, { overrides: { 'devices.rerouteAfterFailures': 100 } });
    const kitchen = s.devices.hub.virtualPrinter('kitchen-printer')!;
    await kitchen.setState('cover-open');
    placeAtCounter(s);
    const job = await until(
      () => s!.devices.prints.list({ deviceId: 'kitchen-printer', limit: 5 }).find((j) => j.lastError),
      5000,
      'a failure',
    );
    expect(s.devices.hub.printer('kitchen-printer')?.status.state).toBe('cover-open');
    expect(job.lastError).toMatch(/Printer kitchen-printer is open \(its cover\)/);
    await kitchen.setState('ready'); // closing the cover prints nothing held: nothing was sent
    await s.devices.hub.printer('kitchen-printer')!.check(); // the hub hears it is ready: jobs are due at once
    await until(() => count(s!, 'kitchen-printer') === 1, 5000, 'the ticket');
    await new Promise((r) => setTimeout(r, 300));
    expect(count(s, 'kitchen-printer')).toBe(1);
  });

  it('reroutes a printer’s jobs to its backup after N failures, and prints them there once', async () => {
    s = await printingStore(DEMO_PRINTERS, { overrides: { 'devices.rerouteAfterFailures': 3 } });
    await s.devices.hub.virtualPrinter('bar-printer')!.setState('off');
    const order = placeAtCounter(s);
    await until(() => count(s!, 'kitchen-printer') === 2, 5000, 'the bar ticket on the kitchen printer');
    // Marked printed once the backup's run is over, just after its bytes arrive.
    const rerouted = await until(
      () => s!.devices.prints.list({ limit: 5 }).find((j) => j.station === 'bar' && j.state === 'printed'),
      5000,
      'the bar ticket marked printed',
    );
    expect(rerouted).toMatchObject({ state: 'printed', deviceId: 'kitchen-printer', reroutedFrom: 'bar-printer' });
    expect(rerouted.attempts).toBe(4); // three on the bar printer, one on the kitchen printer
    const onBackup = printed(s, 'kitchen-printer').map(texts);
    expect(onBackup.some((t) => t.includes('BAR') && t.includes(`#${order.number}`))).toBe(true);
    await s.devices.hub.virtualPrinter('bar-printer')!.setState('ready');
    await new Promise((r) => setTimeout(r, 200));
    expect(count(s, 'bar-printer')).toBe(0);
  });

  it('prints a reprint once however often it is asked with the same id, and a receipt copy says so', async () => {
    s = await printingStore();
    const order = placeAtCounter(s);
    await s.caps.payments.pay(cashierAtCounter, order.id, { method: 'cash', tendered: 5000 });
    await until(() => count(s!, 'receipt') === 1, 5000, 'the receipt');
    const original = s.devices.prints.list({ deviceId: 'receipt', limit: 1 })[0]!;
    const id = uuidv7();
    const first = s.devices.prints.reprint(original.id, id);
    const again = s.devices.prints.reprint(original.id, id);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, job: { id: first.job.id } });
    await until(() => count(s!, 'receipt') === 2, 5000, 'the copy');
    await new Promise((r) => setTimeout(r, 200));
    expect(count(s, 'receipt')).toBe(2);
    expect(texts(printed(s, 'receipt')[1]!)).toContain('*** COPY ***');
    expect(() => s!.devices.prints.reprint(uuidv7(), uuidv7())).toThrow(/no such print job/);
    expect(() => s!.devices.prints.testPrint('receipt', id)).toThrow(/already used/);
  });

  it('records one job when the same event is recorded twice (its idempotency key)', async () => {
    s = await printingStore();
    const job = {
      id: uuidv7(),
      key: 'ticket:same-event:same-ticket',
      kind: 'test' as const,
      deviceId: 'receipt',
      detail: {},
      at: Date.now(),
    };
    expect(s.devices.repository.record(job).inserted).toBe(true);
    expect(s.devices.repository.record({ ...job, id: uuidv7() }).inserted).toBe(false);
    s.devices.prints.wake();
    await until(() => count(s!, 'receipt') === 1, 5000, 'the slip');
    await new Promise((r) => setTimeout(r, 200));
    expect(count(s, 'receipt')).toBe(1);
  });

  it('starts the print cursor past the log of a database from before it (those events’ jobs were recorded with them)', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    placeAtCounter(s);
    await until(() => s!.devices.prints.list({ limit: 10 }).length === 2, 5000, 'the tickets recorded');
    await s.devices.stop();
    // As the database was before the print cursor's migration: no cursor row, neither it nor any
    // migration after it applied.
    s.db.sqlite.prepare(`DELETE FROM log_cursors WHERE name = 'print-jobs'`).run();
    s.db.sqlite
      .prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?')
      .run(migrationTime('0009_print_jobs_cursor'));
    expect(printCursorRow(s)).toBeUndefined();
    const again = openDatabase(dirname(s.db.path));
    again.close();
    expect(printCursorRow(s)?.seq).toBe(s.caps.events.lastSeq);
  });

  it('never prints a job twice because of a restart: one being sent becomes unconfirmed, the waiting ones print once', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    placeAtCounter(s); // two tickets recorded, not carried out
    const [a, b] = await until(
      () => {
        const jobs = s!.devices.prints.list({ limit: 5 });
        return jobs.length === 2 && jobs;
      },
      5000,
      'the tickets recorded',
    );
    // The edge stopped while sending `a`: its bytes may have reached the printer.
    expect(s.devices.repository.claim(a!.id, Date.now())).toBe(true);
    await s.restartDevices();
    await until(() => s!.devices.prints.get(b!.id)?.state === 'printed', 5000, 'the waiting ticket');
    await new Promise((r) => setTimeout(r, 200));
    expect(s.devices.prints.get(a!.id)).toMatchObject({ state: 'unconfirmed' });
    expect(s.devices.prints.get(a!.id)?.lastError).toMatch(/may or may not have printed/);
    expect(count(s, b!.deviceId)).toBe(1);
    expect(count(s, a!.deviceId)).toBe(0);
    // Restarting again prints nothing more.
    await s.restartDevices();
    await new Promise((r) => setTimeout(r, 200));
    expect(count(s, a!.deviceId) + count(s, b!.deviceId)).toBe(0); // new virtual printers: nothing sent to them
    expect(s.devices.prints.list({ state: 'queued', limit: 5 })).toEqual([]);
  });

  it('kicks the drawer through its printer (ESC p, pin 2) when a kick is asked for, and drops a kick past its time', async () => {
    s = await printingStore();
    const kick = (drawerId: string) =>
      s!.caps.events.transact(cashierAtCounter, (_tx, append) =>
        append({ type: 'drawer.kick-requested', subject: drawerId, data: { drawerId, reason: 'no-sale' } }),
      );
    kick(uuidv7());
    await until(() => count(s!, 'receipt') === 1, 5000, 'the kick');
    const [out] = printed(s, 'receipt');
    expect(out!.events.filter((e) => e.kind === 'drawer')).toEqual([{ kind: 'drawer', pin: 2, offset: 0 }]);
    expect(out!.lines).toEqual([]);

    await s.devices.hub.virtualPrinter('receipt')!.setState('off');
    kick(uuidv7());
    const late = await until(() => s!.devices.prints.list({ limit: 1 }).find((j) => j.lastError), 5000, 'a failure');
    expect(late).toMatchObject({ kind: 'kick', state: 'queued' });
    expect(late.expiresAt).toBeGreaterThan(Date.now());
    // Its time runs out while the printer is off: it is never sent, even when the printer is back.
    s.db.db
      .update(printJobs)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(printJobs.id, late.id))
      .run();
    await s.devices.hub.virtualPrinter('receipt')!.setState('ready');
    await s.devices.hub.printer('receipt')!.check();
    await until(() => s!.devices.prints.get(late.id)?.state === 'expired', 5000, 'expired');
    expect(count(s, 'receipt')).toBe(1);

    // A kick recorded long after it was asked for (a restart, a power cut) counts from the request.
    const askedAt = Date.now() - 10 * 60_000;
    s.caps.events.transact(cashierAtCounter, (_tx, append) =>
      append({ type: 'drawer.kick-requested', subject: 'd', data: { drawerId: 'd', reason: 'no-sale' }, at: askedAt }),
    );
    const old = await until(
      () => s!.devices.prints.list({ limit: 1 }).find((j) => j.state === 'expired' && j.id !== late.id),
      5000,
      'the old kick expired',
    );
    expect(old.expiresAt).toBeLessThan(Date.now());
    expect(count(s, 'receipt')).toBe(1);
  });

  it('leaves out an event whose jobs cannot be written while later ones are, and records the rest once the storage takes them again', async () => {
    s = await printingStore();
    const repository = s.devices.repository;
    const recordAll = repository.recordAll.bind(repository);
    let refuse: (jobs: readonly { orderId?: string }[]) => boolean = () => false;
    repository.recordAll = (jobs, alongside) => {
      if (refuse(jobs)) throw new Error('refused by the test');
      return recordAll(jobs, alongside);
    };
    // One order's jobs can never be written: the orders around it still print.
    const poison = placeAtCounter(s);
    refuse = (jobs) => jobs.some((j) => j.orderId === poison.id);
    placeAtCounter(s);
    await until(() => count(s!, 'bar-printer') === 1 && count(s!, 'kitchen-printer') === 1, 5000, 'the next order');
    expect(s.devices.prints.list({ orderId: poison.id, limit: 5 })).toEqual([]);
    // The storage refuses everything for a while: nothing is left out, and it is recorded later by itself.
    refuse = () => true;
    const waiting = placeAtCounter(s);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.devices.prints.list({ orderId: waiting.id, limit: 5 })).toEqual([]);
    refuse = () => false;
    await until(() => count(s!, 'bar-printer') === 2 && count(s!, 'kitchen-printer') === 2, 5000, 'the waiting order');
    expect(printCursor(s)).toBe(s.caps.events.lastSeq);
  });

  it('prints a kiosk order’s tickets and receipt when it is paid by card', async () => {
    s = await printingStore();
    const kiosk = guestAtKiosk();
    const order = s.caps.orders.place(kiosk, placeOrderBodySchema.parse(latteOrder({ channel: 'kiosk' }))).order;
    await new Promise((r) => setTimeout(r, 50));
    expect(count(s, 'bar-printer')).toBe(0); // a kiosk order fires when paid
    await s.caps.payments.pay(kiosk, order.id, { method: 'card' });
    await until(
      () => count(s!, 'bar-printer') === 1 && count(s!, 'kitchen-printer') === 1 && count(s!, 'receipt') === 1,
      5000,
      'tickets and receipt',
    );
    expect(texts(printed(s, 'receipt')[0]!).some((l) => /^Card/.test(l))).toBe(true);
  });

  it('fails a job whose printer left the profile, and lists jobs newest first', async () => {
    s = await printingStore([virtualPrinter('receipt', 'receipt-printer')], {
      overrides: { 'kitchen.stations': [{ id: 'kitchen', name: 'Kitchen' }] },
    });
    s.devices.repository.record({
      id: uuidv7(),
      key: 'k1',
      kind: 'test',
      deviceId: 'gone',
      detail: {},
      at: Date.now(),
    });
    s.devices.prints.wake();
    await until(() => s!.devices.prints.list({ limit: 1 })[0]?.state === 'failed', 5000, 'failed');
    expect(s.devices.prints.list({ limit: 1 })[0]?.lastError).toBe('Printer gone is not in the hardware profile');
  });
});
