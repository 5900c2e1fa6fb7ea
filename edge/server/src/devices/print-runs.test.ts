/**
 * Print jobs in runs, on a real SQLite file and virtual TCP printers: the jobs waiting for a
 * printer are claimed together (every printer's run in one commit), sent one after another in one
 * connection in the order they were made, marked printed together when the run is over, and each printed once — through a failure in the middle of a run and
 * through a stop in the middle of one.
 */
import { placeOrderBodySchema, TillboxError } from '@tillbox/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cashierAtCounter } from '../testing/contexts.js';
import { DEMO_PRINTERS, printingStore, until, type PrintingStore } from '../testing/device-hub.js';
import { latteOrder } from '../testing/order-factory.js';
import type { Printer } from './printer.js';

let s: PrintingStore | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

/** Places `n` counter orders (a bar and a kitchen ticket each); their numbers in order. */
function placeOrders(store: PrintingStore, n: number): number[] {
  return Array.from(
    { length: n },
    () => store.caps.orders.place(cashierAtCounter, placeOrderBodySchema.parse(latteOrder())).order.number,
  );
}

/** The order numbers on a virtual printer's printouts, in the order they came out. */
function numbersPrinted(store: PrintingStore, id: string): number[] {
  const twin = store.devices.hub.virtualPrinter(id);
  if (!twin) throw new Error(`no virtual printer ${id}`);
  return twin.printouts.map((p) => {
    const line = twin.decode(p).lines.find((l) => /^#\d+$/.test(l.text));
    return Number(line?.text.slice(1));
  });
}

/**
 * Makes the hub's printer run `before` as its `n`th job (1-based) is about to be sent, after the
 * run was told to go on with it; the job goes on unless `before` throws, which fails it as a
 * session failing there would.
 */
function onJob(printer: Printer, n: number, before: () => void): void {
  const printRun = printer.printRun.bind(printer);
  let count = 0;
  vi.spyOn(printer, 'printRun').mockImplementation((jobs, hooks) =>
    printRun(jobs, {
      ...hooks,
      proceed: () => {
        const go = hooks.proceed?.() ?? true;
        if (go && ++count === n) before();
        return go;
      },
    }),
  );
}

const jobsOf = (store: PrintingStore, deviceId: string) =>
  store.devices.prints
    .list({ deviceId, limit: 20 })
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));

describe('print jobs in runs', () => {
  it('claims every printer’s waiting jobs in one commit and prints each once, in the order they were made', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    const numbers = placeOrders(s, 5);
    const apply = vi.spyOn(s.devices.repository, 'apply');
    s.devices.startPrinting();
    await until(
      () => numbersPrinted(s!, 'bar-printer').length === 5 && numbersPrinted(s!, 'kitchen-printer').length === 5,
      5000,
      'ten tickets',
    );
    const firstClaims = apply.mock.calls.find(([changes]) => changes.claims.length > 0)?.[0].claims ?? [];
    expect(firstClaims).toHaveLength(10); // both printers' runs, one commit
    expect(numbersPrinted(s, 'bar-printer')).toEqual(numbers);
    expect(numbersPrinted(s, 'kitchen-printer')).toEqual(numbers);
    await until(
      () => s!.devices.prints.list({ limit: 20 }).every((j) => j.state === 'printed'),
      5000,
      'every job marked printed',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(numbersPrinted(s, 'bar-printer')).toHaveLength(5);
    expect(s.devices.prints.list({ limit: 20 }).map((j) => j.attempts)).toEqual(Array(10).fill(1));
    // Each run's printed marks are saved together when the run is over: one commit per printer at most.
    const marks = apply.mock.calls.map(([changes]) => changes.printed.length).filter((n) => n > 0);
    expect(marks.reduce((a, b) => a + b, 0)).toBe(10);
    expect(marks.length).toBeLessThanOrEqual(2);
  });

  it('puts the unsent rest of a run back with the failure counted, and prints each job once when it can', async () => {
    s = await printingStore(DEMO_PRINTERS, { overrides: { 'devices.rerouteAfterFailures': 100 }, printing: false });
    const numbers = placeOrders(s, 3);
    const bar = s.devices.hub.printer('bar-printer')!;
    onJob(bar, 2, () => {
      throw new TillboxError('device-unavailable', 'Printer bar-printer: paper jam');
    });
    s.devices.startPrinting();
    await until(
      () => jobsOf(s!, 'bar-printer').filter((j) => j.state === 'printed').length === 3,
      5000,
      'the bar tickets',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(numbersPrinted(s, 'bar-printer')).toEqual(numbers);
    const [first, second, third] = jobsOf(s, 'bar-printer');
    expect(first).toMatchObject({ attempts: 1, lastError: null });
    // The second failed once and printed on its second attempt; the third waited with it and was
    // sent once, though it had been claimed with the run.
    expect(second).toMatchObject({ attempts: 2, lastError: 'Printer bar-printer: paper jam' });
    expect(third).toMatchObject({ attempts: 1, lastError: 'Printer bar-printer: paper jam' });
  });

  it('puts the unsent rest of a run back when the queue stops: after a restart each prints once, none unconfirmed', async () => {
    s = await printingStore(DEMO_PRINTERS, { printing: false });
    const numbers = placeOrders(s, 4);
    const oldBar = s.devices.hub.virtualPrinter('bar-printer')!;
    let restarted: Promise<unknown> | undefined;
    onJob(s.devices.hub.printer('bar-printer')!, 1, () => {
      restarted = s!.restartDevices(); // stops the queue while the run's first job is being sent
    });
    s.devices.startPrinting();
    await until(() => restarted, 5000, 'the stop');
    await restarted;
    await until(
      () => s!.devices.prints.list({ limit: 20 }).every((j) => j.state === 'printed'),
      5000,
      'every job printed',
    );
    await new Promise((r) => setTimeout(r, 100));
    const before = oldBar.printouts.map((p) =>
      Number(
        oldBar
          .decode(p)
          .lines.find((l) => /^#\d+$/.test(l.text))
          ?.text.slice(1),
      ),
    );
    expect([...before, ...numbersPrinted(s, 'bar-printer')]).toEqual(numbers);
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(s.devices.prints.list({ state: 'unconfirmed', limit: 20 })).toEqual([]);
  });
});
