/**
 * The ticket a cashier is ringing up, in rune state. It lives in two phases:
 * - building: a cart (the sale library's, with its line ids) priced on the screen, its order
 *   type, the guest's name or table, a note per line, and the selected line the keys act on;
 * - placed: the order the edge keeps under the same line ids. Placing (Send, or the first
 *   tender, discount or price override) uses the sale library's `Checkout` on the 'counter'
 *   channel with fire `auto`, so the store's `kitchen.counterFires` setting decides whether it
 *   goes to the kitchen at once or when it is paid; "Send" on a placed order that waits for
 *   payment fires it now. Discounts and price overrides act on the placed order and may need a
 *   manager (the dialog asks on the same screen and calls again with the approval).
 *
 * Open tickets (hold, recall, transfer) and split tender will grow from here.
 */
import type { DiscountBody, OrderView, PriceOverrideBody } from '@tillbox/core';
import { lineKey, type NewLine } from '$lib/sale/cart.js';
import { Cart } from '$lib/sale/cart.svelte.js';
import { Checkout } from '$lib/sale/checkout.svelte.js';
import { MAX_QUANTITY } from '$lib/sale/selection.js';
import { counterCalls, type CounterCalls } from './counter-api.js';
import { CounterPayment } from './payment.svelte.js';

export type TicketPhase = 'building' | 'placed' | 'paid' | 'closed';

export type OrderTypeChoice = 'takeout' | 'dine-in';

/** The longest note the edge takes on a line. */
export const MAX_NOTE = 140;

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
  /** A send, cancel, discount or override is under way. */
  working = $state(false);
  /** Why the last send or cancel did not work. */
  error = $state<unknown>(undefined);
  readonly #calls: CounterCalls;

  constructor(calls: CounterCalls = counterCalls, checkout?: Checkout) {
    this.#calls = calls;
    this.checkout = checkout ?? new Checkout('counter');
    this.payment = new CounterPayment(calls);
  }

  get phase(): TicketPhase {
    const order = this.payment.order ?? this.order;
    if (!order) return 'building';
    if (order.payment === 'paid') return 'paid';
    if (['cancelled', 'voided', 'refunded'].includes(order.status)) return 'closed';
    return 'placed';
  }

  /** The cart can change: nothing placed, nothing on its way. */
  get editable(): boolean {
    return this.phase === 'building' && !this.checkout.locked;
  }

  /** The ids of the ticket's lines, in order (the cart's, then the order's: the same ids). */
  get lineIds(): string[] {
    return this.order ? this.order.lines.map((l) => l.lineId) : this.cart.lines.map((l) => l.lineId);
  }

  /** Add a line (more of the same thing joins its line) and select it. False when the cart cannot take it. */
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

  /** Change the selected line's quantity by `delta`; below one removes it. */
  changeQuantity(lineId: string, delta: number): void {
    if (!this.editable) return;
    const line = this.cart.lines.find((l) => l.lineId === lineId);
    if (!line) return;
    const quantity = Math.min(MAX_QUANTITY, line.quantity + delta);
    if (quantity < 1) return this.remove(lineId);
    this.cart.setQuantity(lineId, quantity);
  }

  remove(lineId: string): void {
    if (!this.editable) return;
    const ids = this.lineIds;
    const at = ids.indexOf(lineId);
    this.cart.remove(lineId);
    if (this.selected === lineId) this.selected = this.cart.lines[Math.min(at, this.cart.lines.length - 1)]?.lineId;
  }

  /** The line's note for the kitchen ("no foam"); blank removes it. */
  setNote(lineId: string, note: string): void {
    if (!this.editable) return;
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

  /** Place the cart (once; a placed ticket answers its order). Undefined when it was not placed (see `checkout.error`). */
  async place(): Promise<OrderView | undefined> {
    if (this.order) return this.order;
    if (this.cart.lines.length === 0) return undefined;
    await this.checkout.place({
      orderType: this.orderType,
      guestName: this.guestName,
      table: this.orderType === 'dine-in' ? this.table : undefined,
      cart: this.cart.state,
    });
    if (this.checkout.status === 'placed' && this.checkout.order) this.order = this.checkout.order;
    return this.order;
  }

  /** Send to the kitchen: place it (the store setting says whether it fires), or fire a placed order waiting for payment. */
  async send(): Promise<void> {
    if (!this.order) {
      await this.place();
      return;
    }
    if (this.order.firedAt !== undefined || this.phase !== 'placed') return;
    await this.#act(async (order) => this.#calls.fire(order.id));
  }

  /** Cancel a placed order that is neither paid nor in the kitchen. */
  async cancel(): Promise<void> {
    await this.#act(async (order) => this.#calls.cancel(order.id));
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

  /** Pay in full: cash with the amount handed over, or card on the pinpad. Places the order first. */
  async pay(method: 'cash' | 'card', tendered?: number): Promise<OrderView | undefined> {
    const order = await this.place();
    if (!order) return undefined;
    const paid = await this.payment.pay(order, method === 'cash' ? { method, tendered: tendered ?? 0 } : { method });
    if (paid) this.order = paid;
    return paid;
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
    this.error = undefined;
  }

  async #placedOrThrow(): Promise<OrderView> {
    const order = await this.place();
    if (!order) throw this.checkout.error ?? new Error('Add something to the ticket first.');
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
