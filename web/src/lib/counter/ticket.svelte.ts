/**
 * The ticket a cashier is ringing up, in rune state: the sale library's cart (its line ids, its
 * order type, the guest's name or table, a note per line, the selected line the keys act on) and,
 * once placed, the order the edge keeps under the same line ids.
 * - Placing (Send, a tender, a discount, a price override, Hold) uses the sale library's
 *   `Checkout` on the 'counter' channel with fire `auto`, so the store's `kitchen.counterFires`
 *   decides whether it goes to the kitchen at once or when it is paid; Send on an order waiting
 *   for payment fires it now.
 * - A placed order that nothing has been paid on still takes items: they wait in the cart as new
 *   lines and go to the edge (`POST /orders/:id/lines`, another round if it is in the kitchen)
 *   before anything else is done with the order.
 * - Open tickets: Hold parks the order (placing it first) and clears the counter; Recall brings a
 *   held one (or any unpaid counter order) back onto it.
 * - Tenders: split tender and split bills through `CounterPayment`, each tender for all that is
 *   due or part of it, of the order or of one part.
 */
import type { DiscountBody, OrderView, PriceOverrideBody, SplitBody } from '@tillbox/core';
import { lineKey, pricingCart, type NewLine } from '$lib/sale/cart.js';
import { Cart } from '$lib/sale/cart.svelte.js';
import { Checkout } from '$lib/sale/checkout.svelte.js';
import { MAX_QUANTITY } from '$lib/sale/selection.js';
import { counterCalls, outcomeUnknown, type CounterCalls, type TenderBody } from './counter-api.js';
import { CounterPayment } from './payment.svelte.js';

export type TicketPhase = 'building' | 'placed' | 'paid' | 'closed';

export type OrderTypeChoice = 'takeout' | 'dine-in';

/** The longest note the edge takes on a line. */
export const MAX_NOTE = 140;

const OPEN_STATUSES: readonly string[] = ['placed', 'in_kitchen', 'ready'];

export class CounterTicket {
  readonly cart = new Cart();
  readonly checkout: Checkout;
  readonly payment: CounterPayment;
  orderType = $state<OrderTypeChoice>('takeout');
  guestName = $state('');
  table = $state('');
  /** The line the keys (+, −, Del, note, discount, price) act on. */
  selected = $state<string | undefined>(undefined);
  /** The placed order, as the edge last answered it. */
  order = $state<OrderView | undefined>(undefined);
  /** A send, cancel, new lines, hold, split, discount or override is under way. */
  working = $state(false);
  /** Why the last send, cancel, new lines, hold or split did not work. */
  error = $state<unknown>(undefined);
  /** A tender is being taken (from the moment it is asked for, placing included). */
  tendering = $state(false);
  readonly #calls: CounterCalls;

  constructor(calls: CounterCalls = counterCalls, checkout?: Checkout) {
    this.#calls = calls;
    this.checkout = checkout ?? new Checkout('counter');
    this.payment = new CounterPayment(calls);
  }

  get phase(): TicketPhase {
    const order = this.order;
    if (!order) return 'building';
    if (order.payment === 'paid') return 'paid';
    if (['cancelled', 'voided', 'refunded'].includes(order.status)) return 'closed';
    return 'placed';
  }

  /** The placed order can take new lines: open, and nothing paid on it yet. */
  get takesLines(): boolean {
    const o = this.order;
    return !o || (o.payment === 'unpaid' && OPEN_STATUSES.includes(o.status));
  }

  /** Items can be added or changed now: nothing on its way, and the order (if placed) takes lines. */
  get editable(): boolean {
    return !this.checkout.locked && !this.working && !this.tendering && this.takesLines;
  }

  /** Lines rung up but not on the edge's order yet (all of them before it is placed). */
  get pending(): boolean {
    return this.cart.lines.length > 0;
  }

  /** The ids of the ticket's lines, in order: the order's, then the new ones. */
  get lineIds(): string[] {
    return [...(this.order?.lines.map((l) => l.lineId) ?? []), ...this.cart.lines.map((l) => l.lineId)];
  }

  /** Something is on the counter that is not finished: lines not placed, or a placed order not paid. */
  get unfinished(): boolean {
    return this.pending || this.phase === 'placed';
  }

  /** Add a line (more of the same thing joins its line) and select it. False when it cannot be taken. */
  add(line: NewLine): boolean {
    if (!this.editable) return false;
    const before = this.cart.state;
    this.cart.add(line);
    if (this.cart.state === before) return false;
    this.selected = this.cart.lines.find((l) => lineKey(l) === lineKey(line))?.lineId;
    return true;
  }

  select(lineId: string | undefined): void {
    this.selected = lineId !== undefined && this.lineIds.includes(lineId) ? lineId : undefined;
  }

  /** Select the next (1) or previous (−1) line, staying at the ends. */
  step(delta: 1 | -1): void {
    const ids = this.lineIds;
    if (ids.length === 0) return;
    const at = this.selected === undefined ? -1 : ids.indexOf(this.selected);
    const next = at === -1 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + delta));
    this.selected = ids[next];
  }

  /** The line can still change: it is not on the edge's order yet. */
  changeable(lineId: string): boolean {
    return this.editable && this.cart.lines.some((l) => l.lineId === lineId);
  }

  /** Change a new line's quantity by `delta`; below one removes it. */
  changeQuantity(lineId: string, delta: number): void {
    if (!this.changeable(lineId)) return;
    const line = this.cart.lines.find((l) => l.lineId === lineId);
    if (!line) return;
    const quantity = Math.min(MAX_QUANTITY, line.quantity + delta);
    if (quantity < 1) return this.remove(lineId);
    this.cart.setQuantity(lineId, quantity);
  }

  remove(lineId: string): void {
    if (!this.changeable(lineId)) return;
    const ids = this.lineIds;
    const at = ids.indexOf(lineId);
    this.cart.remove(lineId);
    if (this.selected === lineId) this.selected = this.lineIds[Math.min(at, this.lineIds.length - 1)];
  }

  /** A new line's note for the kitchen ("no foam"); blank removes it. */
  setNote(lineId: string, note: string): void {
    if (!this.changeable(lineId)) return;
    const text = note.trim().slice(0, MAX_NOTE);
    this.cart.state = {
      lines: this.cart.lines.map((l) => {
        if (l.lineId !== lineId) return l;
        const { note: _old, ...rest } = l;
        return text === '' ? rest : { ...rest, note: text };
      }),
    };
  }

  noteOf(lineId: string): string {
    return (
      this.order?.lines.find((l) => l.lineId === lineId)?.note ??
      this.cart.lines.find((l) => l.lineId === lineId)?.note ??
      ''
    );
  }

  /**
   * Everything on the edge: the cart placed (once), or its new lines added to the placed order.
   * Undefined when that did not work (see `checkout.error` or `error`).
   */
  async place(options: { fire?: 'on-payment' } = {}): Promise<OrderView | undefined> {
    if (this.order) return this.pending ? this.#addLines(this.order) : this.order;
    if (this.cart.lines.length === 0) return undefined;
    await this.checkout.place({
      orderType: this.orderType,
      guestName: this.guestName,
      table: this.orderType === 'dine-in' ? this.table : undefined,
      cart: this.cart.state,
      ...(options.fire ? { fire: options.fire } : {}),
    });
    if (this.checkout.status === 'placed' && this.checkout.order) {
      this.order = this.checkout.order;
      this.cart.clear();
    }
    return this.order;
  }

  /** The new lines onto the placed order; an unknown outcome is read back (the edge keeps the line ids). */
  async #addLines(order: OrderView): Promise<OrderView | undefined> {
    if (this.working) return undefined;
    const lines = pricingCart(this.cart.state).lines.map((l) => ({ ...l, lineId: l.lineId ?? '' }));
    this.working = true;
    this.error = undefined;
    try {
      this.order = await this.#calls.addLines(order.id, { lines });
      this.cart.clear();
    } catch (e) {
      if (!outcomeUnknown(e)) this.error = e;
      else {
        try {
          const now = await this.#calls.get(order.id);
          this.order = now;
          if (lines.every((l) => now.lines.some((o) => o.lineId === l.lineId))) this.cart.clear();
          else this.error = e;
        } catch {
          this.error = e;
        }
      }
    } finally {
      this.working = false;
    }
    return this.pending ? undefined : this.order;
  }

  /** Send to the kitchen: place it (the store setting says whether it fires), or fire a placed order waiting for payment. */
  async send(): Promise<void> {
    const wasPlaced = this.order !== undefined;
    const order = await this.place();
    if (!order || !wasPlaced || order.firedAt !== undefined || this.phase !== 'placed') return;
    await this.#act(async (o) => this.#calls.fire(o.id));
  }

  /** Cancel a placed order that is neither paid nor in the kitchen. */
  async cancel(): Promise<void> {
    await this.#act(async (order) => this.#calls.cancel(order.id));
  }

  /**
   * Park the ticket as an open ticket (placed first, its new lines added) and clear the counter.
   * Resolves to the held order, or undefined when it could not be held (see `error`).
   */
  async hold(options: { fire?: 'on-payment' } = {}): Promise<OrderView | undefined> {
    if (this.tendering) return undefined;
    const order = await this.place(options);
    if (!order) return undefined;
    if (order.heldAt !== undefined) {
      this.reset();
      return order;
    }
    await this.#act(async (o) => this.#calls.hold(o.id));
    const held = this.order;
    if (held?.heldAt === undefined) return undefined;
    this.reset();
    return held;
  }

  /** Bring an open ticket onto the counter (recalled when it was held); resolves to it, or undefined (see `error`). */
  async recall(order: OrderView): Promise<OrderView | undefined> {
    if (this.working) return undefined;
    this.reset();
    this.working = true;
    try {
      this.order = order.heldAt !== undefined ? await this.#calls.resume(order.id) : await this.#calls.get(order.id);
      return this.order;
    } catch (e) {
      this.error = e;
      return undefined;
    } finally {
      this.working = false;
    }
  }

  /** Split the bill (or make it one again); throws the edge's refusal. */
  async split(body: SplitBody): Promise<OrderView> {
    const order = await this.#placedOrThrow();
    const next = await this.#calls.split(order.id, body);
    this.order = next;
    return next;
  }

  /** A discount or comp on the order or a line; throws the edge's refusal (the dialog asks a manager on a 403). */
  async discount(body: DiscountBody): Promise<OrderView> {
    const order = await this.#placedOrThrow();
    const next = await this.#calls.discount(order.id, body);
    this.order = next;
    return next;
  }

  /** A manager's price for one unit of a line; throws the edge's refusal. */
  async overridePrice(lineId: string, body: PriceOverrideBody): Promise<OrderView> {
    const order = await this.#placedOrThrow();
    const next = await this.#calls.overridePrice(order.id, lineId, body);
    this.order = next;
    return next;
  }

  /**
   * Take one tender — all that is due or part of it, of the order or of one part of a split bill.
   * Places the order (and adds its new lines) first. Resolves to the order after it, or undefined.
   */
  async pay(body: TenderBody): Promise<OrderView | undefined> {
    if (this.tendering) return undefined;
    this.tendering = true;
    try {
      const order = await this.place();
      if (!order) return undefined;
      const after = await this.payment.pay(order, body);
      if (after) this.order = after;
      return after;
    } finally {
      this.tendering = false;
    }
  }

  /** Everything cleared for the next guest. */
  reset(): void {
    this.cart.clear();
    this.checkout.reset();
    this.payment.reset();
    this.order = undefined;
    this.orderType = 'takeout';
    this.guestName = '';
    this.table = '';
    this.selected = undefined;
    this.working = false;
    this.tendering = false;
    this.error = undefined;
  }

  async #placedOrThrow(): Promise<OrderView> {
    const order = await this.place();
    if (!order) throw this.error ?? this.checkout.error ?? new Error('Add something to the ticket first.');
    return order;
  }

  async #act(call: (order: OrderView) => Promise<OrderView>): Promise<void> {
    const order = this.order;
    if (!order || this.working) return;
    this.working = true;
    this.error = undefined;
    try {
      this.order = await call(order);
    } catch (e) {
      this.error = e;
    } finally {
      this.working = false;
    }
  }
}
