/**
 * A code from the store box's HID POS scanner (the stream's `scanner` topic) does on the counter
 * what the same code typed by a keyboard-wedge scanner does: an item is added, a bad code says the
 * same words and adds nothing, a loyalty card goes to the customer panel.
 */
import { uuidv7, type Scan } from '@tillbox/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenSession } from '$lib/access/screen-session.svelte.js';
import { parseServerMessage } from '$lib/stream-client.js';
import { CounterController } from './counter-controller.svelte.js';
import { fakeEdge } from './fake-edge.test-support.js';
import { scannedLine } from './scan.js';
import { counterMenu, TUESDAY_10 } from './test-menu.test-support.js';
import { CounterTicket } from './ticket.svelte.js';

const session = {
  session: { idleMinutes: 10 },
  roster: [],
  handleError: () => undefined,
  loadRoster: () => Promise.resolve(),
} as unknown as ScreenSession;

function make() {
  const edge = fakeEdge('at-once');
  const ticket = new CounterTicket(edge.calls, edge.checkout);
  const counter = new CounterController(session, { search: () => {}, name: () => {} }, { ticket, clock: { now: 0 } });
  counter.menu = { kind: 'ready', menu: counterMenu };
  return counter;
}

const scan = (code: string, kind: Scan['kind'], extra: Partial<Scan> = {}): Scan => ({
  id: uuidv7(),
  device: 'scanner',
  kind,
  code,
  symbology: 'ean-upc',
  aim: ']E0',
  at: new Date(TUESDAY_10).toISOString(),
  ...extra,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(TUESDAY_10);
  vi.stubGlobal('fetch', () => Promise.reject(new Error('no edge in this test')));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a scan from the store box', () => {
  it('adds the item of a barcode, as a wedge scan of the code does', () => {
    const counter = make();
    counter.storeScanned(scan('036000291452', 'barcode', { format: 'upc-a' }));
    expect(counter.ticket.cart.state.lines).toEqual([expect.objectContaining({ itemId: 'beans', quantity: 1 })]);
    expect(counter.message?.text).toBe('Added House beans.');
  });

  it('says what a wedge scan says of a bad code, and adds nothing', () => {
    const counter = make();
    counter.storeScanned(scan('4006381333932', 'invalid', { problem: 'check digit' }));
    const wedge = scannedLine(counterMenu, '4006381333932', TUESDAY_10, 'en');
    expect(wedge.kind).toBe('refused');
    expect(counter.message).toMatchObject({ alert: true, text: wedge.kind === 'refused' ? wedge.message : '' });
    expect(counter.ticket.cart.state.lines).toEqual([]);
    counter.storeScanned(scan('', 'unreadable', { problem: 'The scanner could not read that code: scan it again.' }));
    expect(counter.message).toMatchObject({
      alert: true,
      text: 'The scanner could not read that code: scan it again.',
    });
    expect(counter.ticket.cart.state.lines).toEqual([]);
  });

  it('hands a loyalty card to the customer panel, and waits while a dialog is open', () => {
    const counter = make();
    const cards: string[] = [];
    counter.memberScanned = (code) => cards.push(code);
    const card = `TBXM1-${'a1'.repeat(10)}`;
    counter.storeScanned(scan(card, 'loyalty', { symbology: 'qr', aim: ']Q1' }));
    expect(cards).toEqual([card]);
    expect(counter.ticket.cart.state.lines).toEqual([]);
    counter.dialog = { kind: 'help' };
    counter.storeScanned(scan('036000291452', 'barcode'));
    expect(counter.ticket.cart.state.lines).toEqual([]);
    expect(counter.message?.text).toBe('Close the open dialog, then scan again.');
  });
});

describe('the stream client', () => {
  it('reads a scan frame, and calls one that breaks the schema unreadable', () => {
    const s = scan('4006381333931', 'barcode', { format: 'ean-13' });
    expect(parseServerMessage(JSON.stringify({ type: 'scan', scan: s }))).toEqual({ type: 'scan', scan: s });
    expect(parseServerMessage(JSON.stringify({ type: 'scan', scan: { ...s, kind: 'magic' } }))).toEqual({
      type: 'unreadable',
      message: 'unreadable scan frame',
    });
  });
});
