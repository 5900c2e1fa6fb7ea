/**
 * The printer driver's runs over real TCP against the virtual printer: a printer asked its status
 * takes a run in one connection, asked before each job; one that is not asked gets a connection
 * per job; a printer that runs out of paper mid-run is sent nothing more.
 */
import { kitchenPrinterSchema, TillboxError, type PrinterDevice } from '@tillbox/core';
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATUS_QUERY } from './escpos-status.js';
import { Printer } from './printer.js';
import { TcpTransport } from './transport.js';
import { VirtualPrinter } from './virtual-printer.js';

const quiet = { info: () => undefined, warn: () => undefined };
const job = (n: number): Buffer => Buffer.from(`\x1b@TICKET ${n}\n\x1dV\x00`, 'latin1');

let twin: VirtualPrinter | undefined;
afterEach(async () => {
  await twin?.stop();
  twin = undefined;
});

async function setUp(status?: 'none') {
  twin = new VirtualPrinter({ dialect: 'escpos', columns: 42 });
  const port = await twin.start();
  const transport = new TcpTransport('127.0.0.1', port);
  const open = vi.spyOn(transport, 'open');
  const device: PrinterDevice = kitchenPrinterSchema.parse({
    id: 'bar-printer',
    role: 'kitchen-printer',
    driver: 'escpos',
    connection: 'virtual',
    columns: 42,
    stations: ['bar'],
    ...(status ? { status } : {}),
  });
  const printer = new Printer({ device, transport, timeoutMs: 1000, pollMs: 0, log: quiet });
  return { twin, printer, open };
}

/** Waits until the virtual printer has printed `n` (a session's last job comes out as it closes). */
async function printouts(t: VirtualPrinter, n: number): Promise<Buffer[]> {
  const end = Date.now() + 2000;
  while (t.printouts.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  return t.printouts.map((p) => p.bytes);
}

describe('a printer run', () => {
  it('goes in one connection, the status asked before each job, each job one printout', async () => {
    const { twin, printer, open } = await setUp();
    const sent: number[] = [];
    const count = await printer.printRun([job(1), job(2), job(3)], { sent: (i) => sent.push(i) });
    expect(count).toBe(3);
    expect(sent).toEqual([0, 1, 2]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(await printouts(twin, 3)).toEqual([job(1), job(2), job(3)]);
    expect(printer.status.state).toBe('ready');
  });

  it('gives each job a connection of its own on a printer not asked its status', async () => {
    const { twin, printer, open } = await setUp('none');
    const count = await printer.printRun([job(1), job(2)], { sent: () => undefined });
    expect(count).toBe(2);
    expect(open).toHaveBeenCalledTimes(2);
    const out = await printouts(twin, 2);
    expect(out).toEqual([job(1), job(2)]);
    // Nothing but the jobs: no status query went to it.
    expect(Buffer.concat(out).includes(STATUS_QUERY)).toBe(false);
  });

  it('stops before a job when told to, and says how many went', async () => {
    const { twin, printer } = await setUp();
    let asked = 0;
    const count = await printer.printRun([job(1), job(2), job(3)], {
      sent: () => undefined,
      proceed: () => ++asked <= 2,
    });
    expect(count).toBe(2);
    expect(await printouts(twin, 2)).toEqual([job(1), job(2)]);
    await new Promise((r) => setTimeout(r, 50));
    expect(twin.printouts).toHaveLength(2);
  });

  it('sends nothing more once the printer says it is out of paper, and rejects saying so', async () => {
    const { twin, printer } = await setUp();
    const sent: number[] = [];
    // The paper runs out printing the first job.
    const stop = twin.onPrintout(() => {
      stop();
      void twin.setState('paper-out');
    });
    const run = printer.printRun([job(1), job(2), job(3)], { sent: (i) => sent.push(i) });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TillboxError);
    expect((error as TillboxError).code).toBe('device-unavailable');
    expect((error as TillboxError).message).toMatch(/out of paper/);
    expect(sent).toEqual([0]);
    expect(printer.status.state).toBe('paper-out');
    await new Promise((r) => setTimeout(r, 50));
    // The first job came out before the paper ran out; the others were never sent (none held).
    expect(twin.printouts.map((p) => p.bytes)).toEqual([job(1)]);
    await twin.setState('ready');
    expect(twin.printouts).toHaveLength(1);
  });

  it('prints a job that came while its cover was open once it is closed, also before the connection ends', async () => {
    const { twin } = await setUp();
    await twin.setState('cover-open');
    const socket = connect({ host: twin.host, port: twin.port });
    await new Promise((r) => socket.once('connect', r));
    socket.write(job(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(twin.printouts).toHaveLength(0);
    await twin.setState('ready'); // the cover closed while the job's connection was still open
    socket.end();
    expect(await printouts(twin, 1)).toEqual([job(1)]);
  });
});
