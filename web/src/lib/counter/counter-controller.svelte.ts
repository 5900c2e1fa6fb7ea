/**
 * What the counter screen does, apart from how it looks: the menu, the ticket, the tender being
 * taken (cash, card with its tip, another tender; the part of a split bill it pays), what is said
 * on the screen, which dialog is open, the keys, and the hold that keeps an unfinished ticket when
 * the screen goes idle. Made while the screen's component initialises (its clock ticks with it).
 */
import { formatMoney, localize, type CommerceItem, type OrderView, type Scan, type SplitBody } from '@tillbox/core';
import type { ScreenSession } from '$lib/access/screen-session.svelte.js';
import { errorMessage } from '$lib/api.js';
import { Clock } from '$lib/clock.svelte.js';
import type { NewLine } from '$lib/sale/cart.js';
import { browse, type Menu } from '$lib/sale/menu.js';
import { previewCart } from '$lib/sale/preview.js';
import type { CounterDialog } from './CounterDialogs.svelte';
import { openTickets } from './counter-api.js';
import { loadCounterMenu } from './counter-menu.js';
import { runAction } from './counter-actions.js';
import { counterAction, type CounterAction } from './keymap.js';
import { holdDelayMs, IdleWatch } from './open-tickets.js';
import { scannedLine } from './scan.js';
import { billState, nextPart, tenderAmount, type BillState } from './split-tender.js';
import { StoreScanner } from './store-scanner.js';
import { CounterTicket } from './ticket.svelte.js';
import { orderTicket, previewTicket, withNewLines, type TicketView } from './ticket-view.js';
import { NO_TIP, tipFields, type TipChoice } from './tips.js';
import { WedgeDetector } from './wedge.js';

export type MenuState = { kind: 'loading' } | { kind: 'ready'; menu: Menu } | { kind: 'failed'; error: unknown };
export type TenderKind = 'cash' | 'card' | 'other';

const LANG = 'en';

export class CounterController {
  readonly lang = LANG;
  readonly ticket: CounterTicket;
  /** Now, ticking every 30 s (menus by daypart, open tickets' ages). */
  readonly clock: { readonly now: number };
  readonly wedge = new WedgeDetector();
  /** The store box's HID POS scanner paired with the counters (started with the screen). */
  readonly storeScanner = new StoreScanner((scan) => this.storeScanned(scan));
  /** Attaches a loyalty member by their card's code (the customer panel sets it). */
  memberScanned: ((code: string) => void) | undefined;
  menu = $state<MenuState>({ kind: 'loading' });
  query = $state('');
  tender = $state<TenderKind | undefined>(undefined);
  /** The part of a split bill being paid. */
  part = $state<number | undefined>(undefined);
  /** The card's tip and amount (blank: the rest), kept while the card panel is open. */
  cardTip = $state<TipChoice>(NO_TIP);
  cardAmount = $state('');
  dialog = $state<CounterDialog | undefined>(undefined);
  message = $state<{ id: number; text: string; alert: boolean } | undefined>(undefined);
  confirmingClear = $state(false);
  /** The signed-in cashier's open tickets (undefined until counted). */
  heldCount = $state<number | undefined>(undefined);
  readonly session: ScreenSession;
  readonly #idle: IdleWatch;
  readonly focus: { search: () => void; name: () => void };
  #said = 0;

  constructor(
    session: ScreenSession,
    focus: { search: () => void; name: () => void },
    /** Tests give their own ticket and clock (a Clock ticks only inside a component). */
    deps: { ticket?: CounterTicket; clock?: { readonly now: number } } = {},
  ) {
    this.session = session;
    this.ticket = deps.ticket ?? new CounterTicket();
    this.clock = deps.clock ?? new Clock(30_000);
    this.focus = focus;
    this.#idle = new IdleWatch(holdDelayMs(session.session?.idleMinutes ?? 10), () => void this.holdOnIdle());
  }

  // $derived.by: the ticket and clock are set in the constructor, before any of these is read.
  readonly sections = $derived.by(() => (this.menu.kind === 'ready' ? browse(this.menu.menu, this.clock.now) : []));
  readonly preview = $derived.by(() =>
    this.menu.kind === 'ready'
      ? previewCart(this.menu.menu, this.ticket.cart.state, {
          orderType: this.ticket.orderType,
          at: this.clock.now,
          language: LANG,
        })
      : ({ ok: true, priced: undefined } as const),
  );
  readonly view = $derived.by((): TicketView | undefined => {
    const { order } = this.ticket;
    const priced = this.preview.ok ? this.preview.priced : undefined;
    if (this.menu.kind !== 'ready') return order ? orderTicket(order, LANG) : undefined;
    const cart = previewTicket(this.menu.menu, this.ticket.cart.state, priced, LANG);
    return order ? withNewLines(orderTicket(order, LANG), cart, priced !== undefined) : cart;
  });
  readonly bill = $derived.by((): BillState | undefined =>
    this.ticket.order ? billState(this.ticket.order, this.part) : undefined,
  );
  readonly currency = $derived(this.view?.currency ?? 'USD');
  readonly can = $derived.by((): Partial<Record<CounterAction, boolean>> => {
    const t = this.ticket;
    const phase = t.phase;
    const open = phase === 'building' || phase === 'placed';
    const ready = open && t.lineIds.length > 0 && this.preview.ok;
    const idle = !t.working && !t.tendering;
    const selected = t.selected;
    return {
      note: selected !== undefined && t.changeable(selected),
      discount: ready && t.takesLines && idle,
      price: ready && t.takesLines && idle && selected !== undefined,
      send: ready && idle && (t.pending || t.order?.firedAt === undefined),
      cash: ready && !t.tendering,
      card: ready && !t.tendering,
      hold: ready && idle,
      split: ready && idle && (t.order === undefined || t.order.payment === 'unpaid'),
      tickets: true,
      orders: true,
    };
  });

  money = (amount: number): string => formatMoney({ amount, currency: this.currency });

  say(text: string, alert = false): void {
    this.message = { id: ++this.#said, text, alert };
  }

  async loadMenu(): Promise<void> {
    try {
      this.menu = { kind: 'ready', menu: await loadCounterMenu() };
    } catch (error) {
      this.session.handleError(error);
      if (this.menu.kind !== 'ready') this.menu = { kind: 'failed', error };
    }
  }

  /** How many open tickets the signed-in cashier has (asked on opening and after hold, recall, hand over). */
  async countHeld(): Promise<void> {
    try {
      this.heldCount = (await openTickets('me')).orders.length;
    } catch (error) {
      this.session.handleError(error);
    }
  }

  /** A new guest: a paid or closed ticket makes way; an open tender panel closes while nothing is paid. */
  #ready(): boolean {
    const t = this.ticket;
    if (t.phase === 'paid' || t.phase === 'closed') this.newOrder();
    if (this.tender && t.order?.payment === 'unpaid' && !t.tendering) this.tender = undefined;
    if (t.editable) return true;
    this.say(
      t.order
        ? `Order ${t.order.number} has payments: take the rest, then ring up the next order.`
        : 'Wait for the order to be placed.',
      true,
    );
    return false;
  }

  addLine(line: NewLine, name: string): void {
    if (!this.#ready()) return;
    if (this.ticket.add(line)) this.say(`Added ${name}.`);
    else this.say(`${name} could not be added: the ticket is full.`, true);
  }

  choose(item: CommerceItem): void {
    if (this.menu.kind !== 'ready' || !this.#ready()) return;
    const simple = !item.combo && item.variants.length <= 1 && item.modifierGroupIds.length === 0;
    if (!simple) return void (this.dialog = { kind: 'options', item });
    const line: NewLine = { itemId: item.id, modifiers: [], slots: [], quantity: 1 };
    if (item.variants[0]) line.variantId = item.variants[0].id;
    this.addLine(line, localize(item.name, LANG));
  }

  scanned(code: string): void {
    if (this.menu.kind !== 'ready') return;
    const outcome = scannedLine(this.menu.menu, code, Date.now(), LANG);
    if (outcome.kind === 'refused') return this.say(outcome.message, true);
    if (!this.#ready()) return;
    if (outcome.kind === 'choose') this.dialog = { kind: 'options', item: outcome.item, initial: outcome.selection };
    else this.addLine(outcome.line, outcome.name);
  }

  /** A code from the store box's scanner: the same path as a keyboard-wedge scan of it. */
  storeScanned(scan: Scan): void {
    if (this.dialog) return this.say('Close the open dialog, then scan again.', true);
    if (scan.kind === 'unreadable') return this.say(scan.problem ?? 'The code could not be read: scan it again.', true);
    if (scan.kind === 'loyalty' && this.memberScanned) return this.memberScanned(scan.code);
    if (scan.kind === 'order') {
      this.dialog = { kind: 'orders' };
      return this.say("An order's receipt was scanned: find the order in Today's orders.");
    }
    this.scanned(scan.code);
  }

  newOrder(): void {
    this.ticket.reset();
    this.endTender();
    this.part = undefined;
    this.confirmingClear = false;
  }

  endTender(): void {
    if (this.ticket.tendering) return;
    this.tender = undefined;
    this.cardTip = NO_TIP;
    this.cardAmount = '';
  }

  /** Cash (F9) or card (F10): open its panel (placing the order); the same key again takes it (exact; charge). */
  async startTender(kind: TenderKind): Promise<void> {
    if (kind !== 'other' && !this.can[kind]) return;
    if (this.tender === kind && this.ticket.order && this.bill) {
      if (kind === 'cash') return this.takeCash(this.bill.due);
      if (kind === 'card') return this.chargeCard();
    }
    const order = await this.ticket.place();
    if (!order) return;
    if (order.split && (this.part === undefined || (this.bill?.due ?? 0) === 0)) this.part = nextPart(order);
    this.tender = kind;
  }

  #partOf(): { part?: number } {
    return this.ticket.order?.split && this.bill?.part !== undefined ? { part: this.bill.part } : {};
  }

  async takeCash(tendered: number): Promise<void> {
    this.#after(await this.ticket.pay({ method: 'cash', tendered, ...this.#partOf() }));
  }

  async chargeCard(): Promise<void> {
    const bill = this.bill;
    if (!bill) return;
    const amount = tenderAmount(this.cardAmount, bill.due, this.currency);
    if (typeof amount === 'string') return this.say(amount, true);
    const body = {
      method: 'card' as const,
      ...(amount === bill.due ? {} : { amount }),
      ...tipFields(this.cardTip, bill.amount),
      ...this.#partOf(),
    };
    this.#after(await this.ticket.pay(body));
  }

  async takeOther(amount: number, reference: string): Promise<void> {
    this.#after(await this.ticket.pay({ method: 'external', amount, reference, ...this.#partOf() }));
  }

  /** After a tender: paid shows the receipt; else say what is left, moving on to the next part when one is paid. */
  #after(order: OrderView | undefined): void {
    if (!order) return;
    const taken = this.ticket.payment.last;
    this.cardTip = NO_TIP;
    this.cardAmount = '';
    if (order.payment === 'paid') {
      this.tender = undefined;
      this.part = undefined;
      return;
    }
    const was = this.bill;
    const what = taken ? `${this.money(taken.amount)} taken.` : 'Taken.';
    if (order.split && was?.due === 0) {
      const next = nextPart(order);
      this.part = next;
      const left = order.split.parts.find((p) => p.part === next);
      this.say(`Part ${was.part} paid. Part ${next}: ${this.money(left?.due ?? 0)} due.`);
    } else this.say(`${what} ${this.money(was?.due ?? order.due ?? 0)} left to pay.`);
  }

  async clear(): Promise<void> {
    if (!this.confirmingClear) return void (this.confirmingClear = true);
    this.confirmingClear = false;
    if (!this.ticket.order) return this.newOrder();
    const number = this.ticket.order.number;
    await this.ticket.cancel();
    if (this.ticket.phase === 'closed') {
      this.newOrder();
      this.say(`Order ${number} cancelled.`);
    }
  }

  /** Park the ticket as an open ticket. */
  async hold(options: { fire?: 'on-payment' } = {}): Promise<boolean> {
    const held = await this.ticket.hold(options);
    if (!held) {
      this.say(`The ticket was not held: ${errorMessage(this.ticket.error ?? this.ticket.checkout.error)}`, true);
      return false;
    }
    this.newOrder();
    this.say(`Order ${held.number} held: recall it from Open tickets.`);
    void this.countHeld();
    return true;
  }

  /** A little before the edge signs an idle cashier out: an unfinished ticket is held, not lost (and not sent). */
  async holdOnIdle(): Promise<void> {
    const t = this.ticket;
    if (!t.unfinished || t.tendering || t.working || t.checkout.locked) return;
    await this.hold({ fire: 'on-payment' });
  }

  /** The screen was touched: the idle hold waits again. */
  touched(): void {
    const minutes = this.session.session?.idleMinutes;
    if (minutes !== undefined) this.#idle.setDelay(holdDelayMs(minutes));
    this.#idle.touch();
  }

  stop(): void {
    this.#idle.stop();
    this.storeScanner.stop();
  }

  /** Bring an open ticket onto the counter, holding what is on it first. */
  async recall(order: OrderView): Promise<boolean> {
    if (this.ticket.unfinished && this.ticket.order?.id !== order.id && !(await this.hold())) return false;
    this.newOrder();
    const back = await this.ticket.recall(order);
    if (!back) {
      this.say(`Order ${order.number} could not be recalled: ${errorMessage(this.ticket.error)}`, true);
      return false;
    }
    this.say(`Order ${back.number} is back on the counter.`);
    void this.countHeld();
    return true;
  }

  /** Split the bill (or make it one again); throws the edge's refusal for the dialog to show. */
  async split(body: SplitBody): Promise<void> {
    const order = await this.ticket.split(body);
    this.part = nextPart(order);
    this.say(order.split ? `Bill split in ${order.split.parts.length}: take each part on its own.` : 'One bill again.');
  }

  /** The managers who may approve, for a dialog that may ask one. */
  approvers(): void {
    if (this.menu.kind === 'ready' && this.session.roster === undefined) void this.session.loadRoster();
  }

  async openSplit(): Promise<void> {
    if (!this.can.split) return;
    if (!(await this.ticket.place())) return;
    this.dialog = { kind: 'split' };
  }

  /** Do what a key or a button asks; false when it does not apply now (the key is left alone). */
  run(action: CounterAction): boolean {
    return runAction(this, action);
  }

  /** A key of the page: the scanner first, then the counter's keys (`typing`: a text field has the focus). */
  key(event: KeyboardEvent, typing: boolean, onScan: (code: string) => void): void {
    // A held-down key repeats fast too: it is never part of a scan.
    if (event.repeat) this.wedge.reset();
    const verdict = event.repeat ? undefined : this.wedge.feed(event.key, event.timeStamp);
    if (verdict?.kind === 'scan') {
      event.preventDefault();
      event.stopImmediatePropagation();
      onScan(verdict.code);
      return this.scanned(verdict.code);
    }
    const target = event.target;
    const action = counterAction(event, typing);
    if (!action) return;
    // Enter and Space on a focused button are that button's.
    if (action === 'newOrder' && (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement)) return;
    if (this.run(action)) event.preventDefault();
  }
}
